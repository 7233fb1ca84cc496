package dev.sourced.answer;

import dev.sourced.index.PassageHit;
import dev.sourced.index.QueryTerm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The measurable signals of a candidate passage for a question (how well each retriever scored it, how much of the
 * question it covers, whether it holds the question's names and the kind of fact the question asks for), and of the
 * question as a whole (how well its best passage does, how much of it the corpus knows). Each is a number near
 * [0, 1]; {@link Logistic} models fitted on labelled questions turn them into a ranking and an answer-or-abstain.
 */
final class Signals {
    static final List<String> CANDIDATE = List.of("fused", "lexical", "lexical_abs", "dense", "dense_gap", "rank",
            "coverage", "coverage_inside", "names", "word_inside", "type_wanted", "type_held", "cross_lang", "sentence_coverage", "fused_coverage", "fact_found", "fact_coverage");
    /**
     * The abstention model reads no dense similarity: it must decide the same with the embedding model off
     * (SOURCED_EMBEDDING=none) or replaced by another whose similarities have another scale.
     */
    static final List<String> QUESTION = List.of("top_score", "score_gap", "coverage", "coverage_inside", "names", "lexical_abs",
            "type_wanted", "type_held", "unknown_share", "terms", "cross_lang", "sentence_coverage", "follow_up",
            "fact_asked", "fact_found", "fact_coverage");

    private Signals() {
    }

    /** What the whole candidate list looks like, for scaling each candidate's scores. */
    record ListStats(double maxFused, double maxLexical, double maxDense) {
        static ListStats of(List<PassageHit> hits) {
            return new ListStats(hits.stream().mapToDouble(PassageHit::score).max().orElse(0),
                    hits.stream().mapToDouble(PassageHit::lexical).max().orElse(0),
                    hits.stream().mapToDouble(PassageHit::dense).max().orElse(0));
        }
    }

    static Map<String, Double> candidate(Focus f, Evidence e, int rank, ListStats stats) {
        PassageHit h = e.hit();
        Map<String, Double> x = new LinkedHashMap<>();
        x.put("fused", stats.maxFused() > 0 ? h.score() / stats.maxFused() : 0);
        x.put("lexical", stats.maxLexical() > 0 ? h.lexical() / stats.maxLexical() : 0);
        double weight = f.totalWeight();
        // BM25 of the passage against what a passage holding each term once would score: comparable across questions
        x.put("lexical_abs", weight > 0 ? Math.min(2, h.lexical() / (weight * 2.2)) : 0);
        x.put("dense", h.dense());
        x.put("dense_gap", h.dense() > 0 ? h.dense() - stats.maxDense() : -0.2);
        x.put("rank", 1.0 / (1 + rank));
        double covered = 0, inside = 0, all = 0;
        for (var w : f.weights().entrySet()) {
            Evidence.TermForms forms = f.forms().get(w.getKey());
            all += w.getValue();
            covered += w.getValue() * e.covers(forms);
            if (e.holdsInside(forms)) inside += w.getValue();
        }
        x.put("coverage", all == 0 ? 0 : covered / all);
        x.put("coverage_inside", all == 0 ? 0 : inside / all);
        List<Evidence.TermForms> others = f.terms().stream().map(f.forms()::get).toList();
        long held = f.required().stream().filter(t -> e.holdsWithContext(f.forms().get(t), others)).count();
        x.put("names", f.required().isEmpty() ? 1 : (double) held / f.required().size());
        x.put("word_inside", f.words().isEmpty() || f.words().stream().anyMatch(t -> e.holdsInside(f.forms().get(t))) ? 1.0 : 0.0);
        Set<String> wanted = f.question().expects();
        x.put("type_wanted", wanted.isEmpty() ? 0.0 : 1.0);
        Set<String> present = wanted.isEmpty() ? Set.of() : e.factKinds();
        // the share of the kinds of fact asked for that the passage holds ("how much did it cost": a number and money)
        x.put("type_held", wanted.isEmpty() ? 0.0 : (double) wanted.stream().filter(present::contains).count() / wanted.size());
        x.put("cross_lang", h.lang() != f.question().lang() ? 1.0 : 0.0);
        x.put("sentence_coverage", sentenceCoverage(f, e));
        // retrieval's score discounted by what it leaves out of the question: each alone ranks worse than the two
        x.put("fused_coverage", x.get("fused") * x.get("coverage") * x.get("coverage"));
        return x;
    }

    /**
     * Whether the question asks for a kind of fact (an amount, a date, a name, a place), and whether the passage gives
     * one of that kind next to the question's terms, with how much of the question its sentence covers: a passage on
     * the topic that lacks the detail asked for is the common way a corpus does not answer.
     */
    static java.util.Optional<FactSpan.Found> fact(Map<String, Double> x, java.util.Optional<FactSpan.Kind> kind, FactSpan.Asked asked,
                                                   Evidence e) {
        x.put("fact_asked", kind.isPresent() ? 1.0 : 0.0);
        java.util.Optional<FactSpan.Found> found = kind.flatMap(k -> FactSpan.find(e.hit().text(), e.hit().lang(), k, asked));
        x.put("fact_found", found.isPresent() ? 1.0 : 0.0);
        x.put("fact_coverage", found.map(FactSpan.Found::coverage).orElse(0.0));
        return found;
    }

    /** The largest share of the question's weight that one sentence of the passage holds: answers sit in a sentence. */
    private static double sentenceCoverage(Focus f, Evidence e) {
        double all = f.totalWeight(), best = 0;
        if (all == 0) return 0;
        for (Set<String> sentence : e.sentenceTokens()) {
            double s = 0;
            for (var w : f.weights().entrySet()) {
                if (Evidence.holdsIn(f.forms().get(w.getKey()), e.hit().lang(), sentence)) s += w.getValue();
            }
            best = Math.max(best, s / all);
        }
        return best;
    }

    /** The signals of the question itself, before any passage is seen. */
    static Map<String, Double> questionBase(Focus f) {
        Map<String, Double> x = new LinkedHashMap<>();
        x.put("unknown_share", f.unknownShare());
        long content = f.terms().stream().filter(t -> t.kind() != QueryTerm.Kind.FRAME).count();
        x.put("terms", Math.log(1 + content));
        x.put("follow_up", f.question().followUp() ? 1.0 : 0.0);
        return x;
    }

    /** The question's signals once its candidates are ranked: its own, and its best passage's. */
    static Map<String, Double> question(Map<String, Double> base, List<Ranked> ranked) {
        Map<String, Double> x = new LinkedHashMap<>(base);
        Ranked top = ranked.isEmpty() ? null : ranked.get(0);
        // the ranker's scores are comparable within a question, and only roughly across questions
        x.put("top_score", top == null ? 0 : top.score());
        x.put("score_gap", top == null ? 0 : ranked.size() < 2 ? 5 : Math.min(5, top.score() - ranked.get(1).score()));
        for (String k : List.of("coverage", "coverage_inside", "names", "lexical_abs", "dense", "type_wanted", "type_held",
                "cross_lang", "sentence_coverage", "fact_asked", "fact_found", "fact_coverage")) {
            x.put(k, top == null ? 0 : top.signals().getOrDefault(k, 0.0));
        }
        return x;
    }

    /**
     * A candidate passage with its signals, the ranker's score (higher: likelier to answer the question), and the span
     * in it that answers when the question asks for a kind of fact and the passage gives one.
     */
    record Ranked(Evidence evidence, Map<String, Double> signals, double score, java.util.Optional<FactSpan.Found> fact) {
        PassageHit hit() {
            return evidence.hit();
        }
    }
}
