package dev.sourced.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.corpus.SentenceSplitter;
import dev.sourced.store.Curation;
import dev.sourced.store.StoredPassage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile files through `sourced ingest`'s path: refused with nothing stored, or stored within bounds. */
class HostileIngestTest {
    @TempDir
    Path data;
    @TempDir
    Path files;

    @Test
    void seventyTwoKilobytesOfTextThenRandomBytesAreRefusedAndNothingIsStored() throws Exception {
        byte[] text = "Le conseil municipal a voté le budget du tramway mardi soir. ".repeat(1300).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[72 * 1024 + 8 * 1024];
        System.arraycopy(text, 0, bytes, 0, 72 * 1024);
        byte[] noise = new byte[8 * 1024];
        new Random(7).nextBytes(noise);
        System.arraycopy(noise, 0, bytes, 72 * 1024, noise.length);
        Path file = Files.write(files.resolve("mixed.txt"), bytes);
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data), false)) {
            long seq = e.store().lastOutboxSeq();
            List<Curation.IngestResult> results = e.curation().ingestAll(List.of(file));
            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.failed()).isTrue();
                assertThat(r.error()).contains("binary content");
            });
            assertThat(e.store().list(true)).isEmpty();
            assertThat(e.store().lastOutboxSeq()).isEqualTo(seq);
            assertThat(e.internals().index().passageCount()).isZero();
        }
    }

    @Test
    void aFileOnDiskIsReadWithinTheBoundsOfAnUploadScriptsRemovedAndItsTextCut() throws Exception {
        Path file = Files.writeString(files.resolve("tags.txt"), "Le tramway coûtera 300 millions d'euros.\n"
                + "<script>".repeat(2_000_000) + "\nFin.\n", StandardCharsets.UTF_8);
        Path big = Files.writeString(files.resolve("big.txt"), "Une phrase du conseil municipal sur le tramway. ".repeat(20_000),
                StandardCharsets.UTF_8);
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data), false)) {
            List<Curation.IngestResult> results = e.curation().ingestAll(List.of(file, big));
            assertThat(results).noneMatch(Curation.IngestResult::failed);
            assertThat(e.store().get(results.get(0).docId()).orElseThrow().text())
                    .contains("Le tramway coûtera 300 millions d'euros.").doesNotContain("<script");
            assertThat(e.store().get(results.get(1).docId()).orElseThrow().text().length())
                    .isLessThanOrEqualTo(e.intake().limits().maxChars());
        }
    }

    @Test
    void aFileWithoutSentenceBreaksIsStoredAsPassagesOfBoundedLength() throws Exception {
        Path file = Files.writeString(files.resolve("flood.txt"), "Titre\n" + "mot ".repeat(250_000), StandardCharsets.UTF_8);
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data), false)) {
            Curation.IngestResult r = e.curation().ingestAll(List.of(file)).getFirst();
            assertThat(r.failed()).as(String.valueOf(r.error())).isFalse();
            List<StoredPassage> passages = e.store().passages(r.docId());
            // cut at the parser's 300,000 characters, then into passages of bounded length
            assertThat(passages).hasSizeGreaterThanOrEqualTo(300_000 / SentenceSplitter.MAX_SENTENCE_CHARS)
                    // a heading travels with the first passage of its section
                    .allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(SentenceSplitter.MAX_SENTENCE_CHARS + 200));
        }
    }
}
