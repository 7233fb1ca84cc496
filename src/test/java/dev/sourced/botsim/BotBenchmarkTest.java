package dev.sourced.botsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.app.Sourced;
import dev.sourced.app.TestEngines;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark, small: it drives the real bot through the local server and finds no lost or duplicated reply; the
 * real engine's phases ask distinct questions, which the answer cache never answers, unless repeats are asked for.
 */
class BotBenchmarkTest {
    @TempDir
    static Path engineDir;
    @TempDir
    Path dataDir;
    private static Sourced engine;

    @BeforeAll
    static void openEngine() {
        engine = Sourced.open(TestEngines.lexicalOnly(engineDir));
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void distinctQuestionsAreEachAskedOnceAndNeverAnsweredFromTheCache() throws Exception {
        BotBenchmark.Options o = new BotBenchmark.Options(10, 3, 1, 10, Duration.ofSeconds(1), true, false);
        List<String> questions = corpusQuestions(o.questionsNeeded());
        assertThat(questions).hasSize(o.questionsNeeded()).doesNotHaveDuplicates();
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        BotBenchmark.Result r = run(questions, o, report);

        assertThat(r.phases()).hasSize(4);
        assertThat(r.phases().get(0).questions()).isEqualTo(30);
        assertThat(r.phases().get(2).questions()).isEqualTo(30);
        assertThat(r.phases()).allSatisfy(p -> {
            assertThat(p.answered()).isEqualTo(p.questions()).isPositive();
            assertThat(p.p99Ms()).isGreaterThanOrEqualTo(p.p50Ms());
        });
        List<BotBenchmark.Phase> real = r.phases().subList(0, 2);
        assertThat(real).allSatisfy(p -> {
            assertThat(p.repeated()).isZero();
            assertThat(p.cache().hits()).isZero();
            assertThat(p.cache().lookups()).isEqualTo(p.questions());
        });
        assertThat(r.phases().subList(2, 4)).allSatisfy(p -> assertThat(p.cache()).isNull());
        assertThat(r.correct()).isTrue();
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("questions/s", "p50", "p99",
                "answer cache: 0 hits of 30 questions (0.0%); every question distinct", "every question asked once",
                "no question lost or answered twice: OK");
    }

    @Test
    void tooFewDistinctQuestionsMakeTheRunSmallerRatherThanRepeatOne() throws Exception {
        BotBenchmark.Options o = new BotBenchmark.Options(10, 3, 1, 10, Duration.ofSeconds(1), false, false);
        List<String> questions = corpusQuestions(40); // the run needs 50
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        BotBenchmark.Result r = run(questions, o, report);

        assertThat(report.toString(StandardCharsets.UTF_8)).contains("only 40 distinct for the 50 the run needs");
        assertThat(r.phases()).hasSize(2).allSatisfy(p -> {
            assertThat(p.repeated()).isZero();
            assertThat(p.cache().hits()).isZero();
            assertThat(p.answered()).isEqualTo(p.questions());
        });
        assertThat(r.phases().stream().mapToInt(BotBenchmark.Phase::questions).sum()).isPositive().isLessThanOrEqualTo(40);
    }

    @Test
    void aRepeatedQuestionIsAnsweredFromTheCacheAndCounted() throws Exception {
        // the cache keys a question with the chat's last few turns: once those are all this question, each repeat hits
        BotBenchmark.Options o = new BotBenchmark.Options(1, 10, 1, 10, Duration.ofSeconds(1), false, true);
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        BotBenchmark.Result r = run(List.of("Pourquoi Musk a-t-il quitté OpenAI ?"), o, report);

        BotBenchmark.Phase saturated = r.phases().get(0);
        assertThat(saturated.repeated()).isEqualTo(saturated.questions());
        assertThat(saturated.cache().hits()).isPositive();
        assertThat(r.phases().get(1).cache().hits()).isPositive();
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("questions repeated", "as asked");
    }

    @Test
    void aRunFittedToFewQuestionsNeedsNoMoreThanThere() {
        BotBenchmark.Options o = BotBenchmark.Options.DEFAULT;
        assertThat(o.fitTo(o.questionsNeeded())).isSameAs(o);
        for (int distinct : List.of(3486, 1000, 150, 20, 2, 1)) {
            BotBenchmark.Options fitted = o.fitTo(distinct);
            assertThat(fitted.questionsNeeded()).as("fitted to %d", distinct).isLessThanOrEqualTo(distinct);
            assertThat(fitted.questionsPerChat()).isPositive();
        }
    }

    private BotBenchmark.Result run(List<String> questions, BotBenchmark.Options o, ByteArrayOutputStream report) throws Exception {
        engine.internals().answerEngine().forgetAnswers();
        try (dev.sourced.store.Database db = dev.sourced.telegram.store.BotTables.open(dataDir.resolve("b.db"))) {
            return BotBenchmark.run(new BotBenchmark.Subject(engine.answerer(), engine.corpus(),
                            engine.internals().answerEngine()::cacheStats), questions, db, o,
                    new PrintStream(report, true, StandardCharsets.UTF_8));
        }
    }

    private static List<String> corpusQuestions(int limit) {
        return CorpusQuestions.from(engine.curation().documents(false).stream()
                .map(d -> new CorpusQuestions.Source(d.text(), d.language())).toList(), limit);
    }
}
