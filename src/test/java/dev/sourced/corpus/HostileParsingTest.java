package dev.sourced.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile input: refused or read within bounds, and a parse that is given up on really stops. */
class HostileParsingTest {
    /** 72 KB of ordinary text, then random bytes: the binary check must look past its first 64 KB. */
    static byte[] textThenRandomBytes() {
        byte[] text = ("Le conseil municipal a voté le budget du tramway mardi soir. ".repeat(1200)).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[72 * 1024 + 16 * 1024];
        System.arraycopy(text, 0, out, 0, 72 * 1024);
        byte[] noise = new byte[16 * 1024];
        new Random(42).nextBytes(noise);
        System.arraycopy(noise, 0, out, 72 * 1024, noise.length);
        return out;
    }

    @Test
    void textFollowedByRandomBytesPastTheFirst64KbIsRefusedAsBinary() {
        try (UntrustedParser parser = new UntrustedParser()) {
            assertThatThrownBy(() -> parser.parse(textThenRandomBytes(), "text", "mixed.txt", "upload"))
                    .isInstanceOf(CorpusException.class).hasMessageContaining("binary content");
        }
    }

    @Test
    void controlCharactersLateInTheFileWithoutNulBytesAreRefusedToo() {
        byte[] bytes = ("Une phrase ordinaire. ".repeat(4000) + "\u0001\u0002\u0003\u0004".repeat(2000)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DocumentReader.decode(bytes, "late.txt"))
                .isInstanceOf(CorpusException.class).hasMessageContaining("control characters");
    }

    @Test
    void aTextWithoutSentenceBreaksIsCutIntoPassagesOfBoundedLength() {
        String words = "mot ".repeat(250_000); // 1 MB, no punctuation, no line break
        List<Passage> passages = Passages.split(words);
        assertThat(passages).hasSizeGreaterThanOrEqualTo(1_000_000 / SentenceSplitter.MAX_SENTENCE_CHARS)
                .allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(SentenceSplitter.MAX_SENTENCE_CHARS));
        assertThat(passages).allSatisfy(p -> assertThat(words.substring(p.start(), p.end())).isEqualTo(p.text()));
        String noSpace = "x".repeat(10 * SentenceSplitter.MAX_SENTENCE_CHARS);
        assertThat(Passages.split(noSpace)).hasSize(10)
                .allSatisfy(p -> assertThat(p.text()).hasSize(SentenceSplitter.MAX_SENTENCE_CHARS));
    }

    @Test
    void periodsWithoutSpacesDoNotMakeTheSplitterQuadratic() {
        String dots = "a.".repeat(2_000_000); // 4 MB: each period used to look back to the sentence start
        long t0 = System.nanoTime();
        List<Span> spans = SentenceSplitter.split(dots);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(spans).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(SentenceSplitter.MAX_SENTENCE_CHARS));
    }

    @Test
    void sixteenMegabytesOfScriptTagsAreRemovedInOnePassAndTheTextAroundThemKept() {
        String hostile = "Le tramway coûtera 300 millions d'euros.\n<SCRIPT type=x>alert(1)</script >\n"
                + "<script>".repeat(2_000_000) + "\n<style>p{}</style>Fin de l'article.\n";
        try (UntrustedParser parser = new UntrustedParser()) {
            UntrustedParser.Extracted ex = parser.parse(hostile.getBytes(StandardCharsets.UTF_8), "text", "tags.txt", "upload");
            assertThat(ex.document().text()).contains("Le tramway coûtera 300 millions d'euros.", "Fin de l'article.")
                    .doesNotContain("<script", "<SCRIPT", "alert", "p{}");
        }
        assertThat(UntrustedParser.withoutScripts("a<script>x</script>b<style>y</style >c</script>d<scripts>e"))
                .isEqualTo("abcd<scripts>e");
    }

    @Test
    void aParseThatTimesOutStopsItsThreadInsteadOfKeepingACoreBusy() throws Exception {
        String hostile = "Début.\n" + "<script>a".repeat(2_000_000);
        UntrustedParser.Limits tight = new UntrustedParser.Limits(DocumentReader.MAX_BYTES, Duration.ofMillis(1), 300_000, 10);
        try (UntrustedParser parser = new UntrustedParser(tight)) {
            assertThatThrownBy(() -> parser.parse(hostile.getBytes(StandardCharsets.UTF_8), "text", "slow.txt", "upload"))
                    .isInstanceOf(CorpusException.class).hasMessageContaining("took too long");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (parseThreadsAlive() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(parseThreadsAlive()).as(() -> "parse threads still running after the timeout: " + parseStacks()).isZero();
        }
    }

    private static String parseStacks() {
        StringBuilder sb = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, st) -> {
            if (t.getName().startsWith("sourced-parse-")) {
                sb.append(t.getName()).append('\n');
                for (StackTraceElement e : st) sb.append("  ").append(e).append('\n');
            }
        });
        return sb.toString();
    }

    private static long parseThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("sourced-parse-") && t.isAlive()).count();
    }
}
