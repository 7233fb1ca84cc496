package dev.sourced.answer.llm;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a model's answer against the numbered passages it was given, sentence by sentence. Pure and thread-safe.
 *
 * <p>The output is first made plain text (markup stripped). It is rejected whole when it leaks: the passage delimiter
 * tags (passage, question), or a run of {@value #LEAK_NGRAM} words of a secret text such as the system prompt. Each sentence is then kept
 * only if
 * <ul>
 * <li>it cites at least one marker [n] and every marker it cites exists (1..passages.size());</li>
 * <li>every name in it (capitalised word not at the start of the sentence, acronym, mixed-case or letter-and-digit
 * token) appears in the passages it cites, compared without accents or case (with a small table of French/English
 * equivalents for months, days, countries and institutions, since the answer may be written in the other language);
 * </li>
 * <li>every number (dates and years included) appears in the passages it cites, compared by digits only, so that
 * "10 000", "10,000" and "10.000" match alike.</li>
 * </ul>
 */
public final class CitationVerifier {
    static final int LEAK_NGRAM = 8;

    private static final Pattern MARKER_GROUP = Pattern.compile("\\[\\s*(\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*)\\s*\\]");
    private static final Pattern MARKER_ONLY = Pattern.compile("^[\\s.!?…]*(" + MARKER_GROUP.pattern() + "[\\s.!?…]*)+$");
    private static final Pattern DELIMITER = Pattern.compile(
            "(?i)[<‹＜]\\s*/?\\s*(passages?|question)\\b|\\bpassage\\s+n\\s*=\\s*[\"“]?\\d|</?\\s*(system|instructions?|im_start|im_end)\\b|<\\|im_(start|end)\\|>");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-][\\p{L}\\p{N}]+)*");
    private static final Pattern ELISION = Pattern.compile("(?i)^(l|d|j|n|s|c|m|t|qu|jusqu|lorsqu|puisqu|quoiqu)['’](.+)$");
    private static final Pattern NUMBER = Pattern.compile(
            "(?<!\\d)(\\d{1,3}(?:[ \\u00A0\\u202F.,'’]\\d{3})+(?!\\d)|\\d+)(?:[.,]\\d+(?![.,]?\\d))?");
    private static final Set<String> ABBREVIATIONS = Set.of(
            "m", "mm", "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr", "pr", "prof", "st", "ste", "jr", "sr", "vs", "cf",
            "env", "inc", "corp", "ltd", "co", "no", "vol", "p", "pp", "av", "fig", "gen", "gov", "sen", "rep", "ca", "art",
            "e.g", "i.e", "u.s", "u.k", "j.-c");

    /** Honorifics, which passages often leave out. */
    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "mme", "mmes", "mlle", "mgr", "me");

    /** Names in one language and their equivalents in the other; a form ending in * matches any word it begins. */
    private static final List<List<String>> EQUIVALENTS = List.of(
            List.of("january", "janvier"), List.of("february", "fevrier"), List.of("march", "mars"),
            List.of("april", "avril"), List.of("may", "mai"), List.of("june", "juin"), List.of("july", "juillet"),
            List.of("august", "aout"), List.of("september", "septembre"), List.of("october", "octobre"),
            List.of("november", "novembre"), List.of("december", "decembre"),
            List.of("monday", "lundi"), List.of("tuesday", "mardi"), List.of("wednesday", "mercredi"),
            List.of("thursday", "jeudi"), List.of("friday", "vendredi"), List.of("saturday", "samedi"),
            List.of("sunday", "dimanche"),
            List.of("european union", "union europeenne", "eu", "ue"),
            List.of("united states", "etats-unis", "usa", "americ*"),
            List.of("united kingdom", "royaume-uni", "great britain", "grande-bretagne", "britain", "british", "britanni*", "uk"),
            List.of("united nations", "nations unies", "onu"),
            List.of("middle east", "moyen-orient"),
            List.of("south korea*", "coree du sud"), List.of("north korea*", "coree du nord"),
            List.of("prime minister*", "premier ministre", "premiere ministre", "premier-ministre"),
            List.of("national assembly", "assemblee nationale"),
            List.of("constitutional council", "conseil constitutionnel"),
            List.of("european commission", "commission europeenne"),
            List.of("european central bank", "banque centrale europeenne", "ecb", "bce"),
            List.of("imf", "fmi", "international monetary fund", "fonds monetaire international"),
            List.of("nato", "otan"), List.of("who", "oms", "world health organization", "organisation mondiale de la sante"),
            List.of("france", "french*", "francais*"), List.of("english", "england", "anglais*", "angleterre"),
            List.of("german*", "allemand*", "allemagne"), List.of("spain", "spanish", "espagn*"),
            List.of("ital*"), List.of("europ*"), List.of("chin*"), List.of("japan*", "japon*"), List.of("russ*"),
            List.of("ukrain*"), List.of("belgi*", "belge*"), List.of("switzerland", "swiss", "suisse*"), List.of("canad*"),
            List.of("africa*", "afrique", "africain*"), List.of("israel*"), List.of("palestin*"), List.of("iran*"),
            List.of("syria*", "syrie*"), List.of("turkey", "turkish", "turk*", "turqu*"), List.of("india", "indian*", "inde", "indien*"),
            List.of("brazil*", "bresil*"), List.of("mexic*", "mexique"),
            List.of("netherlands", "dutch", "pays-bas", "neerlandais*", "holland*", "hollandais*"),
            List.of("poland", "polish", "pologne", "polonais*"), List.of("greece", "greek*", "grece", "grec*"),
            List.of("portug*"), List.of("algeria*", "algerie*"), List.of("morocc*", "maroc*"), List.of("tunisia*", "tunisie*"),
            List.of("london", "londres"), List.of("brussels", "bruxelles"), List.of("geneva", "geneve"),
            List.of("moscow", "moscou"), List.of("beijing", "pekin"), List.of("vienna", "vienne"), List.of("warsaw", "varsovie"),
            List.of("lisbon", "lisbonne"), List.of("athens", "athenes"), List.of("the hague", "la haye"), List.of("algiers", "alger"),
            List.of("cairo", "le caire"), List.of("venice", "venise"), List.of("marseille*"), List.of("lyon*"),
            List.of("minist*"), List.of("parliament*", "parlement*"), List.of("senat*"), List.of("government*", "gouvernement*"),
            List.of("president*"), List.of("assembl*"), List.of("council*", "conseil*"), List.of("mayor*", "maire*"),
            List.of("court*", "cour", "cours"), List.of("police*"), List.of("army", "armee*"), List.of("state*", "etat*"),
            List.of("city hall", "town hall", "mairie*", "hotel de ville"), List.of("republic*", "republique*"),
            List.of("catholic*", "catholique*"), List.of("muslim*", "musulman*"), List.of("christian*", "chretien*"),
            List.of("jewish", "jew*", "juif*", "juive*"), List.of("islam*"), List.of("christmas", "noel"), List.of("easter", "paques"),
            List.of("olympic*", "olympique*", "jo"), List.of("world cup", "coupe du monde"));

    private final List<Set<String>> secretNgrams;

    /** @param secrets texts that must never appear in the output, such as the system prompt */
    public CitationVerifier(List<String> secrets) {
        List<Set<String>> grams = new ArrayList<>();
        for (String s : secrets) {
            grams.add(ngrams(s));
        }
        this.secretNgrams = List.copyOf(grams);
    }

    public CitationVerifier() {
        this(List.of());
    }

    /** Why a sentence was removed. */
    public record Rejected(String sentence, String reason) {
    }

    /**
     * @param kept     the sentences kept, as plain text, markers normalised to [n][m]
     * @param rejected the sentences removed and why
     * @param leak     why the whole output was rejected, or null
     */
    public record Verification(List<String> kept, List<Rejected> rejected, String leak) {
        public Verification {
            kept = List.copyOf(kept);
            rejected = List.copyOf(rejected);
        }

        /** The kept sentences joined, or empty when nothing survived or the output leaked. */
        public Optional<String> answer() {
            return leak != null || kept.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", kept));
        }
    }

    /**
     * @param output   the model's raw output
     * @param passages the passage texts; passages.get(0) is cited as [1]; a null entry is a number that does not exist
     */
    public Verification verify(String output, List<String> passages) {
        if (output == null || output.isBlank()) {
            return new Verification(List.of(), List.of(), "empty output");
        }
        if (DELIMITER.matcher(output).find()) {
            return new Verification(List.of(), List.of(), "delimiter tags in the output");
        }
        String text = PlainText.of(output);
        if (leaksSecret(output) || leaksSecret(text)) {
            return new Verification(List.of(), List.of(), "system prompt in the output");
        }
        List<String> folded = new ArrayList<>();
        List<Set<String>> numbers = new ArrayList<>();
        for (String p : passages) {
            folded.add(p == null ? null : fold(p));
            numbers.add(p == null ? Set.of() : passageNumbers(p));
        }
        List<String> kept = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (String sentence : sentences(text)) {
            String reason = check(sentence, passages.size(), folded, numbers);
            if (reason == null) {
                kept.add(normaliseMarkers(sentence));
            } else {
                rejected.add(new Rejected(sentence, reason));
            }
        }
        return new Verification(kept, rejected, null);
    }

    private String check(String sentence, int n, List<String> foldedPassages, List<Set<String>> passageNumbers) {
        Set<Integer> cited = markers(sentence);
        if (cited.isEmpty()) {
            return "no citation marker";
        }
        for (int c : cited) {
            if (c < 1 || c > n || foldedPassages.get(c - 1) == null) {
                return "cites [" + c + "], which does not exist";
            }
        }
        String body = MARKER_GROUP.matcher(sentence).replaceAll(" ");
        if (body.codePoints().filter(Character::isLetter).count() < 2) {
            return "no statement";
        }
        StringBuilder sources = new StringBuilder();
        Set<String> numbers = new HashSet<>();
        for (int c : cited) {
            sources.append(' ').append(foldedPassages.get(c - 1)).append(' ');
            numbers.addAll(passageNumbers.get(c - 1));
        }
        String missing = unsupported(body, sources.toString(), numbers);
        return missing == null ? null : missing + " not in the cited passages";
    }

    /**
     * The first number or name of {@code text} that the source does not hold ("number 15", "name Doucet"), or null.
     *
     * @param foldedSource  the source text, {@linkplain #fold folded}
     * @param sourceNumbers its {@linkplain #passageNumbers numbers}
     */
    static String unsupported(String text, String foldedSource, Set<String> sourceNumbers) {
        for (String number : sentenceNumbers(text)) {
            if (!sourceNumbers.contains(number)) {
                return "number " + number;
            }
        }
        for (String sentence : sentences(text)) {
            // sentence by sentence: the word that opens one is capitalised without being a name
            for (String name : names(sentence, foldedSource)) {
                if (!containsWord(foldedSource, fold(name), false)) {
                    return "name " + name;
                }
            }
        }
        return null;
    }

    /** True when {@code text} leaks the delimiters or a secret (see the class comment). */
    boolean leaks(String text) {
        return DELIMITER.matcher(text).find() || leaksSecret(text) || leaksSecret(PlainText.of(text));
    }

    // ---- sentences and markers ----

    /** Splits plain text into sentences; citation markers after a sentence's final punctuation stay with it. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            int start = 0;
            int i = 0;
            int len = line.length();
            while (i < len) {
                char c = line.charAt(i);
                if ((c == '.' || c == '!' || c == '?' || c == '…') && !isDecimalPoint(line, i)
                        && !(c == '.' && isAbbreviation(line, start, i))) {
                    int end = i + 1;
                    while (end < len && isCloser(line.charAt(end))) end++;
                    while (true) {
                        int j = end;
                        while (j < len && Character.isWhitespace(line.charAt(j))) j++;
                        Matcher m = MARKER_GROUP.matcher(line).region(j, len);
                        if (m.lookingAt()) {
                            end = m.end();
                            while (end < len && (line.charAt(end) == '.' || isCloser(line.charAt(end)))) end++;
                        } else {
                            break;
                        }
                    }
                    if (end >= len || Character.isWhitespace(line.charAt(end))) {
                        add(out, line.substring(start, end));
                        start = end;
                    }
                    i = Math.max(end, i + 1);
                    continue;
                }
                i++;
            }
            add(out, line.substring(start));
        }
        return out;
    }

    private static void add(List<String> out, String sentence) {
        String s = sentence.strip();
        if (s.isEmpty()) return;
        if (MARKER_ONLY.matcher(s).matches() && !out.isEmpty()) {
            // Markers put on their own line (or after a break) belong to the sentence before.
            String prev = out.removeLast();
            out.add(prev + " " + s);
            return;
        }
        out.add(s);
    }

    private static boolean isDecimalPoint(String s, int i) {
        return (s.charAt(i) == '.') && i > 0 && i + 1 < s.length() && Character.isDigit(s.charAt(i - 1))
                && Character.isDigit(s.charAt(i + 1));
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == '»' || c == ')' || c == '.' || c == '!' || c == '?'
                || c == '…';
    }

    private static boolean isAbbreviation(String s, int from, int dot) {
        int w = dot;
        while (w > from && (Character.isLetter(s.charAt(w - 1)) || s.charAt(w - 1) == '.' || s.charAt(w - 1) == '-')) w--;
        String word = s.substring(w, dot);
        if (word.isEmpty()) return false;
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) return true; // an initial
        return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** The passage numbers a sentence cites, in order of first appearance. */
    static Set<Integer> markers(String sentence) {
        Set<Integer> out = new LinkedHashSet<>();
        Matcher m = MARKER_GROUP.matcher(sentence);
        while (m.find()) {
            for (String part : m.group(1).split("[,;]")) {
                out.add(Integer.parseInt(part.strip()));
            }
        }
        return out;
    }

    private static String normaliseMarkers(String sentence) {
        Matcher m = MARKER_GROUP.matcher(sentence);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            StringBuilder r = new StringBuilder();
            for (String part : m.group(1).split("[,;]")) {
                r.append('[').append(Integer.parseInt(part.strip())).append(']');
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(r.toString()));
        }
        m.appendTail(sb);
        return sb.toString().replaceAll("\\]\\s+\\[", "][");
    }

    // ---- numbers ----

    /** The numbers of a sentence, each as its digits without leading zeros ("10 000", "10,000" → "10000"). */
    static Set<String> sentenceNumbers(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(digits(m.group()));
        }
        return out;
    }

    /** The numbers of a passage: each whole number as in {@link #sentenceNumbers}, and each run of digits in it. */
    static Set<String> passageNumbers(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(digits(m.group()));
            for (String run : m.group().split("\\D+")) {
                if (!run.isEmpty()) out.add(stripZeros(run));
            }
        }
        return out;
    }

    private static String digits(String s) {
        return stripZeros(s.replaceAll("\\D", ""));
    }

    private static String stripZeros(String d) {
        int i = 0;
        while (i < d.length() - 1 && d.charAt(i) == '0') i++;
        return d.substring(i);
    }

    // ---- names ----

    /**
     * The names of a sentence that the folded passage text {@code src} must contain: capitalised words not at the start
     * of the sentence (or after a colon or an opening quote), acronyms, mixed-case and letter-and-digit tokens. Names
     * whose French or English equivalent {@code src} contains are left out.
     */
    static List<String> names(String sentence, String src) {
        char[] masked = sentence.toCharArray();
        String f = fold(sentence);
        for (List<String> group : EQUIVALENTS) {
            if (group.stream().noneMatch(form -> containsWord(src, form, true))) continue;
            for (String form : group) {
                maskForm(f, form, masked);
            }
        }
        String s = new String(masked);
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(s);
        boolean first = true;
        int prevEnd = 0;
        while (m.find()) {
            String token = m.group();
            boolean atStart = first || startsClause(s, prevEnd, m.start());
            first = false;
            prevEnd = m.end();
            Matcher el = ELISION.matcher(token);
            if (el.matches()) {
                token = el.group(2);
                atStart = false;
            }
            if (token.endsWith("'s") || token.endsWith("’s")) {
                token = token.substring(0, token.length() - 2);
            }
            if (token.chars().allMatch(Character::isDigit) || token.startsWith("I'") || token.startsWith("I’")) continue;
            if (TITLES.contains(token.toLowerCase(Locale.ROOT))) continue;
            if (isName(token, atStart)) out.add(token);
        }
        return out;
    }

    private static boolean startsClause(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == ':' || c == '«' || c == '"' || c == '“' || c == '—' || c == '–' || c == '(') return true;
        }
        return false;
    }

    private static boolean isName(String token, boolean atStart) {
        boolean hasDigit = token.chars().anyMatch(Character::isDigit);
        boolean hasLetter = token.chars().anyMatch(Character::isLetter);
        if (hasDigit && hasLetter) {
            // "COVID-19", "G7", "A320" are names; ordinals such as "1er", "21st", "3e" are numbers.
            return !token.matches("(?i)\\d+(er|re|ère|e|ème|eme|st|nd|rd|th|s|h|km|m|kg|g|t|bn|mn)");
        }
        int letters = (int) token.chars().filter(Character::isLetter).count();
        if (letters < 2) return false;
        long upper = token.chars().filter(Character::isUpperCase).count();
        long lower = token.chars().filter(Character::isLowerCase).count();
        if (upper >= 2 && lower == 0) return true; // acronym
        for (String part : token.split("['’\\-]")) {
            for (int i = 1; i < part.length(); i++) {
                if (Character.isUpperCase(part.charAt(i)) && lower > 0) return true; // mixed case
            }
        }
        if (token.matches(".*[-'’]\\p{Lu}.*")) return true; // Jean-Pierre, Saint-Denis
        return !atStart && Character.isUpperCase(token.charAt(0));
    }

    private static void maskForm(String foldedSentence, String form, char[] masked) {
        boolean prefix = form.endsWith("*");
        String f = prefix ? form.substring(0, form.length() - 1) : form;
        int from = 0;
        while (true) {
            int i = foldedSentence.indexOf(f, from);
            if (i < 0) return;
            int end = i + f.length();
            if (prefix) {
                while (end < foldedSentence.length() && Character.isLetterOrDigit(foldedSentence.charAt(end))) end++;
            }
            if (boundaryBefore(foldedSentence, i) && boundaryAfter(foldedSentence, end)) {
                for (int k = i; k < end; k++) masked[k] = ' ';
            }
            from = i + 1;
        }
    }

    /** True if {@code text} (folded) contains {@code word} (folded) as a whole word, or as a word's start if prefix. */
    static boolean containsWord(String text, String word, boolean allowStar) {
        boolean prefix = allowStar && word.endsWith("*");
        String w = prefix ? word.substring(0, word.length() - 1) : word;
        if (w.isEmpty()) return false;
        int from = 0;
        while (true) {
            int i = text.indexOf(w, from);
            if (i < 0) return false;
            if (boundaryBefore(text, i) && (prefix || boundaryAfter(text, i + w.length()))) return true;
            from = i + 1;
        }
    }

    private static boolean boundaryBefore(String s, int i) {
        return i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
    }

    private static boolean boundaryAfter(String s, int i) {
        return i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
    }

    /**
     * Lower case without accents, one char for one char (so positions carry over), with typographic apostrophes and
     * dashes made plain.
     */
    static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char r;
            if (c < 128) {
                r = Character.toLowerCase(c);
            } else if (c == '’' || c == '‘' || c == 'ʼ' || c == '`') {
                r = '\'';
            } else if (c == '‐' || c == '‑' || c == '–' || c == '—') {
                r = '-';
            } else if (c == 'œ' || c == 'Œ') {
                r = 'o';
            } else if (c == 'æ' || c == 'Æ') {
                r = 'a';
            } else if (Character.isSpaceChar(c)) {
                r = ' ';
            } else {
                String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                r = Character.toLowerCase(d.charAt(0));
            }
            sb.append(r);
        }
        return sb.toString();
    }

    // ---- leaks ----

    private boolean leaksSecret(String text) {
        if (secretNgrams.isEmpty()) return false;
        Set<String> grams = ngrams(text);
        for (Set<String> secret : secretNgrams) {
            for (String g : grams) {
                if (secret.contains(g)) return true;
            }
        }
        return false;
    }

    private static Set<String> ngrams(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(fold(text));
        while (m.find()) words.add(m.group());
        Set<String> out = new HashSet<>();
        for (int i = 0; i + LEAK_NGRAM <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + LEAK_NGRAM)));
        }
        return out;
    }
}
