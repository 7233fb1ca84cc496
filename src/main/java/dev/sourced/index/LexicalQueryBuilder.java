package dev.sourced.index;

import dev.sourced.corpus.Lang;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the BM25 query of a parsed question over every language's fields. In the question's own language each term
 * is analysed as typed; in the other language its translations are analysed and grouped in one {@link SynonymQuery},
 * so that a word with five translations counts as one term, not five. Names and numbers go everywhere as typed.
 * Cognate keys match at a low weight across languages; context fields (title, heading, neighbouring sentences) at a
 * lower weight than the passage itself; terms carried over from earlier questions lower still.
 */
public final class LexicalQueryBuilder {
    /** Switches for measuring what each component earns. */
    public record Options(boolean translation, boolean cognates, boolean features) {
    }

    static final float CONTEXT_FIELD_BOOST = 0.3f;
    static final float CARRIED_TERM_BOOST = 0.35f;
    /** Terms of the earlier question when this one points back to it ("he", "it", "and before that?"). */
    static final float FOLLOW_UP_TERM_BOOST = 0.7f;
    static final float COGNATE_BOOST = 0.25f;
    static final float FEATURE_BOOST = 0.6f;
    static final float NAME_BOOST = 1.2f;
    static final float FRAME_BOOST = 0.5f;

    private final Options options;

    public LexicalQueryBuilder(Options options) {
        this.options = options;
    }

    public Query build(ParsedQuestion q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (QueryTerm t : q.terms()) {
            clauses += add(b, t, q.lang(), 1f);
        }
        for (QueryTerm t : q.contextTerms()) {
            clauses += add(b, t, q.lang(), q.followUp() ? FOLLOW_UP_TERM_BOOST : CARRIED_TERM_BOOST);
        }
        if (clauses > 0 && options.features()) {
            for (String f : q.expects()) {
                b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.FEATURES, f))), FEATURE_BOOST),
                        BooleanClause.Occur.SHOULD);
            }
        }
        return b.build();
    }

    private int add(BooleanQuery.Builder b, QueryTerm t, Lang qLang, float weight) {
        int n = 0;
        float boost = weight * switch (t.kind()) {
            case WORD -> 1f;
            case FRAME -> FRAME_BOOST;
            case NAME, NUMBER -> NAME_BOOST;
        };
        for (Lang target : Lang.values()) {
            if (!options.translation() && target != qLang && target != Lang.OTHER && (t.kind() == QueryTerm.Kind.WORD || t.kind() == QueryTerm.Kind.FRAME)) {
                // without translation a word still matches where it is spelled the same (loanwords)
                Query same = termGroup(Fields.body(target), weighted(analyzed(target, List.of(t.surface()))));
                if (same != null) {
                    b.add(new BoostQuery(same, boost), BooleanClause.Occur.SHOULD);
                    n++;
                }
                continue;
            }
            java.util.Map<String, Float> terms = options.translation() ? t.termsIn(target, qLang)
                    : weighted(analyzed(target, List.of(t.surface())));
            Query body = termGroup(Fields.body(target), terms);
            if (body == null) continue;
            b.add(new BoostQuery(body, boost), BooleanClause.Occur.SHOULD);
            b.add(new BoostQuery(termGroup(Fields.context(target), terms), boost * CONTEXT_FIELD_BOOST), BooleanClause.Occur.SHOULD);
            n += 2;
        }
        if (options.cognates()) {
            Set<String> keys = new LinkedHashSet<>(Analyzers.terms(Analyzers.cognates(), t.surface()));
            Query cog = termGroup(Fields.COGNATE, weighted(keys));
            if (cog != null) {
                b.add(new BoostQuery(cog, boost * COGNATE_BOOST), BooleanClause.Occur.SHOULD);
                n++;
            }
        }
        return n;
    }

    static Set<String> analyzed(Lang lang, List<String> forms) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : forms) {
            out.addAll(Analyzers.terms(Analyzers.forLang(lang), f));
        }
        return out;
    }

    private static java.util.Map<String, Float> weighted(Set<String> terms) {
        java.util.Map<String, Float> out = new java.util.LinkedHashMap<>();
        for (String t : terms) out.put(t, 1f);
        return out;
    }

    /** One term, or a group of alternatives that scores as one term, each alternative weighted. */
    private static Query termGroup(String field, java.util.Map<String, Float> terms) {
        if (terms.isEmpty()) return null;
        if (terms.size() == 1) return new TermQuery(new Term(field, terms.keySet().iterator().next()));
        SynonymQuery.Builder s = new SynonymQuery.Builder(field);
        terms.forEach((t, w) -> s.addTerm(new Term(field, t), w));
        return s.build();
    }
}
