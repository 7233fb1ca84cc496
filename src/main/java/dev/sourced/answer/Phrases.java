package dev.sourced.answer;

import dev.sourced.corpus.Lang;

/** The framing text of replies, in the reader's language. Quotes are never translated. */
record Phrases(Lang lang) {
    static Phrases of(Lang lang) {
        return new Phrases(lang == Lang.FR ? Lang.FR : Lang.EN);
    }

    boolean fr() {
        return lang == Lang.FR;
    }

    String intro() {
        return fr() ? "D'après les articles :" : "According to the articles:";
    }

    /** The fact that answers, with the quotes that give it: "According to [1][2]: 10 000 GPU." */
    String fact(String markers, String fact) {
        String f = fact.strip();
        String end = f.matches("(?s).*[.!?…]$") ? "" : ".";
        return (fr() ? "D'après " + markers + " : " : "According to " + markers + ": ") + f + end;
    }

    /** One sentence of a quote stated as the answer: "According to [1]: He left in 2018." */
    String statement(String markers, String sentence) {
        String s = sentence.strip();
        String end = s.matches("(?s).*[.!?…:;\"”»)]$") ? "" : ".";
        return (fr() ? "D'après " + markers + " : " : "According to " + markers + ": ") + s + end;
    }

    /** A quotation attributed to its speaker: "Selon Elon Musk [1] : « … »". */
    String speech(String speaker, String markers, String quotation) {
        return fr() ? "Selon " + speaker + " " + markers + " : « " + quotation + " »"
                : "According to " + speaker + " " + markers + ": “" + quotation + "”";
    }

    String notSaid() {
        return fr() ? "Le corpus ne le dit pas." : "The corpus does not say.";
    }

    String neverMentions(String what) {
        return fr() ? "Le corpus ne le dit pas : il ne mentionne jamais « " + what + " »."
                : "The corpus does not say: it never mentions “" + what + "”.";
    }

    String closest(String quote, String source) {
        return fr() ? "Ce qui s'en approche le plus : « " + quote + " » (" + source + ")."
                : "The closest it says: “" + quote + "” (" + source + ").";
    }

    String quoted(String s) {
        return fr() ? "« " + s + " »" : "“" + s + "”";
    }

    String sourcesDiffer(String list) {
        return fr() ? "Les sources divergent : " + list + "." : "The sources differ: " + list + ".";
    }

    String spellingsDiffer(String a, int na, String b, int nb) {
        return fr() ? "Les sources écrivent ce nom de deux façons : " + quoted(a) + " [" + na + "] et " + quoted(b) + " [" + nb + "]."
                : "The sources spell this name two ways: " + quoted(a) + " [" + na + "] and " + quoted(b) + " [" + nb + "].";
    }

    String emptyQuestion() {
        return fr() ? "Posez une question sur les articles du corpus, par exemple : « Pourquoi Musk a-t-il quitté OpenAI ? »"
                : "Ask a question about the articles of the corpus, for example: “Why did Musk leave OpenAI?”";
    }
}
