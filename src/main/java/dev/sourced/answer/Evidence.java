package dev.sourced.answer;

import dev.sourced.corpus.Lang;
import dev.sourced.index.Analyzers;
import dev.sourced.index.PassageHit;
import dev.sourced.index.QueryTerm;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a passage covers of a question: which of its terms appear in the passage itself (with its heading and lead-in)
 * and which only in the surrounding sentences. Terms are compared after the analysis of the passage's language, in
 * any of their forms (as typed, or translated), or by cognate key.
 */
final class Evidence {
    private final PassageHit hit;
    private final Set<String> own;
    private Set<String> around;
    private Set<String> ownCognates;
    private Set<String> aroundCognates;
    private Set<String> scope;

    Evidence(PassageHit hit) {
        this.hit = hit;
        this.own = tokens(hit.text());
    }

    private Set<String> tokens(String text) {
        return new HashSet<>(Analyzers.terms(Analyzers.forLang(hit.lang()), text));
    }

    // the passage's own words are always needed; the rest only when a term is not found among them
    private Set<String> around() {
        if (around == null) around = tokens(hit.context());
        return around;
    }

    private Set<String> scope() {
        if (scope == null) scope = tokens(hit.scope());
        return scope;
    }

    private Set<String> ownCognates() {
        if (ownCognates == null) ownCognates = new HashSet<>(Analyzers.terms(Analyzers.cognates(), hit.text()));
        return ownCognates;
    }

    private Set<String> aroundCognates() {
        if (aroundCognates == null) aroundCognates = new HashSet<>(Analyzers.terms(Analyzers.cognates(), hit.context()));
        return aroundCognates;
    }

    PassageHit hit() {
        return hit;
    }

    /**
     * How well the passage covers a term, from 0 to 1: the weight of the best form of the term in the passage itself;
     * half of it when the form is only around the passage (heading, neighbouring sentences, title); less for a
     * cognate match.
     */
    double covers(TermForms forms) {
        Map<String, Float> f = forms.in(hit.lang());
        double inside = best(f, own);
        if (inside >= 1) return 1;
        double outside = best(f, around()) * 0.5;
        Set<String> cog = forms.cognates();
        double cognate = cog.isEmpty() ? 0 : ownCognates().containsAll(cog) ? 0.75 : aroundCognates().containsAll(cog) ? 0.4 : 0;
        return Math.max(inside, Math.max(outside, cognate));
    }

    /** True when the passage itself holds the term. */
    boolean holdsInside(TermForms forms) {
        return best(forms.in(hit.lang()), own) > 0;
    }

    /** True when the passage itself, its heading or its article's title holds the term. */
    boolean holds(TermForms forms) {
        Map<String, Float> f = forms.in(hit.lang());
        return best(f, own) > 0 || best(f, scope()) > 0;
    }

    /**
     * True when the passage holds the name in a sentence that also holds another term of the question (so that a
     * question about Google's GPUs is not answered by a sentence about Google next to one about Twitter's GPUs), or
     * when the name is the subject of the whole passage (its heading or its article's title).
     */
    boolean holdsWithContext(TermForms name, List<TermForms> question) {
        Map<String, Float> f = name.in(hit.lang());
        if (best(f, scope()) > 0) return true;
        if (best(f, own) == 0) return false;
        List<TermForms> others = question.stream().filter(o -> o != name).toList();
        if (others.isEmpty()) return true;
        for (Set<String> sentence : sentences()) {
            if (best(f, sentence) == 0) continue;
            for (TermForms o : others) {
                if (best(o.in(hit.lang()), sentence) > 0) return true;
            }
        }
        return false;
    }

    private List<Set<String>> sentences;

    private List<Set<String>> sentences() {
        if (sentences == null) {
            sentences = new java.util.ArrayList<>();
            for (dev.sourced.corpus.Span s : dev.sourced.corpus.SentenceSplitter.split(hit.text())) {
                sentences.add(new HashSet<>(Analyzers.terms(Analyzers.forLang(hit.lang()), s.of(hit.text()))));
            }
        }
        return sentences;
    }

    /**
     * The weight of the best form found among {@code tokens}; a form that only begins a token counts half, so that a
     * verb finds the noun derived from it ("ferm" of fermer in "fermetur" of fermeture).
     */
    private static double best(Map<String, Float> forms, Set<String> tokens) {
        double b = 0;
        for (var e : forms.entrySet()) {
            if (e.getValue() > b && tokens.contains(e.getKey())) b = e.getValue();
        }
        if (b > 0) return b;
        for (var e : forms.entrySet()) {
            String f = e.getKey();
            if (f.length() < MIN_PREFIX || e.getValue() * DERIVED_WEIGHT <= b) continue;
            for (String t : tokens) {
                if (t.length() > f.length() && t.length() - f.length() <= MAX_SUFFIX && t.startsWith(f)) {
                    b = e.getValue() * DERIVED_WEIGHT;
                    break;
                }
            }
        }
        return b;
    }

    static final int MIN_PREFIX = 4;
    static final int MAX_SUFFIX = 5;
    static final double DERIVED_WEIGHT = 0.5;

    /** A term's analysed forms in each language, and its cognate keys, computed once per question. */
    record TermForms(QueryTerm term, Map<Lang, Map<String, Float>> byLang, Set<String> cognates) {
        static TermForms of(QueryTerm t, Lang questionLang) {
            Map<Lang, Map<String, Float>> m = new java.util.EnumMap<>(Lang.class);
            for (Lang l : Lang.values()) m.put(l, t.termsIn(l, questionLang));
            return new TermForms(t, m, new LinkedHashSet<>(Analyzers.terms(Analyzers.cognates(), t.surface())));
        }

        Map<String, Float> in(Lang lang) {
            return byLang.get(lang);
        }
    }
}
