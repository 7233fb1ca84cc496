package dev.sourced.index;

import dev.sourced.corpus.LanguageDetector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * Word-by-word English glosses of questions in languages the corpus is not written in but readers ask in (German and
 * Spanish), from general lexicons shipped with Sourced ({@code de-en.tsv}, {@code es-en.tsv}). A gloss is not a
 * translation: it is the question's content words in English, its names kept, which the English question parser then
 * reads (and translates into French with the main lexicon). Words are looked up as typed, then by stem (Snowball, accents
 * and umlauts folded), then, in German, as a compound of two known words ("Gaspreise": gas price).
 */
public final class Glossary {
    /**
     * One language's lexicon: entries by folded word and by stem, its stop words, its stemmer, and whether German's rules
     * apply (compounds, ge- participles, noun endings, every noun capitalised).
     */
    private record Language(Map<String, String> words, Map<String, String> stems, int longestPhrase, CharArraySet stop,
                            Supplier<SnowballStemmer> stemmer, boolean german) {
        String lookUp(String folded) {
            String w = words.get(folded);
            if (w != null) return w;
            if (german) {
                // a German plural or case ending on a listed noun ("Sitze": Sitz), before the stemmer, which may
                // bring the noun to a verb's stem ("sitz" of sitzen)
                for (String ending : NOUN_ENDINGS) {
                    if (folded.endsWith(ending) && folded.length() - ending.length() >= MIN_PART) {
                        w = words.get(folded.substring(0, folded.length() - ending.length()));
                        if (w != null) return w;
                    }
                }
            }
            w = folded.length() >= MIN_STEMMED ? stems.get(stem(folded)) : null;
            if (w != null || !german || !folded.startsWith("ge") || folded.length() < MIN_STEMMED + 3) return w;
            // a German past participle: ge- + stem + -t ("geplündert": plündern) or -en ("gewonnen" is listed)
            String stem = folded.substring(2);
            for (String verb : List.of(stem, stem.replaceAll("t$", "en"), stem.replaceAll("t$", "n"))) {
                w = words.getOrDefault(verb, stems.get(stem(verb)));
                if (w != null) return w;
            }
            return null;
        }

        String stem(String folded) {
            return Glossary.stem(stemmer.get(), folded);
        }

        /** "gaspreise" as "gas" + "preise", with a linking s or n dropped ("verkehrsminister"); the longest head wins. */
        String compound(String folded) {
            if (!german) return null;
            for (int i = MIN_PART; i <= folded.length() - MIN_PART; i++) {
                String head = lookUp(folded.substring(i));
                if (head == null) continue;
                String left = folded.substring(0, i);
                String modifier = lookUp(left);
                if (modifier == null && (left.endsWith("s") || left.endsWith("n")) && left.length() > MIN_PART) {
                    modifier = lookUp(left.substring(0, left.length() - 1));
                }
                if (modifier != null) return modifier + " " + head;
            }
            return null;
        }

        /** How many of {@code words} are this language's stop words or known words. */
        int recognised(List<String> folded) {
            int n = 0;
            for (String w : folded) {
                if (stop.contains(w) || words.containsKey(w)) n++;
            }
            return n;
        }
    }

    static final String GERMAN_RESOURCE = "/dev/sourced/lexicon/de-en.tsv";
    static final String SPANISH_RESOURCE = "/dev/sourced/lexicon/es-en.tsv";
    /** Shorter words are looked up as typed only: their stems collide. */
    static final int MIN_STEMMED = 4;
    /** The endings German nouns take in the plural and in the dative and genitive. */
    static final List<String> NOUN_ENDINGS = List.of("en", "er", "es", "e", "n", "s");
    /** Each part of a compound has at least this many letters. */
    static final int MIN_PART = 3;
    private static final Pattern TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{N}'’\\-.]*\\p{L}|\\p{L}|\\p{N}+(?:[.,]\\p{N}+)*");
    private static volatile Glossary builtIn;

    /** The languages, read when the first question in another language comes (about 0.3 s), not at start-up. */
    private final Supplier<List<Language>> source;
    private volatile List<Language> languages;

    private Glossary(Supplier<List<Language>> source) {
        this.source = source;
    }

    /** No glossary: every question in another language is left as it is. */
    public static Glossary none() {
        return new Glossary(List::of);
    }

    /** The shipped German and Spanish lexicons (one instance, read once, when first needed). */
    public static Glossary builtIn() {
        Glossary g = builtIn;
        if (g == null) {
            synchronized (Glossary.class) {
                if (builtIn == null) {
                    builtIn = new Glossary(() -> List.of(
                            language(Lexicon.resourceLines(GERMAN_RESOURCE), GermanAnalyzer.getDefaultStopSet(), GermanStemmer::new, true),
                            language(Lexicon.resourceLines(SPANISH_RESOURCE), SpanishAnalyzer.getDefaultStopSet(), SpanishStemmer::new, false)));
                }
                g = builtIn;
            }
        }
        return g;
    }

