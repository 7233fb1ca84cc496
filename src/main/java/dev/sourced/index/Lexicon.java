package dev.sourced.index;

import dev.sourced.corpus.Lang;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;

/**
 * Bilingual English/French lexicon used to translate query words into the other language.
 *
 * <p>The shipped table ({@code dev/sourced/lexicon/en-fr.tsv}, one {@code english<TAB>fr1|fr2|...}
 * entry per line) gives the English to French direction; French to English is its reverse. When
 * Debian's FreeDict dictionaries ({@code dict-freedict-eng-fra}, {@code dict-freedict-fra-eng}) are
 * installed, they are read from where dictd keeps them and their translations are appended after
 * the built-in ones. Their content is only read at run time, never copied into this project.
 *
 * <p>Lookup is case-insensitive and tolerant: exact form first, then the accent-folded form, then
 * rule-based lemma candidates (plural, past tense, participle, feminine, conjugated forms), then
 * a Snowball stem match. Instances are immutable and thread-safe.
 */
public final class Lexicon {

    /** System property overriding where the FreeDict dictd files are looked for. */
    public static final String FREEDICT_DIR_PROPERTY = "sourced.freedict.dir";
    /** Default location of dictd dictionaries on Debian. */
    public static final String DEFAULT_FREEDICT_DIR = "/usr/share/dictd";
    /** Classpath location of the shipped table. */
    public static final String BUILT_IN_RESOURCE = "/dev/sourced/lexicon/en-fr.tsv";

    /** Comment marker in the TSV after which entries are irregular inflected English forms. */
    static final String INFLECTED_MARKER = "# @inflected";

    private static final int MAX_BUILT_IN_REVERSE = 6;
    private static final int MAX_FREEDICT = 4;
    private static final int MAX_MERGED = 10;

    private static final Set<String> ELISIONS =
            Set.of("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu");

    private static final Pattern PARTICIPLE =
            Pattern.compile("(é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites)$");

    private static final ThreadLocal<SnowballStemmer> EN_STEMMER = ThreadLocal.withInitial(EnglishStemmer::new);
    private static final ThreadLocal<SnowballStemmer> FR_STEMMER = ThreadLocal.withInitial(FrenchStemmer::new);

    private static final Object LOCK = new Object();
    private static volatile Lexicon builtInCache;
    private static volatile Loaded loadedCache;

    /** The lexicon built by {@link #load()} for one FreeDict directory. */
    private record Loaded(String dir, Lexicon lexicon) {}

    private final LazyDirection enFr;
    private final LazyDirection frEn;
    private final int builtInEntries;
    private final String source;

    private Lexicon(LazyDirection enFr, LazyDirection frEn, int builtInEntries, String source) {
        this.enFr = enFr;
        this.frEn = frEn;
        this.builtInEntries = builtInEntries;
        this.source = source;
    }

    /** Indexes both directions on background threads, so that the first lookups find them ready. */
    private Lexicon warmUp() {
        CompletableFuture.runAsync(enFr::get);
        CompletableFuture.runAsync(frEn::get);
        return this;
    }

    // ------------------------------------------------------------------ factories

    /**
     * The shipped lexicon plus the FreeDict dictionaries when installed (directory from the
     * {@value #FREEDICT_DIR_PROPERTY} system property, default {@value #DEFAULT_FREEDICT_DIR}).
     * Cached; rebuilt if the property changes.
     */
    public static Lexicon load() {
        String dir = System.getProperty(FREEDICT_DIR_PROPERTY, DEFAULT_FREEDICT_DIR);
        Loaded cached = loadedCache;
        if (cached != null && cached.dir().equals(dir)) {
            return cached.lexicon();
        }
        synchronized (LOCK) {
            cached = loadedCache;
            if (cached != null && cached.dir().equals(dir)) {
                return cached.lexicon();
            }
            Lexicon built = loadFrom(Path.of(dir)).warmUp();
            loadedCache = new Loaded(dir, built);
            return built;
        }
    }

    /** Only the shipped lexicon (cached). */
    public static Lexicon builtIn() {
        Lexicon cached = builtInCache;
        if (cached != null) {
            return cached;
        }
        synchronized (LOCK) {
            if (builtInCache == null) {
                builtInCache = new Builder().addTsv(readBuiltIn()).build(null, null).warmUp();
            }
            return builtInCache;
        }
    }

