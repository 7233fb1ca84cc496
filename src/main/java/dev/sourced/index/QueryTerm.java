package dev.sourced.index;

import java.util.List;
import java.util.Map;
import dev.sourced.corpus.Lang;

/**
 * One thing a question asks about: a word or a multi-word expression as the reader typed it (lower case), its kind,
 * and its translations into the other languages (empty for names and numbers the lexicon does not know: they pass
 * through unchanged).
 */
public record QueryTerm(String surface, Kind kind, Map<Lang, List<String>> translations, Map<Lang, List<String>> corrections) {
    public enum Kind {
        /** A proper name or an acronym: "Musk", "OpenAI", "H100". */
        NAME,
        /** A number or a year: "2018", "10000". */
        NUMBER,
        /** Any other content word. */
        WORD,
        /**
         * A noun that names the kind of answer rather than its subject ("goal", "reason", "price", "objectif"):
         * searched for, but an answer need not contain it.
         */
        FRAME
    }

    public QueryTerm {
        translations = Map.copyOf(translations);
        corrections = Map.copyOf(corrections);
    }

    public QueryTerm(String surface, Kind kind, Map<Lang, List<String>> translations) {
        this(surface, kind, translations, Map.of());
    }

    /**
     * The term with analysed index terms that a misspelt or unknown form stands for, per language ("particuliarité"
     * → the stem of "particularité"): they are searched for beside its own forms, at a lower weight.
     */
    public QueryTerm withCorrections(Map<Lang, List<String>> corrections) {
        return new QueryTerm(surface, kind, translations, corrections);
    }

    /** Every written form of the term to look for in a text of language {@code lang}: translations first, then as typed. */
    public List<String> formsIn(Lang lang, Lang questionLang) {
        if ((lang == questionLang || lang == Lang.OTHER) && kind != Kind.NAME) {
            return List.of(surface);
        }
        List<String> t = translations.getOrDefault(lang, List.of());
        if (t.isEmpty()) {
            return List.of(surface);
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<>(t);
        if (kind == Kind.NAME || kind == Kind.NUMBER) {
            out.add(surface);
        }
        return out;
    }

    /**
     * The analysed terms to look for in a field of language {@code lang}, each with its weight: the most common
     * translation counts fully, rarer senses less (their stems collide more often with unrelated words); a name as
     * typed counts fully.
     */
    public java.util.Map<String, Float> termsIn(Lang lang, Lang questionLang) {
        java.util.Map<String, Float> out = new java.util.LinkedHashMap<>();
        List<String> forms = formsIn(lang, questionLang);
        boolean translated = !forms.equals(List.of(surface));
        for (int i = 0; i < forms.size(); i++) {
            String f = forms.get(i);
            boolean asTyped = !translated || f.equals(surface);
            float w = asTyped ? 1f : TRANSLATION_WEIGHTS[Math.min(i, TRANSLATION_WEIGHTS.length - 1)];
            for (String term : Analyzers.terms(Analyzers.forLang(lang), f)) {
                // a short stem of a rarer translation ("part" of "partir") also stems unrelated words ("partie")
                float tw = !asTyped && i > 0 && term.length() <= SHORT_STEM ? w * SHORT_STEM_WEIGHT : w;
                out.merge(term, tw, Math::max);
            }
        }
        for (String c : corrections.getOrDefault(lang, List.of())) out.merge(c, CORRECTION_WEIGHT, Math::max);
        return out;
    }

    /** Weight of the first, second, third and later translations of a word. */
    static final float[] TRANSLATION_WEIGHTS = {1f, 0.85f, 0.7f};
    static final int SHORT_STEM = 4;
    /** Weight of an index term found by spelling correction. */
    static final float CORRECTION_WEIGHT = 0.8f;
    static final float SHORT_STEM_WEIGHT = 0.6f;
}
