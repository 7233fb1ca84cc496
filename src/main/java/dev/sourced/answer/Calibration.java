package dev.sourced.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Fits the ranker and the abstention model on labelled traces ({@code sourced eval --signals}): the ranker on the
 * candidates of each answerable question (which of them hold a gold answer), then the abstention model on every question
 * (a positive is answerable), with the question's signals recomputed under the new ranker. In the abstention model a
 * question of a set of n counts 1/√n: a large set with few unanswerable questions must not teach it never to abstain,
 * nor a small one decide alone.
 */
public final class Calibration {
    /** One question's trace with its labels: whether it is answerable, and which candidates hold a gold answer. */
    public record Labelled(Trace trace, boolean answerable, List<Boolean> hits) {
        public Labelled {
            hits = List.copyOf(hits);
            if (hits.size() != trace.candidates().size()) throw new IllegalArgumentException("hits: one label per candidate");
        }
    }

    private Calibration() {
    }

    public static Models fit(List<List<Labelled>> sets) {
        List<Labelled> questions = sets.stream().flatMap(List::stream).toList();
        List<List<Logistic.Example>> groups = new ArrayList<>();
        for (Labelled q : questions) {
            if (!q.answerable()) continue;
            List<Logistic.Example> g = new ArrayList<>();
            for (int i = 0; i < q.hits().size(); i++) {
                g.add(new Logistic.Example(q.trace().candidates().get(i).signals(), q.hits().get(i)));
            }
            groups.add(g);
        }
        Logistic ranker = Logistic.fitRanking(groups, Signals.CANDIDATE);
        List<Logistic.Example> decisions = new ArrayList<>();
        for (List<Labelled> set : sets) {
            for (Labelled q : set) {
                decisions.add(new Logistic.Example(questionSignals(q.trace(), ranker), q.answerable(), 1.0 / Math.sqrt(set.size())));
            }
        }
        return new Models(ranker, Logistic.fit(decisions, Signals.QUESTION));
    }

    /** The question's signals with its candidates ordered by {@code ranker}. */
    static Map<String, Double> questionSignals(Trace t, Logistic ranker) {
        List<Signals.Ranked> ranked = new ArrayList<>();
        for (Trace.Candidate c : t.candidates()) ranked.add(new Signals.Ranked(null, c.signals(), ranker.score(c.signals()), java.util.Optional.empty()));
        ranked.sort(Comparator.comparingDouble(Signals.Ranked::score).reversed());
        return Signals.question(t.question(), ranked);
    }
}