    /** The shipped lexicon plus FreeDict dictionaries found in {@code freedictDir} (not cached). */
    public static Lexicon loadFrom(Path freedictDir) {
        Builder b = new Builder().addTsv(readBuiltIn());
        if (freedictDir == null) {
            return b.build(null, null);
        }
        // each dictionary is read when its direction is first needed (or by the warm-up thread)
        return b.build(() -> Dictd.read(freedictDir, "freedict-eng-fra"),
                () -> Dictd.read(freedictDir, "freedict-fra-eng"));
    }

    /** Builds a lexicon from TSV lines in the shipped format (for tests). */
    public static Lexicon fromTsv(Reader tsv) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = tsv instanceof BufferedReader br ? br : new BufferedReader(tsv)) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Builder("tsv").addTsv(lines).build(null, null);
    }

    private static List<String> readBuiltIn() {
        return resourceLines(BUILT_IN_RESOURCE);
    }

    /** The lines of a lexicon shipped in the jar (this one, or the {@link Glossary}'s). */
    static List<String> resourceLines(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ API

    /**
     * Translations of a word or multi-word expression in language {@code from} into {@code to},
     * most common first, no duplicates; empty when unknown, when either language is OTHER or
     * when both are the same.
     */
    public List<String> translate(String word, Lang from, Lang to) {
        if (word == null || from == null || to == null || from == Lang.OTHER || to == Lang.OTHER || from == to) {
            return List.of();
        }
        Direction d = direction(from);
        String q = normalize(word);
        if (q.isEmpty()) {
            return List.of();
        }
        List<String> r = d.exact.get(q);
        if (r != null) {
            return r;
        }
        String fq = fold(q);
        r = d.lookupFolded(q, fq);
        if (r != null) {
            return r;
        }
        if (q.indexOf(' ') < 0) {
            List<String> candidates = from == Lang.EN ? englishCandidates(q) : frenchCandidates(q);
            for (String c : candidates) {
                r = d.exact.get(c);
                if (r == null) {
                    r = d.lookupFolded(c, fold(c));
                }
                if (r != null) {
                    return r;
                }
            }
        }
        String[] bucket = d.stems.get(stemKey(q, from));
        if (bucket == null) {
            return List.of();
        }
        String best = bucket[0];
        if (bucket.length > 1) {
            int bestPrefix = -1;
            for (String k : bucket) {
                int p = commonPrefix(fold(k), fq);
                if (p > bestPrefix || (p == bestPrefix && k.length() < best.length())) {
                    best = k;
                    bestPrefix = p;
                }
            }
        }
        return d.exact.getOrDefault(best, List.of());
    }

    /**
     * The number of tokens (at least 2) of the longest known multi-word expression of language
     * {@code from} starting at {@code tokens.get(i)}, or 0. Tokens are compared through the same
     * folding and stemming as {@link #translate}, so "conflicts of interest" matches.
     */
    public int phraseLengthAt(List<String> tokens, int i, Lang from) {
        if (tokens == null || i < 0 || i >= tokens.size() - 1 || from == null || from == Lang.OTHER) {
            return 0;
        }
        Direction d = direction(from);
        if (d.maxPhraseParts < 2) {
            return 0;
        }
        List<String> parts = new ArrayList<>(d.maxPhraseParts + 2);
        stemParts(tokens.get(i), from, parts);
        if (parts.isEmpty() || !d.phraseFirst.contains(parts.get(0))) {
            return 0;
        }
        int best = 0;
        StringBuilder key = new StringBuilder();
        for (int j = i + 1; j < tokens.size() && parts.size() < d.maxPhraseParts; j++) {
            stemParts(tokens.get(j), from, parts);
            if (parts.size() > d.maxPhraseParts) {
                break;
            }
            key.setLength(0);
            for (int p = 0; p < parts.size(); p++) {
                if (p > 0) {
                    key.append(' ');
                }
                key.append(parts.get(p));
            }
            if (parts.size() >= 2 && d.phrases.contains(key.toString())) {
                best = j - i + 1;
            }
        }
        return best;
    }

    /** Number of headwords (entries) in the direction starting from {@code from}. */
    public int size(Lang from) {
        if (from == null || from == Lang.OTHER) {
            return 0;
        }
        return direction(from).exact.size();
    }

    /**
     * Where the data came from, e.g. "built-in (7041 entries) + freedict eng-fra, fra-eng" (waits
     * for both directions to be loaded).
     */
    public String describe() {
        List<String> found = new ArrayList<>(2);
        if (enFr.get().extended) {
            found.add("eng-fra");
        }
        if (frEn.get().extended) {
            found.add("fra-eng");
        }
        return source + " (" + builtInEntries + " entries)"
                + (found.isEmpty() ? "" : " + freedict " + String.join(", ", found));
    }

    @Override
    public String toString() {
        return "Lexicon[" + source + "]";
    }

    private Direction direction(Lang from) {
        return (from == Lang.EN ? enFr : frEn).get();
    }

    // ------------------------------------------------------------------ normalisation

    /** Lowercases, unifies apostrophes and hyphens, collapses spaces, trims punctuation at both ends. */
    static String normalize(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(t.length());
        boolean space = false;
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c == '\u2019' || c == '\u2018' || c == '`' || c == '\u02bc') {
                c = '\'';
            } else if (c == '\u2010' || c == '\u2011' || c == '\u2013') {
                c = '-';
            } else if (c == '\u00a0' || c == '\t' || c == '\n' || c == '\r') {
                c = ' ';
            }
            if (c == ' ') {
                space = b.length() > 0;
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.append(c);
        }
        int start = 0;
        int end = b.length();
        while (start < end && !Character.isLetterOrDigit(b.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(b.charAt(end - 1))) {
            end--;
        }
        return b.substring(start, end);
    }

    /** Removes diacritics (é -> e, ç -> c) and expands ligatures (œ -> oe). */
    static String fold(String s) {
        boolean ascii = true;
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) > 127) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return s;
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(n.length());
        for (int k = 0; k < n.length(); k++) {
            char c = n.charAt(k);
            switch (Character.getType(c)) {
                case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> {
                    // dropped
                }
                default -> {
                    switch (c) {
                        case 'œ' -> b.append("oe");
                        case 'æ' -> b.append("ae");
                        case 'ß' -> b.append("ss");
                        default -> b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Splits on spaces, apostrophes and hyphens, drops elided particles, stems and folds each part. */
    static void stemParts(String text, Lang lang, List<String> out) {
        stemNormalizedParts(normalize(text), lang, out);
    }

    private static void stemNormalizedParts(String t, Lang lang, List<String> out) {
        int n = t.length();
        int k = 0;
        while (k < n) {
            while (k < n && isSeparator(t.charAt(k))) {
                k++;
            }
            int s = k;
            while (k < n && !isSeparator(t.charAt(k))) {
                k++;
            }
            if (k > s) {
                String part = t.substring(s, k);
                if (!ELISIONS.contains(part)) {
                    out.add(fold(stem(part, lang)));
                }
            }
        }
    }

    private static boolean hasSeparator(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (isSeparator(s.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\'' || c == '-' || c == '/' || c == ',' || c == '.' || c == '"';
    }

    static String stemKey(String text, Lang lang) {
        List<String> parts = new ArrayList<>(4);
        stemParts(text, lang, parts);
        return String.join(" ", parts);
    }

    private static String stem(String word, Lang lang) {
        if (word.length() < 3 || !Character.isLetter(word.charAt(0))) {
            return word;
        }
        SnowballStemmer s = (lang == Lang.FR ? FR_STEMMER : EN_STEMMER).get();
        s.setCurrent(word);
        s.stem();
        return s.getCurrent();
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int k = 0;
        while (k < n && a.charAt(k) == b.charAt(k)) {
            k++;
        }
        return k;
    }

    // ------------------------------------------------------------------ lemma candidates

    /** Possible English lemmas of an inflected or derived word, most likely first. */
    static List<String> englishCandidates(String w) {
        List<String> c = new ArrayList<>(8);
        int n = w.length();
        if (w.endsWith("'s")) {
            add(c, w.substring(0, n - 2));
            return c;
        }
        if (w.endsWith("s'")) {
            add(c, w.substring(0, n - 1));
            return c;
        }
        if (n < 4) {
            return c;
        }
        if (w.endsWith("ies") && n > 4) {
            add(c, w.substring(0, n - 3) + "y");
        }
        if (w.endsWith("ves")) {
            add(c, w.substring(0, n - 3) + "f");
            add(c, w.substring(0, n - 3) + "fe");
        }
        if (w.endsWith("es")) {
            add(c, w.substring(0, n - 2));
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            add(c, w.substring(0, n - 1));
        }
        if (w.endsWith("ied")) {
            add(c, w.substring(0, n - 3) + "y");
        }
        if (w.endsWith("ed") && n > 4) {
            String base = w.substring(0, n - 2);
            add(c, w.substring(0, n - 1));
            add(c, base);
            addUndoubled(c, base);
        }
        if (w.endsWith("ing") && n > 5) {
            String base = w.substring(0, n - 3);
            add(c, base);
            add(c, base + "e");
            addUndoubled(c, base);
            if (base.endsWith("y")) {
                add(c, base.substring(0, base.length() - 1) + "ie");
            }
        }
        if (w.endsWith("iest")) {
            add(c, w.substring(0, n - 4) + "y");
        } else if (w.endsWith("est") && n > 5) {
            String base = w.substring(0, n - 3);
            add(c, base);
            add(c, base + "e");
            addUndoubled(c, base);
        }
        if (w.endsWith("ier")) {
            add(c, w.substring(0, n - 3) + "y");
        } else if (w.endsWith("er") && n > 4) {
            String base = w.substring(0, n - 2);
            add(c, base);
            add(c, base + "e");
            addUndoubled(c, base);
        }
        if (w.endsWith("ily") && n > 5) {
            add(c, w.substring(0, n - 3) + "y");
        }
        if (w.endsWith("ly") && n > 4) {
            String base = w.substring(0, n - 2);
            add(c, base);
            if (w.endsWith("ally")) {
                add(c, w.substring(0, n - 4));
            }
            if (w.endsWith("bly") || w.endsWith("ply")) {
                add(c, w.substring(0, n - 1) + "e");
            }
        }
        if (w.endsWith("ness") && n > 6) {
            String base = w.substring(0, n - 4);
            add(c, base.endsWith("i") ? base.substring(0, base.length() - 1) + "y" : base);
        }
        return c;
    }

    private static void addUndoubled(List<String> c, String base) {
        int m = base.length();
        if (m >= 3 && base.charAt(m - 1) == base.charAt(m - 2) && "bdfgklmnprtvz".indexOf(base.charAt(m - 1)) >= 0) {
            add(c, base.substring(0, m - 1));
        }
    }

    private static final String[] FR_ER_ENDINGS = {
        "eraient", "assions", "erions", "eriez", "aient", "èrent", "erent", "erait", "erais", "eront", "erons",
        "erez", "erai", "eras", "era", "ions", "iez", "ais", "ait", "ant", "ons", "ées", "ees", "ent", "és",
        "es", "ée", "ee", "ez", "ai", "as", "é", "e", "a"
    };
    private static final String[] FR_IR_ENDINGS = {
        "issaient", "issions", "issiez", "issait", "issais", "issant", "issons", "issez", "issent", "iraient",
        "irait", "iront", "irent", "ira", "isse", "ies", "is", "it", "ie", "i"
    };
    private static final String[] FR_RE_ENDINGS = {
        "aient", "ront", "rait", "ues", "ait", "ais", "ant", "ent", "ons", "ez", "ra", "ue", "us", "u", "s", "t"
    };

    /** Possible French lemmas (masculine singular, infinitive) of an inflected word, most likely first. */
    static List<String> frenchCandidates(String w) {
        List<String> c = new ArrayList<>(24);
        int apo = w.indexOf('\'');
        if (apo > 0 && apo < w.length() - 1 && ELISIONS.contains(w.substring(0, apo))) {
            String rest = w.substring(apo + 1);
            add(c, rest);
            for (String x : frenchCandidates(rest)) {
                add(c, x);
            }
            return c;
        }
        int n = w.length();
        if (n < 3) {
            return c;
        }
        List<String> singulars = new ArrayList<>(3);
        singulars.add(w);
        if (w.endsWith("aux") && n > 4) {
            add(c, w.substring(0, n - 3) + "al");
            add(c, w.substring(0, n - 3) + "ail");
        }
        if ((w.endsWith("s") || w.endsWith("x")) && n > 3) {
            String s = w.substring(0, n - 1);
            add(c, s);
            singulars.add(s);
        }
        for (String s : singulars) {
            int m = s.length();
            if (s.endsWith("euse")) {
                add(c, s.substring(0, m - 4) + "eur");
            }
            if (s.endsWith("rice")) {
                add(c, s.substring(0, m - 4) + "eur");
            }
            if (s.endsWith("ive")) {
                add(c, s.substring(0, m - 3) + "if");
            }
            if (s.endsWith("elle") || s.endsWith("enne") || s.endsWith("ette") || s.endsWith("onne")) {
                add(c, s.substring(0, m - 2));
            }
            if (s.endsWith("ère")) {
                add(c, s.substring(0, m - 3) + "er");
            }
            if (s.endsWith("euse") || s.endsWith("ouse")) {
                add(c, s.substring(0, m - 3) + "x");
            }
            if (s.endsWith("e") && m > 3) {
                add(c, s.substring(0, m - 1));
            }
        }
        addVerbCandidates(c, w, FR_ER_ENDINGS, "er");
        addVerbCandidates(c, w, FR_IR_ENDINGS, "ir");
        addVerbCandidates(c, w, FR_RE_ENDINGS, "re");
        if (w.endsWith("ment") && n > 6) {
            String adj = w.substring(0, n - 4);
            add(c, adj);
            if (adj.endsWith("e")) {
                add(c, adj.substring(0, adj.length() - 1));
            }
            if (adj.endsWith("euse")) {
                add(c, adj.substring(0, adj.length() - 3) + "x");
            }
            if (adj.endsWith("amm") || adj.endsWith("emm")) {
                add(c, adj.substring(0, adj.length() - 2) + "nt");
            }
        }
        return c;
    }

    private static void addVerbCandidates(List<String> c, String w, String[] endings, String infinitive) {
        for (String e : endings) {
            if (w.endsWith(e) && w.length() - e.length() >= 2) {
                add(c, w.substring(0, w.length() - e.length()) + infinitive);
            }
        }
    }

    private static void add(List<String> c, String s) {
        if (s.length() >= 2 && !c.contains(s)) {
            c.add(s);
        }
    }

    // ------------------------------------------------------------------ data

    /** A direction indexed on first use (or by {@link #warmUp}). */
    private static final class LazyDirection {
        private final Lang lang;
        private LinkedHashMap<String, List<String>> entries;
        private Supplier<Map<String, List<String>>> extra;
        private volatile Direction built;

        LazyDirection(Lang lang, LinkedHashMap<String, List<String>> entries, Supplier<Map<String, List<String>>> extra) {
            this.lang = lang;
            this.entries = entries;
            this.extra = extra;
        }

        Direction get() {
            Direction d = built;
            if (d == null) {
                synchronized (this) {
                    d = built;
                    if (d == null) {
                        Map<String, List<String>> more = extra == null ? Map.of() : extra.get();
                        int builtInKeys = entries.size();
                        addExtra(entries, more);
                        d = new Direction(lang, entries, more.isEmpty() ? Integer.MAX_VALUE : builtInKeys);
                        d.extended = !more.isEmpty();
                        built = d;
                        entries = null;
                        extra = null;
                    }
                }
            }
            return d;
        }
    }

    /** One direction of the lexicon: source-language keys to target-language translations. */
    private static final class Direction {
        final Map<String, List<String>> exact;
        /** Accent-folded key to the original keys that fold to it. */
        final Map<String, String[]> folded;
        final Map<String, String[]> stems;
        final Set<String> phrases;
        final Set<String> phraseFirst;
        final int maxPhraseParts;
        /** Whether dictionary (FreeDict) entries were added to the built-in ones. */
        boolean extended;

        /**
         * Indexes the entries; single words are added to the stem index only among the first
         * {@code stemmedWords} (built-in) keys, which keeps loading fast: dictionary words are still
         * found exactly, without accents and through the lemma rules.
         */
        Direction(Lang lang, LinkedHashMap<String, List<String>> entries, int stemmedWords) {
            Map<String, List<String>> ex = new HashMap<>(entries.size() * 2);
            Map<String, List<String>> fo = new HashMap<>(entries.size());
            Map<String, List<String>> st = new HashMap<>(entries.size() * 2);
            Set<String> ph = new HashSet<>();
            Set<String> first = new HashSet<>();
            int max = 0;
            List<String> parts = new ArrayList<>();
            int index = 0;
            for (Map.Entry<String, List<String>> e : entries.entrySet()) {
                String key = e.getKey();
                List<String> vals = e.getValue();
                boolean builtIn = index++ < stemmedWords;
                ex.put(key, List.copyOf(vals));
                String f = fold(key);
                if (!f.equals(key)) {
                    // plain ASCII keys are always found by the exact lookup first
                    fo.computeIfAbsent(f, x -> new ArrayList<>(1)).add(key);
                }
                if (!builtIn && !hasSeparator(key)) {
                    continue;
                }
                parts.clear();
                stemNormalizedParts(key, lang, parts);
                if (parts.isEmpty()) {
                    continue;
                }
                String sk = String.join(" ", parts);
                st.computeIfAbsent(sk, x -> new ArrayList<>(2)).add(key);
                if (parts.size() >= 2) {
                    ph.add(sk);
                    first.add(parts.get(0));
                    max = Math.max(max, parts.size());
                }
            }
            Map<String, String[]> foldedFinal = new HashMap<>(fo.size() * 2);
            fo.forEach((k, v) -> foldedFinal.put(k, v.toArray(String[]::new)));
            Map<String, String[]> stemsFinal = new HashMap<>(st.size() * 2);
            st.forEach((k, v) -> stemsFinal.put(k, v.toArray(String[]::new)));
            this.exact = ex;
            this.folded = foldedFinal;
            this.stems = stemsFinal;
            this.phrases = ph;
            this.phraseFirst = first;
            this.maxPhraseParts = max;
        }

        /**
         * Entries whose key equals {@code q} up to accents missing from {@code q}: "deja" finds
         * "déjà", but "annoncé" does not find "annonce".
         */
        List<String> lookupFolded(String q, String foldedQ) {
            String[] keys = folded.get(foldedQ);
            if (keys == null) {
                return null;
            }
            List<String> merged = null;
            for (String k : keys) {
                if (!accentCompatible(q, k)) {
                    continue;
                }
                List<String> v = exact.get(k);
                if (merged == null) {
                    merged = v;
                } else {
                    List<String> m = new ArrayList<>(merged);
                    mergeInto(m, v, MAX_MERGED);
                    merged = List.copyOf(m);
                }
            }
            return merged;
        }
    }

    /** Whether every accented letter of {@code query} appears as such in {@code key} (same folded form). */
    private static boolean accentCompatible(String query, String key) {
        if (query.length() != key.length()) {
            for (int k = 0; k < query.length(); k++) {
                if (query.charAt(k) > 127) {
                    return false;
                }
            }
            return true;
        }
        for (int k = 0; k < query.length(); k++) {
            char a = query.charAt(k);
            if (a > 127 && a != key.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static void mergeInto(List<String> target, List<String> values, int cap) {
        for (String v : values) {
            if (target.size() >= cap) {
                return;
            }
            if (!target.contains(v)) {
                target.add(v);
            }
        }
    }

    /** Collects entries for both directions before indexing them. */
    private static final class Builder {
        final LinkedHashMap<String, List<String>> en = new LinkedHashMap<>();
        final LinkedHashMap<String, List<String>> fr = new LinkedHashMap<>();
        final String source;
        int builtInEntries;

        Builder() {
            this("built-in");
        }

        Builder(String source) {
            this.source = source;
        }

        /** A reverse (French to English) candidate with its ranking. */
        private record Rev(String english, int rank, boolean inflected, int words, int line) {}

        Builder addTsv(List<String> lines) {
            Map<String, List<Rev>> reverse = new LinkedHashMap<>();
            Set<String> primaryFrench = new HashSet<>();
            boolean inflected = false;
            int lineNo = 0;
            for (String raw : lines) {
                lineNo++;
                String line = raw.strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    if (line.startsWith(INFLECTED_MARKER)) {
                        inflected = true;
                    }
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    continue;
                }
                String english = normalize(line.substring(0, tab));
                if (english.isEmpty()) {
                    continue;
                }
                List<String> french = new ArrayList<>();
                for (String v : line.substring(tab + 1).split("\\|")) {
                    String t = normalize(v.replace('\t', ' '));
                    if (!t.isEmpty() && !french.contains(t)) {
                        french.add(t);
                    }
                }
                if (french.isEmpty()) {
                    continue;
                }
                List<String> existing = en.get(english);
                if (existing == null) {
                    en.put(english, new ArrayList<>(french));
                    builtInEntries++;
                } else {
                    mergeInto(existing, french, MAX_MERGED);
                }
                for (int r = 0; r < french.size(); r++) {
                    reverse.computeIfAbsent(french.get(r), x -> new ArrayList<>(2))
                            .add(new Rev(english, r, inflected, wordCount(english), lineNo));
                    if (!inflected && r == 0) {
                        primaryFrench.add(french.get(r));
                    }
                }
            }
            for (Map.Entry<String, List<Rev>> e : reverse.entrySet()) {
                List<Rev> revs = e.getValue();
                revs.sort((a, b) -> a.rank != b.rank ? Integer.compare(a.rank, b.rank)
                        : a.inflected != b.inflected ? Boolean.compare(a.inflected, b.inflected)
                        : a.words != b.words ? Integer.compare(a.words, b.words)
                        : Integer.compare(a.line, b.line));
                List<String> eng = new ArrayList<>();
                for (Rev r : revs) {
                    if (eng.size() >= MAX_BUILT_IN_REVERSE) {
                        break;
                    }
                    if (!eng.contains(r.english)) {
                        eng.add(r.english);
                    }
                }
                List<String> existing = fr.get(e.getKey());
                if (existing == null) {
                    fr.put(e.getKey(), eng);
                } else {
                    mergeInto(existing, eng, MAX_MERGED);
                }
            }
            // A French participle that is never the main translation of a base English word
            // ("vendu", listed next to "sold") also gets the translations of its verb ("vendre": sell).
            List<Map.Entry<String, List<String>>> links = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : fr.entrySet()) {
                String key = e.getKey();
                if (primaryFrench.contains(key) || key.indexOf(' ') >= 0 || !PARTICIPLE.matcher(key).find()) {
                    continue;
                }
                for (String c : frenchCandidates(e.getKey())) {
                    if (primaryFrench.contains(c) && fr.containsKey(c)) {
                        links.add(Map.entry(e.getKey(), fr.get(c)));
                        break;
                    }
                }
            }
            for (Map.Entry<String, List<String>> link : links) {
                mergeInto(fr.get(link.getKey()), List.copyOf(link.getValue()), MAX_MERGED);
            }
            addAliases(en, Lang.EN);
            addAliases(fr, Lang.FR);
            return this;
        }

        private static int wordCount(String s) {
            int n = 1;
            for (int k = 0; k < s.length(); k++) {
                if (s.charAt(k) == ' ') {
                    n++;
                }
            }
            return n;
        }

        /**
         * Makes "s'abstenir" findable as "abstenir", "la mecque" as "mecque", "to be" as "be":
         * the key without its leading reflexive pronoun or article, after any existing entry.
         */
        private static void addAliases(LinkedHashMap<String, List<String>> map, Lang lang) {
            List<Map.Entry<String, List<String>>> aliases = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : map.entrySet()) {
                String alias = stripLeading(e.getKey(), lang);
                if (alias != null && !alias.isEmpty()) {
                    aliases.add(Map.entry(alias, e.getValue()));
                }
            }
            for (Map.Entry<String, List<String>> a : aliases) {
                List<String> existing = map.get(a.getKey());
                if (existing == null) {
                    map.put(a.getKey(), new ArrayList<>(a.getValue()));
                } else {
                    mergeInto(existing, a.getValue(), MAX_MERGED);
                }
            }
        }

        private static String stripLeading(String key, Lang lang) {
            if (lang == Lang.FR) {
                for (String p : new String[] {"se ", "s'", "le ", "la ", "les ", "l'"}) {
                    if (key.startsWith(p) && key.length() > p.length() + 2) {
                        return key.substring(p.length());
                    }
                }
            } else {
                for (String p : new String[] {"the ", "to "}) {
                    if (key.startsWith(p) && key.length() > p.length() + 2) {
                        return key.substring(p.length());
                    }
                }
            }
            return null;
        }

        Lexicon build(Supplier<Map<String, List<String>>> engFra, Supplier<Map<String, List<String>>> fraEng) {
            return new Lexicon(new LazyDirection(Lang.EN, en, engFra), new LazyDirection(Lang.FR, fr, fraEng),
                    builtInEntries, source);
        }
    }

    /** Appends at most {@value #MAX_FREEDICT} dictionary translations per headword, after the built-in ones. */
    private static void addExtra(LinkedHashMap<String, List<String>> target, Map<String, List<String>> extra) {
        for (Map.Entry<String, List<String>> e : extra.entrySet()) {
            List<String> list = target.computeIfAbsent(e.getKey(), x -> new ArrayList<>());
            int added = 0;
            for (String t : e.getValue()) {
                if (added >= MAX_FREEDICT) {
                    break;
                }
                if (!list.contains(t)) {
                    list.add(t);
                    added++;
                }
            }
        }
    }

    // ------------------------------------------------------------------ FreeDict (dictd format)

    /** Reader for dictd dictionaries: a tab-separated index and a (dictzip or plain) data file. */
    static final class Dictd {
        private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

        private Dictd() {}

        /**
         * Reads {@code dir/name.index} and {@code dir/name.dict.dz} (or {@code .dict}); returns
         * headword to translations (at most {@value #MAX_FREEDICT} each), or an empty map when the
         * files are missing or unreadable.
         */
        static Map<String, List<String>> read(Path dir, String name) {
            try {
                Path index = dir.resolve(name + ".index");
                Path dz = dir.resolve(name + ".dict.dz");
                Path plain = dir.resolve(name + ".dict");
                if (!Files.isReadable(index)) {
                    return Map.of();
                }
                byte[] data;
                if (Files.isReadable(dz)) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(dz), 1 << 16)) {
                        data = readAll(in);
                    }
                } else if (Files.isReadable(plain)) {
                    data = Files.readAllBytes(plain);
                } else {
                    return Map.of();
                }
                return parse(Files.readAllLines(index, StandardCharsets.UTF_8), data);
            } catch (IOException | RuntimeException e) {
                return Map.of();
            }
        }

        private static byte[] readAll(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            in.transferTo(out);
            return out.toByteArray();
        }

        static Map<String, List<String>> parse(List<String> indexLines, byte[] data) {
            Map<String, List<String>> result = new LinkedHashMap<>();
            Set<Long> seen = new HashSet<>();
            for (String line : indexLines) {
                String[] f = line.split("\t");
                if (f.length < 3) {
                    continue;
                }
                String key = f[0].strip();
                if (key.isEmpty() || key.startsWith("00-database") || key.startsWith("00database")) {
                    continue;
                }
                long off = decode(f[1]);
                long len = decode(f[2]);
                if (off < 0 || len <= 0 || off + len > data.length || !seen.add(off)) {
                    continue;
                }
                String body = new String(data, (int) off, (int) len, StandardCharsets.UTF_8);
                parseEntry(body, key, result);
            }
            return result;
        }

        private static void parseEntry(String body, String indexKey, Map<String, List<String>> out) {
            String[] lines = body.split("\n");
            if (lines.length < 2) {
                return;
            }
            String head = cleanHeadword(lines[0]);
            if (head.isEmpty()) {
                head = normalize(indexKey);
            }
            if (head.isEmpty() || head.startsWith("00-database") || head.startsWith("00database")) {
                return;
            }
            // senses: "1. a, b" / "a, b"; take translations round-robin across senses
            List<List<String>> senses = new ArrayList<>();
            for (int k = 1; k < lines.length; k++) {
                String l = lines[k].strip();
                if (l.isEmpty()) {
                    continue;
                }
                List<String> items = splitSense(l);
                if (!items.isEmpty()) {
                    senses.add(items);
                }
            }
            if (senses.isEmpty()) {
                return;
            }
            List<String> list = out.computeIfAbsent(head, x -> new ArrayList<>());
            for (int pos = 0; list.size() < MAX_FREEDICT; pos++) {
                boolean any = false;
                for (List<String> s : senses) {
                    if (pos < s.size()) {
                        any = true;
                        String t = s.get(pos);
                        if (!list.contains(t) && list.size() < MAX_FREEDICT) {
                            list.add(t);
                        }
                    }
                }
                if (!any) {
                    break;
                }
            }
            if (list.isEmpty()) {
                out.remove(head);
            }
        }

        /** "2. abandonner, (fig.) délaisser; quitter" -> [abandonner, délaisser, quitter]. */
        private static List<String> splitSense(String line) {
            List<String> items = new ArrayList<>(4);
            int n = line.length();
            int k = 0;
            while (k < n && Character.isDigit(line.charAt(k))) {
                k++;
            }
            k = k > 0 && k < n && line.charAt(k) == '.' ? k + 1 : 0;
            StringBuilder cur = new StringBuilder(24);
            int depth = 0;
            for (; k <= n; k++) {
                char c = k < n ? line.charAt(k) : ',';
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth = Math.max(0, depth - 1);
                } else if (depth == 0) {
                    if (c == ',' || c == ';') {
                        String t = cleanTranslation(cur.toString());
                        if (!t.isEmpty()) {
                            items.add(t);
                        }
                        cur.setLength(0);
                    } else {
                        cur.append(c);
                    }
                }
            }
            return items;
        }

        private static String cleanHeadword(String line) {
            String h = line;
            int slash = h.indexOf(" /");
            if (slash >= 0) {
                h = h.substring(0, slash);
            }
            int angle = h.indexOf(" <");
            if (angle >= 0) {
                h = h.substring(0, angle);
            }
            h = h.replace("...", " ").replace("…", " ");
            return normalize(h);
        }

        private static String cleanTranslation(String item) {
            String t = item;
            if (t.indexOf('.') >= 0 || t.indexOf('…') >= 0) {
                t = t.replace("...", " ").replace("…", " ");
            }
            t = normalize(t);
            if (t.startsWith("to ") && t.length() > 5) {
                t = t.substring(3);
            }
            if (t.length() > 60 || t.isEmpty() || !Character.isLetterOrDigit(t.charAt(0))) {
                return "";
            }
            return t;
        }

        /** Decodes dictd's base64 number (alphabet A-Za-z0-9+/, most significant digit first). */
        static long decode(String s) {
            long n = 0;
            String t = s.strip();
            if (t.isEmpty()) {
                return -1;
            }
            for (int k = 0; k < t.length(); k++) {
                int v = B64.indexOf(t.charAt(k));
                if (v < 0) {
                    return -1;
                }
                n = n * 64 + v;
            }
            return n;
        }

        /** Encodes a number in dictd's base64 (used by tests to build fixtures). */
        static String encode(long n) {
            if (n == 0) {
                return "A";
            }
            StringBuilder b = new StringBuilder();
            while (n > 0) {
                b.append(B64.charAt((int) (n % 64)));
                n /= 64;
            }
            return b.reverse().toString();
        }
    }
}