    private List<Language> languages() {
        List<Language> l = languages;
        if (l == null) {
            synchronized (this) {
                if (languages == null) languages = List.copyOf(source.get());
                l = languages;
            }
        }
        return l;
    }

    /** A glossary of one language from lexicon lines ({@code word<TAB>english|english…}), for tests. */
    static Glossary of(List<String> lines, CharArraySet stop, Supplier<SnowballStemmer> stemmer, boolean german) {
        Language l = language(lines, stop, stemmer, german);
        return new Glossary(() -> List.of(l));
    }

    /**
     * The question's English gloss, when it is in a language of this glossary (its words are more often that language's
     * stop or known words than any other's) and at least one of its content words is known; else empty.
     */
    public Optional<String> gloss(String question) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(question == null ? "" : question);
        while (m.find()) tokens.add(m.group());
        if (tokens.isEmpty()) return Optional.empty();
        List<String> folded = tokens.stream().map(Glossary::fold).toList();
        Language best = null;
        int bestScore = 0;
        for (Language l : languages()) {
            int score = l.recognised(folded);
            if (score > bestScore) {
                best = l;
                bestScore = score;
            }
        }
        if (best == null) return Optional.empty();
        return gloss(best, tokens, folded);
    }

    private static Optional<String> gloss(Language l, List<String> tokens, List<String> folded) {
        List<String> out = new ArrayList<>();
        int known = 0;
        for (int i = 0; i < tokens.size(); i++) {
            int phrase = phraseAt(l, folded, i);
            if (phrase > 0) {
                out.add(l.words().get(String.join(" ", folded.subList(i, i + phrase))));
                known++;
                i += phrase - 1;
                continue;
            }
            String w = folded.get(i);
            if (Character.isDigit(w.charAt(0))) {
                out.add(tokens.get(i));
                continue;
            }
            String english = l.lookUp(w);
            if (english == null && !l.stop().contains(w)) english = l.compound(w);
            if (english != null) {
                out.add(english);
                known++;
            } else if (!l.stop().contains(w)) {
                out.add(unknown(tokens.get(i), i == 0, l.german()));
            }
        }
        return known == 0 ? Optional.empty() : Optional.of(String.join(" ", out) + "?");
    }

    /** The longest phrase of the lexicon that starts at token {@code i} (two words or more), or 0. */
    private static int phraseAt(Language l, List<String> folded, int i) {
        for (int n = Math.min(l.longestPhrase(), folded.size() - i); n >= 2; n--) {
            if (l.words().containsKey(String.join(" ", folded.subList(i, i + n)))) return n;
        }
        return 0;
    }

    /**
     * A word the lexicon lacks, kept: a name keeps its capital, but a German noun is capitalised as any noun is, so
     * there (and at the start of a question) only a word with capitals or digits inside ("PSG", "H100") keeps them.
     */
    private static String unknown(String word, boolean first, boolean nounsCapitalised) {
        boolean strong = word.chars().skip(1).anyMatch(Character::isUpperCase) || word.chars().anyMatch(Character::isDigit);
        return strong || !(first || nounsCapitalised) ? word : word.toLowerCase(Locale.ROOT);
    }

    private static Language language(List<String> lines, CharArraySet stop, Supplier<SnowballStemmer> stemmer, boolean german) {
        Map<String, String> words = new HashMap<>();
        Map<String, String> stems = new HashMap<>();
        int longest = 1;
        SnowballStemmer stemming = stemmer.get();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int tab = line.indexOf('\t');
            if (tab <= 0 || tab == line.length() - 1) continue;
            String word = fold(line.substring(0, tab).strip());
            String english = line.substring(tab + 1).split("\\|")[0].strip();
            if (word.isEmpty() || english.isEmpty()) continue;
            words.putIfAbsent(word, english);
            int n = word.split(" ").length;
            longest = Math.max(longest, n);
            if (n == 1 && word.length() >= MIN_STEMMED) stems.putIfAbsent(stem(stemming, word), english);
        }
        CharArraySet foldedStop = new CharArraySet(stop.size(), false);
        for (Object w : stop) foldedStop.add(fold(new String((char[]) w)));
        return new Language(Map.copyOf(words), Map.copyOf(stems), longest, CharArraySet.unmodifiableSet(foldedStop),
                ThreadLocal.withInitial(stemmer)::get, german);
    }

    private static String stem(SnowballStemmer s, String folded) {
        s.setCurrent(folded);
        s.stem();
        return s.getCurrent();
    }

    /** Lower case, accents and umlauts folded, ß as ss: "Städte" and "stadte", "quién" and "quien" are one word. */
    static String fold(String s) {
        return LanguageDetector.fold(s.replace('’', '\'').replace("ß", "ss"));
    }
}
