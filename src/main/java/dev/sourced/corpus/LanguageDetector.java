package dev.sourced.corpus;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells French from English (and from other languages) by counting function words, which every sentence has and which
 * differ between languages. Works on a short question as well as on an article.
 */
public final class LanguageDetector {
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private static final Set<String> FR = Set.copyOf(java.util.Arrays.asList(
            "le", "la", "les", "des", "du", "un", "une", "et", "est", "sont", "dans", "pour", "avec", "sur", "que", "qui",
            "quoi", "quel", "quelle", "quels", "quelles", "pourquoi", "comment", "combien", "quand", "où", "ce", "cette",
            "ces", "il", "elle", "ils", "elles", "nous", "vous", "au", "aux", "pas", "ne", "plus", "mais", "ou", "son",
            "sa", "ses", "leur", "leurs", "été", "avait", "avoir", "être", "fait", "a-t-il", "t", "l", "d", "qu", "s",
            "lui", "y", "en", "se", "par", "mes", "tes", "notre", "votre", "à", "ça", "cela", "ceci", "c", "j", "je", "tu",
            "dont", "chez", "après", "avant", "depuis", "très"));
    private static final Set<String> EN = Set.copyOf(java.util.Arrays.asList(
            "the", "an", "and", "is", "are", "was", "were", "of", "to", "in", "on", "for", "with", "that", "this",
            "these", "those", "what", "which", "who", "whom", "whose", "why", "how", "when", "where", "did", "does", "do",
            "has", "have", "had", "it", "its", "he", "she", "they", "we", "you", "his", "her", "their", "our", "your",
            "be", "been", "by", "from", "at", "as", "not", "but", "or", "about", "much", "many", "will", "would", "can",
            "could", "should", "than", "then", "there", "after", "before", "since", "into", "over", "so", "if"));
    private static final Set<String> DE = Set.copyOf(java.util.Arrays.asList(
            "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit", "von", "den", "dem", "zu", "warum", "wie",
            "wer", "was", "hat", "haben", "wurde", "auf", "für", "auch", "sich", "wieviel", "wann", "welche", "bei", "im", "beim",
            "vom", "zum", "zur", "wurden", "wird", "werden", "einer", "eines", "einem", "einen", "nach", "über", "seit", "dass",
            "oder", "aber", "wenn", "noch", "nur", "schon", "sind", "gibt", "kann", "können", "hatte", "hatten", "waren", "ihre",
            "seine", "unter", "gegen", "zwischen", "durch", "ohne", "wieder"));
    private static final Set<String> ES = Set.copyOf(java.util.Arrays.asList(
            "el", "los", "las", "y", "es", "del", "una", "por", "con", "para", "qué", "cuál", "cuánto", "cuántos", "porqué",
            "cómo", "quién", "cuándo", "dónde", "su", "sus", "lo", "al", "fue", "ha", "han", "se", "como", "pero", "más"));

    /** Question words open most short questions and tell the language apart by themselves: they count double. */
    private static final Set<String> FR_INTERROGATIVE = Set.of("quel", "quelle", "quels", "quelles", "pourquoi", "comment",
            "combien", "quand", "où", "qui", "quoi", "lequel", "laquelle", "lesquels", "lesquelles");
    private static final Set<String> EN_INTERROGATIVE = Set.of("what", "which", "who", "whom", "whose", "why", "how", "when", "where");
    /** German and Spanish question words: a question that opens with one is in neither French nor English. */
    private static final Set<String> OTHER_INTERROGATIVE = Set.of("wie", "wer", "wen", "wem", "wessen", "wann", "wo", "woher",
            "wohin", "warum", "weshalb", "welche", "welcher", "welches", "welchen", "welchem", "wieviel", "wieviele", "qué", "quién", "quiénes", "cuál",
            "cuáles", "cuánto", "cuánta", "cuántos", "cuántas", "dónde", "cuándo", "cómo", "por qué");

    /** English contractions ("don't", "it's", "they're"): the apostrophe splits them into words of no language. */
    private static final Pattern EN_CONTRACTION = Pattern.compile("\\b\\p{L}+n't\\b|\\b\\p{L}+'(?:re|ve|ll|d)\\b|\\b(?:it|that|what|who|there|he|she)'s\\b");

    private LanguageDetector() {
    }

    /** The language of {@code text}, or {@link Lang#OTHER} when it is neither French nor English or cannot be told. */
    public static Lang detect(String text) {
        if (text == null || text.isBlank()) {
            return Lang.OTHER;
        }
        String t = text.replace('’', '\'').toLowerCase(Locale.ROOT);
        double fr = 0, en = 0, other = 0;
        Matcher contraction = EN_CONTRACTION.matcher(t);
        while (contraction.find()) en += 1;
        t = EN_CONTRACTION.matcher(t).replaceAll(" ");
        int words = 0;
        Matcher m = WORD.matcher(t);
        while (m.find() && words < 2000) {
            String w = m.group();
            words++;
            boolean isFr = FR.contains(w), isEn = EN.contains(w);
            if (isFr) fr += FR_INTERROGATIVE.contains(w) ? 2 : 1;
            if (isEn) en += EN_INTERROGATIVE.contains(w) ? 2 : 1;
            if (!isFr && !isEn && (DE.contains(w) || ES.contains(w))) other += 1;
            if (OTHER_INTERROGATIVE.contains(w)) other += 2;
            // letters only French uses among the two
            if (w.indexOf('é') >= 0 || w.indexOf('è') >= 0 || w.indexOf('ê') >= 0 || w.indexOf('à') >= 0
                    || w.indexOf('ç') >= 0 || w.indexOf('ù') >= 0) {
                fr += 0.5;
            }
            if (w.indexOf('ß') >= 0 || w.indexOf('ñ') >= 0 || w.indexOf('ü') >= 0 || w.indexOf('ä') >= 0 || w.indexOf('ö') >= 0) {
                other += 1;
            }
        }
        if (t.indexOf('¿') >= 0 || t.indexOf('¡') >= 0) {
            other += 2;
        }
        if (fr == 0 && en == 0) {
            return Lang.OTHER;
        }
        if (other >= Math.max(fr, en)) {
            return Lang.OTHER; // a tie too: "Was … bei der … an?" has as many German words as English-looking ones
        }
        if (fr > en) return Lang.FR;
        if (en > fr) return Lang.EN;
        return Lang.OTHER;
    }

    /** Lower case, accents removed: for comparing words across spellings. */
    public static String fold(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        return d.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }
}
