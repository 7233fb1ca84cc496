package dev.sourced.answer;

import dev.sourced.index.Features;

import dev.sourced.corpus.Lang;
import dev.sourced.index.Analyzers;
import dev.sourced.index.PassageHit;
import dev.sourced.index.QueryTerm;
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
    private final Words words;

    Evidence(PassageHit hit, Words words) {
        this.hit = hit;
        this.words = words;
    }

    /** The kinds of fact the passage holds (a number, money, a date, a name…). */
    Set<String> factKinds() {
        return words.factKinds();
    }

    /**
     * The analysed words of one passage: its own, its surroundings', its scope's and their cognate keys, each computed
     * when first needed. They depend only on the passage, so the engine keeps them across questions.
     */
    static final class Words {
        private final PassageHit hit;
        private volatile Set<String> own;
        private volatile Set<String> around;
        private volatile Set<String> scope;
        private volatile Set<String> ownCognates;
        private volatile Set<String> aroundCognates;
        private volatile List<Set<String>> sentences;
        private volatile Set<String> factKinds;

        Words(PassageHit hit) {
            this.hit = hit;
        }

        /** The kinds of fact the passage holds ({@link Features#of}), computed once per passage while it is cached. */
        Set<String> factKinds() {
            if (factKinds == null) factKinds = Features.of(hit.text());
            return factKinds;
        }

        private Set<String> tokens(String text) {
            return Set.copyOf(Analyzers.terms(Analyzers.forLang(hit.lang()), text));
        }

        Set<String> own() {
            if (own == null) own = tokens(hit.text());
            return own;
        }

        Set<String> around() {
            if (around == null) around = tokens(hit.context());
            return around;
        }

        Set<String> scope() {
            if (scope == null) scope = tokens(hit.scope());
            return scope;
        }

        Set<String> ownCognates() {
            if (ownCognates == null) ownCognates = Set.copyOf(Analyzers.terms(Analyzers.cognates(), hit.text()));
            return ownCognates;
        }

        Set<String> aroundCognates() {
            if (aroundCognates == null) aroundCognates = Set.copyOf(Analyzers.terms(Analyzers.cognates(), hit.context()));
            return aroundCognates;
        }

        List<Set<String>> sentences() {
            if (sentences == null) {
                List<Set<String>> out = new java.util.ArrayList<>();
                for (dev.sourced.corpus.Span s : dev.sourced.corpus.SentenceSplitter.split(hit.text())) {
                    out.add(tokens(s.of(hit.text())));
                }
                sentences = List.copyOf(out);
            }
            return sentences;
        }
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
        double inside = best(f, words.own());
        if (inside >= 1) return 1;
        double outside = best(f, words.around()) * 0.5;
        Set<String> cog = forms.cognates();
        double cognate = cog.isEmpty() ? 0 : words.ownCognates().containsAll(cog) ? 0.75 : words.aroundCognates().containsAll(cog) ? 0.4 : 0;
        return Math.max(inside, Math.max(outside, cognate));
    }

    /** The analysed words of each sentence of the passage. */
    List<Set<String>> sentenceTokens() {
        return words.sentences();
    }

    /** True when {@code tokens} (analysed for {@code lang}) hold the term in one of its forms. */
    static boolean holdsIn(TermForms forms, Lang lang, Set<String> tokens) {
        return best(forms.in(lang), tokens) > 0;
    }

    /** True when the passage itself holds the term. */
    boolean holdsInside(TermForms forms) {
        return best(forms.in(hit.lang()), words.own()) > 0;
    }

    /**
     * True when the passage holds the name in a sentence that also holds another term of the question (so that a
     * question about Google's GPUs is not answered by a sentence about Google next to one about Twitter's GPUs), or
     * when the name is the subject of the whole passage (its heading or its article's title).
     */
    boolean holdsWithContext(TermForms name, List<TermForms> question) {
        Map<String, Float> f = name.in(hit.lang());
        if (best(f, words.scope()) > 0) return true;
        if (best(f, words.own()) == 0) return false;
        List<TermForms> others = question.stream().filter(o -> o != name).toList();
        if (others.isEmpty()) return true;
        for (Set<String> sentence : words.sentences()) {
            if (best(f, sentence) == 0) continue;
            for (TermForms o : others) {
                if (best(o.in(hit.lang()), sentence) > 0) return true;
            }
        }
        return false;
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
