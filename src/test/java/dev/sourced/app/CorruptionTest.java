package dev.sourced.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.answer.Question;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged index is detected (health --deep, and at open) and rebuilt from the store. */
class CorruptionTest {
    @TempDir
    Path data;

    @Test
    void aByteFlippedInsideASegmentFileIsDetectedByADeepHealthCheckAndTheIndexIsRebuiltAtTheNextOpen() throws Exception {
        int passages;
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data))) {
            passages = e.internals().index().passageCount();
            assertThat(e.health(true).damage()).isEmpty();

            flipAByteInTheLargestSegmentFile(data.resolve(Sourced.INDEX_DIR));

            assertThat(e.health(true).damage()).singleElement().asString()
                    .contains("index").contains("damaged").contains("checksum");
            assertThat(e.health(false).damage()).isEmpty();
        }
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data), false)) {
            assertThat(e.health(true).damage()).isEmpty();
            assertThat(e.internals().index().passageCount()).isEqualTo(passages);
            assertThat(e.answerer().ask(Question.of("What is TruthGPT?")).citations()).isNotEmpty();
        }
    }

    private static void flipAByteInTheLargestSegmentFile(Path index) throws Exception {
        Path largest;
        try (Stream<Path> files = Files.list(index)) {
            largest = files.filter(p -> !p.getFileName().toString().startsWith("segments")
                            && !p.getFileName().toString().equals("write.lock"))
                    .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(largest.toFile(), "rw")) {
            long at = f.length() / 2;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x5A);
        }
    }
}
