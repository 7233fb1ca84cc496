package dev.sourced.botsim;

import dev.sourced.corpus.Lang;
import dev.sourced.corpus.LanguageDetector;
import dev.sourced.corpus.Passage;
import dev.sourced.corpus.Passages;
import dev.sourced.corpus.SentenceSplitter;
import dev.sourced.corpus.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Distinct questions about a corpus, made from its own passages, for benchmarks that must not ask a question twice.
 * Each sentence of each passage gives a few: whether what it states is true ("Est-il vrai que …"), then questions on
 * its salient words (those few passages of this corpus use: their document frequency, not a word list) in several
 * generic frames ("Pourquoi …", "Who …"). Passages take turns, so a short run still asks about the whole corpus.
 */
public final class CorpusQuestions {
    /** A document's text and language. */
    public record Source(String text, Lang lang) {
    }

    /** A word is salient when at most this share of the passages use it. */
    static final double SALIENT_SHARE = 0.1;
    /** Salient words kept per sentence, the rarest first. */
    static final int TERMS_PER_SENTENCE = 5;
    static final int MIN_WORD_CHARS = 4;
    /** A sentence longer than this is not asked about as a whole (readers ask short questions). */
    static final int MAX_SENTENCE_CHARS = 220;
    static final int MIN_SENTENCE_WORDS = 5;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}-]*");
    private static final List<String> FRAMES_FR = List.of("Que dit-on de %s ?", "Pourquoi %s ?", "Qui %s ?",
            "Combien %s ?", "Quand %s ?", "Qu'en est-il de %s ?");
    private static final List<String> FRAMES_EN = List.of("What about %s?", "Why %s?", "Who %s?", "How many %s?",
            "When %s?", "What is said of %s?");

    private CorpusQuestions() {
    }

    /** At most {@code limit} distinct questions about {@code docs}, in an order that visits every passage early. */
    public static List<String> from(List<Source> docs, int limit) {
        List<Passage> passages = new ArrayList<>();
        List<Lang> langs = new ArrayList<>();
        for (Source d : docs) {
            for (Passage p : Passages.split(d.text())) {
                passages.add(p);
                langs.add(d.lang());
            }
        }
        Map<String, Integer> df = documentFrequencies(passages);
        int salientDf = Math.max(1, (int) Math.floor(passages.size() * SALIENT_SHARE));
        List<List<String>> perPassage = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            perPassage.add(questions(passages.get(i).text(), langs.get(i), df, salientDf));
        }
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (int round = 0; out.size() < limit; round++) {
            boolean any = false;
            for (List<String> qs : perPassage) {
                if (round >= qs.size()) continue;
                any = true;
                String q = qs.get(round);
                if (seen.add(q.toLowerCase(Locale.ROOT)) && out.size() < limit) out.add(q);
            }
            if (!any) break;
        }
        return out;
    }

    /** The passage's questions, its sentences taking turns. */
    private static List<String> questions(String passage, Lang lang, Map<String, Integer> df, int salientDf) {
        List<List<String>> perSentence = new ArrayList<>();
        for (Span s : SentenceSplitter.split(passage)) {
            String sentence = s.of(passage).strip().replaceAll("\\s+", " ");
            List<String> qs = new ArrayList<>();
            if (sentence.length() <= MAX_SENTENCE_CHARS && sentence.split(" ").length >= MIN_SENTENCE_WORDS) {
                qs.add(isItTrue(sentence, lang));
            }
            List<String> terms = salient(sentence, df, salientDf);
            List<String> frames = lang == Lang.FR ? FRAMES_FR : FRAMES_EN;
            int f = perSentence.size();
            for (List<String> combo : combinations(terms)) {
                qs.add(String.format(Locale.ROOT, frames.get(f++ % frames.size()), String.join(" ", combo)));
            }
            if (!qs.isEmpty()) perSentence.add(qs);
        }
        List<String> out = new ArrayList<>();
        for (int round = 0; ; round++) {
            boolean any = false;
            for (List<String> qs : perSentence) {
                if (round < qs.size()) {
                    out.add(qs.get(round));
                    any = true;
                }
            }
            if (!any) return out;
        }
    }

    private static String isItTrue(String sentence, Lang lang) {
        // the sentence as written: its first word may be a name, whose capital the engine reads
        String s = sentence.replaceAll("[\\s.!?…:;]+$", "");
        return lang == Lang.FR ? "Est-il vrai que " + s + " ?" : "Is it true that " + s + "?";
    }

    /** The sentence's salient words, the rarest in the corpus first (in order of appearance among equals). */
    static List<String> salient(String sentence, Map<String, Integer> df, int salientDf) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String w : words(sentence)) {
            String key = key(w);
            int n = df.getOrDefault(key, 0);
            if (n > 0 && n <= salientDf) byKey.putIfAbsent(key, w);
        }
        return byKey.entrySet().stream().sorted(Comparator.comparingInt(e -> df.get(e.getKey())))
                .limit(TERMS_PER_SENTENCE).map(Map.Entry::getValue).toList();
    }

    /** Every group of three salient words, then every pair, each in the order of the sentence's ranking. */
    private static List<List<String>> combinations(List<String> terms) {
        List<List<String>> out = new ArrayList<>();
        int n = terms.size();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                for (int k = j + 1; k < n; k++) out.add(List.of(terms.get(i), terms.get(j), terms.get(k)));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) out.add(List.of(terms.get(i), terms.get(j)));
        }
        if (n == 1) out.add(List.of(terms.get(0)));
        return out;
    }

    private static Map<String, Integer> documentFrequencies(List<Passage> passages) {
        Map<String, Integer> df = new HashMap<>();
        for (Passage p : passages) {
            Set<String> keys = new LinkedHashSet<>();
            for (String w : words(p.text())) keys.add(key(w));
            keys.forEach(k -> df.merge(k, 1, Integer::sum));
        }
        return df;
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (m.group().length() >= MIN_WORD_CHARS) out.add(m.group());
        }
        return out;
    }

    private static String key(String word) {
        return LanguageDetector.fold(word);
    }
}
