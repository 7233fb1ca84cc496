package dev.sourced.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private static Evaluation.Item answerable(String id, String... gold) {
        return new Evaluation.Item(id, "q " + id, List.of(), true, List.of(gold));
    }

    private static Evaluation.Item unanswerable(String id) {
        return new Evaluation.Item(id, "q " + id, List.of(), false, List.of());
    }

    @Test
    void hitsAreFoundAfterTheSameNormalisationOfPassageAndGold() {
        // U+2019 apostrophe, upper case, a non-breaking space and a run of spaces in the passage
        Evaluation.Result r = Evaluation.score(answerable("a", "conflit d'intérêts"), false,
                List.of("rien ici", "Il invoquait un CONFLIT   D’INTÉRÊTS\u00A0potentiel."), 1000);
        assertThat(r.firstHit()).isEqualTo(2);
        assertThat(Evaluation.normalize("ﬁn\u00A0 DE  l’IA")).isEqualTo("fin de l'ia");
    }

    @Test
    void metricsFollowTheEvalReadme() {
        List<Evaluation.Result> results = List.of(
                Evaluation.score(answerable("1", "x"), false, List.of("x"), 10_000),                  // hit@1
                Evaluation.score(answerable("2", "x"), false, List.of("a", "b", "x"), 20_000),        // hit@3
                Evaluation.score(answerable("3", "x"), false, List.of("a", "b", "c", "d", "x"), 30_000), // hit@5
                Evaluation.score(answerable("4", "x"), true, List.of(), 40_000),                      // abstained: miss, wrong abstention
                Evaluation.score(unanswerable("5"), true, List.of(), 50_000),                         // right abstention
                Evaluation.score(unanswerable("6"), false, List.of("x"), 60_000));                    // wrong: answered
        Evaluation.Metrics m = Evaluation.metrics(results);
        assertThat(m.hit1()).isEqualTo(0.25);
        assertThat(m.hit3()).isEqualTo(0.5);
        assertThat(m.hit5()).isEqualTo(0.75);
        assertThat(m.mrr5()).isCloseTo((1 + 1.0 / 3 + 1.0 / 5) / 4, within(1e-9));
        assertThat(m.abstainAccuracy()).isCloseTo(4.0 / 6, within(1e-9));
        assertThat(m.p50Ms()).isEqualTo(30.0);
        assertThat(m.p95Ms()).isEqualTo(60.0);
        assertThat(m.n()).isEqualTo(6);
        // two abstentions, one right; two unanswerable questions, one abstained on
        assertThat(m.abstainPrecision()).isEqualTo(0.5);
        assertThat(m.abstainRecall()).isEqualTo(0.5);
        assertThat(m.maxMs()).isEqualTo(60.0);
    }

    @Test
    void aHitBeyondTheFifthCitationDoesNotCount() {
        Evaluation.Result r = Evaluation.score(answerable("a", "x"), false, List.of("a", "b", "c", "d", "e", "x"), 1);
        Evaluation.Metrics m = Evaluation.metrics(List.of(r));
        assertThat(m.hit5()).isZero();
        assertThat(m.mrr5()).isZero();
    }
}
