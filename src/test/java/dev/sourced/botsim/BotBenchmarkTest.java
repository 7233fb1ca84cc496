package dev.sourced.botsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark, small: it drives the real bot through the local server and finds no lost or duplicated reply. */
class BotBenchmarkTest {
    @TempDir
    Path dataDir;

    @Test
    void aSmallRunAnswersEveryQuestionOnceAndReportsThroughputAndLatency() throws Exception {
        dev.sourced.app.Sourced engine = dev.sourced.telegram.SeedEngine.get();
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try (dev.sourced.store.Database db = dev.sourced.telegram.store.BotTables.open(dataDir.resolve("b.db"))) {
            BotBenchmark.Result r = BotBenchmark.run(engine.answerer(), engine.corpus(), db,
                    new BotBenchmark.Options(10, 3, 1, 10, java.time.Duration.ofSeconds(1), true),
                    new PrintStream(report, true, StandardCharsets.UTF_8));

            assertThat(r.phases()).hasSize(4);
            assertThat(r.phases().get(0).questions()).isEqualTo(30);
            assertThat(r.phases().get(2).questions()).isEqualTo(30);
            assertThat(r.phases()).allSatisfy(p -> {
                assertThat(p.answered()).isEqualTo(p.questions()).isPositive();
                assertThat(p.p99Ms()).isGreaterThanOrEqualTo(p.p50Ms());
            });
            assertThat(r.correct()).isTrue();
        }
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("questions/s", "p50", "p99", "no question lost or answered twice: OK");
    }
}
