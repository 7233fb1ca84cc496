package dev.sourced.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sourced.corpus.CorpusException;
import dev.sourced.corpus.Lang;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded reading of untrusted files, and near-duplicates. */
class UntrustedParserTest {
    @Test
    void aParseThatRunsPastItsTimeIsAbandonedWithAClearReason() {
        StringBuilder html = new StringBuilder("<html><body>");
        for (int i = 0; i < 200_000; i++) html.append("<div><p>Paragraph ").append(i).append(" of a very long page.</p></div>");
        try (UntrustedParser p = new UntrustedParser(new UntrustedParser.Limits(50L << 20, Duration.ofMillis(1), 1000, 10))) {
            assertThatThrownBy(() -> p.parse(html.toString().getBytes(StandardCharsets.UTF_8), "html", "slow.html", "test"))
                    .isInstanceOf(CorpusException.class).hasMessageContaining("slow.html").hasMessageContaining("took too long");
            // the parser is free again for the next file
            String text = "Title\nA short text that reads at once.";
            try (UntrustedParser q = new UntrustedParser()) {
                assertThat(q.parse(text.getBytes(StandardCharsets.UTF_8), "text", "ok.txt", "test").document().text()).contains("reads at once");
            }
        }
    }

    @Test
    void textIsCutAtTheLimitAndScriptsAndStylesNeverReachItInAnyFormat() {
        try (UntrustedParser p = new UntrustedParser(new UntrustedParser.Limits(1 << 20, Duration.ofSeconds(10), 100, 10))) {
            UntrustedParser.Extracted ex = p.parse(("Line one of the article.\n".repeat(20)).getBytes(StandardCharsets.UTF_8), "text", "a.txt", "t");
            assertThat(ex.cut()).isTrue();
            assertThat(ex.document().text().length()).isLessThanOrEqualTo(100);
        }
        try (UntrustedParser p = new UntrustedParser()) {
            String md = "# Title\n\nBefore. <script>alert('x')</script> After.\n\n<style>p{color:red}</style>\n\nEnd.";
            assertThat(p.parse(md.getBytes(StandardCharsets.UTF_8), "markdown", "a.md", "t").document().text())
                    .doesNotContain("alert").doesNotContain("color").contains("Before.").contains("End.");
            assertThat(p.parse("<p>x</p><script>evil()</script><p>Body text here.</p>".getBytes(StandardCharsets.UTF_8), "html", "a.html", "t")
                    .document().text()).doesNotContain("evil").contains("Body text here.");
            assertThatThrownBy(() -> p.parse(new byte[] {1, 0, 2, 0, 3}, "text", "b.txt", "t")).hasMessageContaining("binary");
            assertThatThrownBy(() -> p.parse("x".getBytes(StandardCharsets.UTF_8), null, "c.exe", "t")).hasMessageContaining("unsupported");
        }
        assertThat(DocumentReader.formatOf("Report.PDF")).isEqualTo("pdf");
        assertThat(DocumentReader.formatOf("notes")).isNull();
    }

    @Test
    void nearDuplicatesAreTheSameTextOrMostOfItsShingles() {
        String text = "The council voted on Monday to close the old swimming pool on Rue Haute after forty years of service,"
                + " citing the cost of repairs and a new aquatic centre due to open next year in the north of the town.";
        NearDuplicates.Known same = new NearDuplicates.Known("pool", "pool", text);
        NearDuplicates.Known other = new NearDuplicates.Known("rail", "rail",
                "Rail workers walked out on Tuesday over pay, and most regional trains were cancelled.");
        assertThat(NearDuplicates.find(text, List.of(other, same)).orElseThrow().exact()).isTrue();
        NearDuplicates.Match near = NearDuplicates.find(text.replace("Monday", "Tuesday"), List.of(other, same)).orElseThrow();
        assertThat(near.exact()).isFalse();
        assertThat(near.docId()).isEqualTo("pool");
        assertThat(near.overlap()).isGreaterThan(NearDuplicates.THRESHOLD);
        assertThat(NearDuplicates.find("Something else entirely, about the harvest festival in the hills.", List.of(same, other))).isEmpty();
    }

    @Test
    void shinglesAreRunsOfWordsInLowerCaseAndOverlapIsTheShareOfTheSmallerSet() {
        // case, punctuation and the apostrophe's form do not matter; the order of the words does
        assertThat(NearDuplicates.shingles("Le Conseil a voté, mardi.", 3).size()).isEqualTo(3);
        assertThat(NearDuplicates.shingles("Le Conseil a voté, mardi.", 3).overlap(NearDuplicates.shingles("le conseil A VOTÉ mardi", 3)))
                .isEqualTo(1.0);
        assertThat(NearDuplicates.shingles("l’État a voté", 3).overlap(NearDuplicates.shingles("l'État a voté", 3))).isEqualTo(1.0);
        assertThat(NearDuplicates.shingles("a b c d", 3).overlap(NearDuplicates.shingles("d c b a", 3))).isZero();
        // two of "a b c d" against three of "b c d e f": one in common, half of the smaller set
        assertThat(NearDuplicates.shingles("a b c d", 3).overlap(NearDuplicates.shingles("b c d e f", 3))).isEqualTo(0.5);
        assertThat(NearDuplicates.shingles("a b", 3).isEmpty()).isTrue();
        assertThat(NearDuplicates.shingles("a b", 3).overlap(NearDuplicates.shingles("a b c", 3))).isZero();
    }
}
