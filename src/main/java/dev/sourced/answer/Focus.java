package dev.sourced.answer;

import dev.sourced.corpus.Lang;
import dev.sourced.index.Fields;
import dev.sourced.index.ParsedQuestion;
import dev.sourced.index.PassageIndex;
import dev.sourced.index.QueryTerm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a question asks about, measured against the corpus: its terms (with the distinctive names of the question it
 * follows up), each term's forms in every language, how many passages hold it, and its weight (inverse document
 * frequency; a term the corpus lacks weighs as much as its rarest known term, not more, so that one paraphrase or typo
 * does not outweigh everything else).
 */
record Focus(ParsedQuestion question, List<QueryTerm> terms, Map<QueryTerm, Evidence.TermForms> forms,
             Map<QueryTerm, Integer> df, Map<QueryTerm, Double> weights, List<QueryTerm> required, List<QueryTerm> words,
             int passages) {
    /** A name held by more than this share of passages is the corpus's subject, not what distinguishes a question. */
    static final double TOPIC_NAME_SHARE = 0.08;

    static Focus of(ParsedQuestion q, List<QueryTerm> asked, PassageIndex index) {
        List<QueryTerm> focus = new ArrayList<>(asked);
        if (asked.isEmpty()) focus.addAll(q.contextTerms());
        Map<QueryTerm, Evidence.TermForms> forms = new HashMap<>();
        Map<QueryTerm, Integer> df = new HashMap<>();
        for (QueryTerm t : focus) {
            Evidence.TermForms f = Evidence.TermForms.of(t, q.lang());
            forms.put(t, f);
            df.put(t, documentFrequency(index, f));
        }
        int total = Math.max(1, index.passageCount());
        if (q.followUp() && !asked.isEmpty()) {
            // "Who did he recruit for it?": a distinctive name the pronouns stand for is part of what is asked
            for (QueryTerm t : q.contextTerms()) {
                if (t.kind() != QueryTerm.Kind.NAME) continue;
                Evidence.TermForms f = Evidence.TermForms.of(t, q.lang());
                int n = documentFrequency(index, f);
                if (n > 0 && n < TOPIC_NAME_SHARE * total) {
                    focus.add(t);
                    forms.put(t, f);
                    df.put(t, n);
                }
            }
        }
        List<QueryTerm> required = focus.stream().filter(t -> isName(t) && df.get(t) < TOPIC_NAME_SHARE * total).toList();
        List<QueryTerm> words = focus.stream().filter(t -> t.kind() == QueryTerm.Kind.WORD).toList();
        Map<QueryTerm, Double> weights = new HashMap<>();
        double maxKnown = 0;
        for (QueryTerm t : focus) {
            if (df.get(t) > 0) maxKnown = Math.max(maxKnown, idf(df.get(t), total));
        }
        for (QueryTerm t : focus) {
            weights.put(t, df.get(t) > 0 ? idf(df.get(t), total) : maxKnown > 0 ? maxKnown : idf(0, total));
        }
        return new Focus(q, List.copyOf(focus), forms, df, weights, required, words, total);
    }

    static boolean isName(QueryTerm t) {
        return t.kind() == QueryTerm.Kind.NAME || t.kind() == QueryTerm.Kind.NUMBER;
    }

    /** Sum of the weights of all terms. */
    double totalWeight() {
        return weights.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Share of the question's weight in terms that no passage holds. */
    double unknownShare() {
        double all = totalWeight(), unknown = 0;
        for (var e : weights.entrySet()) if (df.get(e.getKey()) == 0) unknown += e.getValue();
        return all == 0 ? 0 : unknown / all;
    }

    private static double idf(int df, int total) {
        return Math.log(1 + (total - df + 0.5) / (df + 0.5));
    }

    /**
     * Passages that hold the term in any of its forms, in any language; for a term no passage's text holds, the
     * passages under a title or heading that does.
     */
    private static int documentFrequency(PassageIndex index, Evidence.TermForms f) {
        int best = 0;
        for (Lang l : Lang.values()) {
            for (String term : f.in(l).keySet()) {
                best = Math.max(best, index.mentions(l, term));
            }
        }
        if (best == 0 && f.term().kind() == QueryTerm.Kind.NAME) {
            // a name spelt another way in another language ("Heracles", "Héraclès"; "Loyalist", "loyaliste"): the
            // passages holding a word of the same cognate key (its first letters, accents folded)
            for (String key : f.cognates()) best = Math.max(best, index.docFreq(Fields.COGNATE, key));
        }
        return best;
    }
}
