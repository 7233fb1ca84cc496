package dev.sourced.index;

import java.util.List;
import java.util.Map;
import dev.sourced.corpus.Lang;

/**
 * One thing a question asks about: a word or a multi-word expression as the reader typed it (lower case), its kind,
 * and its translations into the other languages (empty for names and numbers the lexicon does not know: they pass
 * through unchanged). {@code fromContext} marks a term carried over from an earlier question of the conversation.
 */
public record QueryTerm(String surface, Kind kind, Map<Lang, List<String>> translations, boolean fromContext) {
    public enum Kind {
        /** A proper name or an acronym: "Musk", "OpenAI", "H100". */
        NAME,
        /** A number or a year: "2018", "10000". */
        NUMBER,
        /** Any other content word. */
        WORD
    }

    public QueryTerm {
        translations = Map.copyOf(translations);
    }

    /** Every written form of the term to look for in a text of language {@code lang}: translations first, then as typed. */
    public List<String> formsIn(Lang lang, Lang questionLang) {
        if (lang == questionLang || lang == Lang.OTHER) {
            return List.of(surface);
        }
        List<String> t = translations.getOrDefault(lang, List.of());
        if (t.isEmpty()) {
            return List.of(surface);
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<>(t);
        if (kind != Kind.WORD) {
            out.add(surface);
        }
        return out;
    }

    public QueryTerm asContext() {
        return new QueryTerm(surface, kind, translations, true);
    }
}
