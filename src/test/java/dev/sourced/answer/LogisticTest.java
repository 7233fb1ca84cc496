package dev.sourced.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticTest {
    private static Logistic.Example ex(double a, double b, boolean positive) {
        return new Logistic.Example(Map.of("a", a, "b", b), positive);
    }

    @Test
    void fittingSeparatesTheClassesByTheFeatureThatTellsThemApart() {
        Random r = new Random(7);
        List<Logistic.Example> examples = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean positive = i % 2 == 0;
            // "a" decides; "b" is noise of a larger scale
            examples.add(ex((positive ? 0.7 : 0.3) + r.nextGaussian() * 0.05, r.nextGaussian() * 10, positive));
        }
        Logistic m = Logistic.fit(examples, List.of("a", "b"));
        assertThat(m.weights().get("a")).isGreaterThan(5);
        assertThat(Math.abs(m.weights().get("b"))).isLessThan(0.1);
        assertThat(m.accepts(Map.of("a", 0.75, "b", 0.0))).isTrue();
        assertThat(m.accepts(Map.of("a", 0.25, "b", 0.0))).isFalse();
    }

    @Test
    void rankingFitPutsThePositiveFirstWithinEachGroupWhateverTheGroupsLevel() {
        Random r = new Random(3);
        List<List<Logistic.Example>> groups = new ArrayList<>();
        for (int g = 0; g < 200; g++) {
            double level = r.nextDouble() * 5; // some questions score high everywhere, others low
            List<Logistic.Example> group = new ArrayList<>();
            int answer = r.nextInt(5);
            for (int i = 0; i < 5; i++) {
                double a = level + (i == answer ? 1 : 0) + r.nextGaussian() * 0.1;
                group.add(ex(a, level, i == answer));
            }
            groups.add(group);
        }
        Logistic m = Logistic.fitRanking(groups, List.of("a", "b"));
        int right = 0;
        for (List<Logistic.Example> group : groups) {
            Logistic.Example best = group.stream().max((x, y) -> Double.compare(m.probability(x.features()), m.probability(y.features()))).orElseThrow();
            if (best.positive()) right++;
        }
        assertThat(right).isGreaterThan(190);
    }

    @Test
    void aModelSurvivesItsPropertiesText() {
        Logistic m = new Logistic(Map.of("a", 1.5, "b", -0.25), -0.5, 0.4);
        Logistic back = Logistic.parse(m.toProperties("a model\nfitted on nothing"));
        assertThat(back.weights()).containsEntry("a", 1.5).containsEntry("b", -0.25);
        assertThat(back.bias()).isEqualTo(-0.5);
        assertThat(back.threshold()).isEqualTo(0.4);
        assertThat(back.probability(Map.of("a", 1.0, "c", 100.0))).isEqualTo(m.probability(Map.of("a", 1.0)));
    }

    @Test
    void malformedModelsAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> Logistic.parse("bias=x\n")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Logistic.parse("threshold=1.5\n")).hasMessageContaining("threshold");
    }

    @Test
    void theShippedModelsLoadAndWeighTheSignalsTheEngineComputes() {
        Models m = Models.shipped();
        assertThat(Signals.CANDIDATE).containsAll(m.ranker().weights().keySet());
        assertThat(Signals.QUESTION).containsAll(m.abstention().weights().keySet());
    }
}
