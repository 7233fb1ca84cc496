package dev.sourced.index;

import dev.sourced.corpus.LanguageDetector;
import dev.sourced.corpus.Lang;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes a question apart: detects its language, drops question words and stop words, finds names and numbers, groups
 * multi-word expressions the lexicon knows, translates every other word into the other language (so that an English
 * question finds French passages and the reverse), carries over the names and words of earlier questions for a
 * follow-up, and tells what kind of fact the answer should hold ("how many" → a number, "when" → a date).
 */
public final class QuestionParser {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}]|[.'’\\-](?=[\\p{L}\\p{N}]))*");
    private static final Pattern DIGIT_GROUPS = Pattern.compile("(?<=\\d)[ \\u00A0\\u202F.,](?=\\d{3}(?!\\d))");
    /** Digits, a capital after the first letter, or all capitals: a name wherever it stands ("OpenAI", "H100", "AI"). */
    private static final Pattern STRONG_NAME = Pattern.compile("\\d|^.+\\p{Lu}|^\\p{Lu}{2,}$");
    private static final Pattern PRONOUN = Pattern.compile(
            "(?iu)\\b(he|she|it|they|him|her|them|his|its|their|that|this|those|these|there|il|elle|ils|elles|lui|leur|leurs|"
                    + "y|en|ça|cela|celui|celle|ceux|celles|son|sa|ses|là)\\b");
    private static final Pattern ACRONYM_PLURAL = Pattern.compile("\\p{Lu}[\\p{Lu}\\d]+s");
    private static final Pattern ELISION = Pattern.compile("^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’]", Pattern.CASE_INSENSITIVE);

    /** Words that shape a question but are not what it is about, in French and English. */
    private static final Set<String> QUESTION_WORDS = Set.copyOf(java.util.Arrays.asList(
            // English
            "what", "why", "how", "who", "whom", "whose", "when", "where", "which", "did", "does", "do", "done", "is", "are",
            "was", "were", "has", "have", "had", "about", "much", "many", "there",
            "any", "some", "thing", "things", "can", "could", "would", "should", "will", "shall", "may", "might", "must",
            "know", "known", "according", "been", "being", "get", "got", "he", "she", "it", "they", "him", "her", "them",
            "his", "its", "their", "that", "this", "those", "these", "before", "after", "then", "also", "exactly", "really",
            "please", "me", "us", "we", "you", "i", "my", "our", "your", "one", "ones", "the", "a", "an", "of", "to", "in",
            "on", "for", "by", "with", "from", "at", "as", "and", "or", "but", "not", "so", "if", "than", "into", "over",
            "there", "here", "just", "ever", "still", "else", "other", "kind", "sort", "type", "lot", "lots", "time", "times",
            // French
            "quel", "quelle", "quels", "quelles", "lequel", "laquelle", "lesquels", "pourquoi", "comment", "qui", "quand",
            "où", "ou", "combien", "est-ce", "est", "ce", "que", "quoi", "a-t-il", "a-t-elle",
            "t-il", "t-elle", "il", "elle", "ils", "elles", "lui", "leur", "leurs", "y", "en", "ça", "cela", "ceci", "celui",
            "celle", "ceux", "avant", "après", "alors", "aussi", "donc", "exactement", "vraiment", "sont", "était", "étaient",
            "été", "être", "avoir", "avait", "avaient", "a", "ont", "fait", "faire", "selon", "chose", "choses", "se", "sa",
            "son", "ses", "le", "la", "les", "un", "une", "des", "du", "de", "au", "aux", "et", "mais", "pas", "ne", "plus",
            "dans", "pour", "par", "sur", "avec", "sans", "sous", "entre", "vers", "chez", "je", "tu", "nous", "vous", "on",
            "moi", "toi", "me", "te", "mon", "ma", "mes", "ton", "ta", "tes", "votre", "vos", "notre", "nos", "cette", "ces",
            "cet", "genre", "type", "sorte", "fois", "peut", "peuvent", "pu", "doit", "sait", "savoir", "connu"));
    /** Nouns that name the kind of answer a question wants; the answer itself seldom repeats them. */
    private static final Set<String> FRAME_WORDS = Set.copyOf(java.util.Arrays.asList(
            "goal", "goals", "aim", "aims", "purpose", "objective", "objectives", "reason", "reasons", "cause", "causes",
            "role", "meaning", "definition", "price", "cost", "amount", "number", "date", "year", "name", "names",
            "objectif", "objectifs", "but", "buts", "raison", "raisons", "motif", "motifs", "rôle", "sens", "définition",
            "prix", "coût", "montant", "nombre", "date", "année", "nom", "noms", "intention",
            // verbs of saying: what a person said is quoted, with whatever verb the writer chose
            "say", "says", "said", "tell", "tells", "told", "state", "stated", "claim", "claimed", "think", "thinks",
            "thought", "dire", "dit", "disait", "déclaré", "déclare", "affirmé", "affirme", "pense", "pensait", "pensé"));
    /** A multi-word expression that starts with one of these is a question frame ("how long", "combien de temps"). */
    private static final Set<String> QUESTION_OPENERS = Set.of("how", "combien", "quand", "when", "pourquoi", "why");
    /**
     * The shapes of questions that ask for a kind of fact, in French and English: general grammar of questions, not
     * vocabulary of any corpus.
     */
    private static final Set<String> QUANTITY_CUES = Set.copyOf(java.util.Arrays.asList("how many", "how much", "how long", "how old",
            "how far", "how big", "how large", "combien", "quel âge", "quelle taille", "quelle durée", "quel nombre", "quel montant",
            "quel prix", "what percentage", "quel pourcentage", "what share", "quelle part", "quelle proportion", "what proportion"));
    private static final Set<String> MONEY_CUES = Set.copyOf(java.util.Arrays.asList("how much", "price", "prix", "cost", "coût",
            "coûte", "montant", "amount", "budget", "salaire", "salary", "revenue", "chiffre d'affaires"));
    private static final Set<String> DATE_CUES = Set.copyOf(java.util.Arrays.asList("when", "quand", "what year", "which year",
            "quelle année", "en quelle année", "what date", "which date", "quelle date", "à quelle date", "since when",
            "depuis quand", "what century", "which century", "quel siècle", "en quel siècle", "à quelle époque", "what time"));
    private static final Set<String> REASON_CUES = Set.copyOf(java.util.Arrays.asList("why", "pourquoi", "for what reason",
            "pour quelle raison", "what caused", "qu'est-ce qui a causé", "what led", "qu'est-ce qui a"));
    private static final Set<String> SPEECH_CUES = Set.copyOf(java.util.Arrays.asList("say", "said", "says", "tell", "told",
            "think", "thinks", "thought", "claim", "claimed", "state", "stated", "declare", "declared", "dire", "dit", "disait",
            "pense", "pensait", "déclaré", "affirmé", "estime", "opinion", "avis"));
    /** Questions that ask for a person, an organisation or a place: the answer is a name. */
    private static final Set<String> NAME_CUES = Set.copyOf(java.util.Arrays.asList("who", "whom", "whose", "qui", "where", "où",
            "which country", "which city", "quel pays", "quelle ville", "quelle personne", "which person", "what company",
            "quelle entreprise", "quelle société", "quel organisme", "which organisation", "which organization"));

    /** Translations kept per word, most common first: the rare senses of a word add more noise than recall. */
    static final int MAX_TRANSLATIONS = 4;

    private final Lexicon lexicon;
    private final Glossary glossary;
    private final boolean translate;

    /** A parser without glossary: questions in languages other than French and English keep only names and numbers. */
    public QuestionParser(Lexicon lexicon, boolean translate) {
        this(lexicon, Glossary.none(), translate);
    }

    public QuestionParser(Lexicon lexicon, Glossary glossary, boolean translate) {
        this.lexicon = lexicon;
        this.glossary = glossary;
        this.translate = translate;
    }

    /**
     * The English gloss of a question in a language of the glossary (German, Spanish), to be parsed as English; empty
     * when the question is in no such language or translation is off.
     */
    public Optional<String> gloss(String question) {
        return translate ? glossary.gloss(question) : Optional.empty();
    }

    public ParsedQuestion parse(String question, List<String> context, Lang fallback) {
        String text = question.strip();
        Lang lang = LanguageDetector.detect(text);
        if (lang == Lang.OTHER) {
            // a short question may have no function word: the conversation, then the reader's settings tell
            Lang fromContext = context.isEmpty() ? Lang.OTHER : LanguageDetector.detect(String.join(" ", context));
            lang = fromContext != Lang.OTHER ? fromContext : (fallback == null ? Lang.OTHER : fallback);
        }
        List<QueryTerm> terms = terms(text, lang);
        Map<String, QueryTerm> carried = new LinkedHashMap<>();
        for (int i = context.size() - 1; i >= 0 && carried.size() < 12; i--) {
            String earlier = context.get(i);
            Lang l = LanguageDetector.detect(earlier);
            for (QueryTerm t : terms(earlier, l == Lang.OTHER ? lang : l)) {
                if (terms.stream().noneMatch(q -> q.surface().equals(t.surface()))) {
                    carried.putIfAbsent(t.surface(), t);
                }
            }
        }
        String embeddingText = context.isEmpty() ? text : context.get(context.size() - 1) + " " + text;
        boolean followUp = !context.isEmpty() && (terms.isEmpty() || PRONOUN.matcher(text).find());
        return new ParsedQuestion(text, lang, terms, new ArrayList<>(carried.values()), expects(text), embeddingText, followUp);
    }

    List<QueryTerm> terms(String text, Lang lang) {
        String normalized = DIGIT_GROUPS.matcher(text).replaceAll("");
        List<String> raw = new ArrayList<>();
        List<Boolean> capitalized = new ArrayList<>();
        Matcher m = TOKEN.matcher(normalized);
        while (m.find()) {
            String tok = ELISION.matcher(m.group()).replaceFirst("");
            if (tok.endsWith("'s") || tok.endsWith("’s")) tok = tok.substring(0, tok.length() - 2);
            if (tok.isEmpty()) continue;
            raw.add(tok);
            capitalized.add(isNameLike(tok, raw.size() == 1));
        }
        List<String> lower = raw.stream().map(s -> s.toLowerCase(Locale.ROOT).replace('’', '\'')).toList();
        List<QueryTerm> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String w = lower.get(i);
            int phrase = translate && lang != Lang.OTHER ? lexicon.phraseLengthAt(lower, i, lang) : 0;
            if (phrase >= 2 && (lower.subList(i, i + phrase).stream().allMatch(QuestionParser::isStop)
                    || QUESTION_OPENERS.contains(w))) {
                i += phrase - 1; // "how many", "how long", "est-ce que": the shape of the question, not its subject
                continue;
            }
            if (phrase >= 2) {
                String p = String.join(" ", lower.subList(i, i + phrase));
                if (seen.add(p)) out.add(new QueryTerm(p, QueryTerm.Kind.WORD, translations(p, lang)));
                i += phrase - 1;
                continue;
            }
            if (isStop(w)) continue;
            QueryTerm.Kind kind = w.chars().allMatch(Character::isDigit) ? QueryTerm.Kind.NUMBER
                    : capitalized.get(i) ? QueryTerm.Kind.NAME
                    : FRAME_WORDS.contains(w) ? QueryTerm.Kind.FRAME : QueryTerm.Kind.WORD;
            boolean strong = STRONG_NAME.matcher(raw.get(i)).find();
            if (kind == QueryTerm.Kind.NAME && i == 0 && !strong && (lang == Lang.OTHER || w.length() <= 2 || !lexiconUnknown(w, lang))) {
                // a capital at the start of a question is not a name by itself, least of all on a word of two letters
                // that a dropped apostrophe left ("Qu entraine…")
                kind = QueryTerm.Kind.WORD;
            }
            Map<Lang, List<String>> tr = kind == QueryTerm.Kind.NUMBER ? Map.of() : translations(w, lang);
            if (kind == QueryTerm.Kind.NAME && ACRONYM_PLURAL.matcher(raw.get(i)).matches()) {
                tr = singular(w, tr); // "GPUs", "CEOs": the acronym is written without the s in French
            }
            if (seen.add(w)) out.add(new QueryTerm(w, kind, tr));
        }
        return out;
    }

    private static Map<Lang, List<String>> singular(String w, Map<Lang, List<String>> tr) {
        Map<Lang, List<String>> out = new EnumMap<>(Lang.class);
        String base = w.substring(0, w.length() - 1);
        for (Lang l : List.of(Lang.FR, Lang.EN)) {
            List<String> forms = new ArrayList<>(tr.getOrDefault(l, List.of()));
            forms.add(base);
            out.put(l, forms);
        }
        return out;
    }

    private boolean lexiconUnknown(String w, Lang lang) {
        return lang == Lang.OTHER || lexicon.translate(w, lang, lang.other()).isEmpty();
    }

    private static boolean isStop(String w) {
        if (QUESTION_WORDS.contains(w)) return true;
        if (w.contains("-") && java.util.Arrays.stream(w.split("-")).allMatch(p -> QUESTION_WORDS.contains(p) || p.length() <= 1)) return true;
        return w.length() == 1 && !Character.isDigit(w.charAt(0));
    }

    private Map<Lang, List<String>> translations(String w, Lang lang) {
        Map<Lang, List<String>> t = new EnumMap<>(Lang.class);
        if (translate && lang != Lang.OTHER) {
            List<String> tr = lexicon.translate(w, lang, lang.other());
            int dash = w.lastIndexOf('-');
            if (tr.isEmpty() && dash > 0 && dash < w.length() - 1) {
                // "co-founded": the last part translated, alone and with the prefix glued on ("fonder", "cofonder")
                String prefix = w.substring(0, dash).replace("-", "");
                List<String> last = lexicon.translate(w.substring(dash + 1), lang, lang.other());
                List<String> glued = new ArrayList<>();
                for (String x : last.subList(0, Math.min(2, last.size()))) {
                    if (prefix.length() <= 5) glued.add(prefix + x);
                }
                glued.addAll(last);
                tr = glued;
            }
            if (!tr.isEmpty()) t.put(lang.other(), tr.size() > MAX_TRANSLATIONS ? tr.subList(0, MAX_TRANSLATIONS) : tr);
        }
        return t;
    }

    /** Capitalised inside the question, all capitals, mixed case (OpenAI) or with digits (H100). */
    private static boolean isNameLike(String tok, boolean first) {
        boolean upperStart = Character.isUpperCase(tok.codePointAt(0));
        boolean innerUpper = tok.chars().skip(1).anyMatch(Character::isUpperCase);
        boolean digit = tok.chars().anyMatch(Character::isDigit) && tok.chars().anyMatch(Character::isLetter);
        return digit || innerUpper || (upperStart && (!first || tok.length() > 1));
    }

    static Set<String> expects(String text) {
        String t = " " + text.toLowerCase(Locale.ROOT).replace('’', '\'') + " ";
        Set<String> out = new LinkedHashSet<>();
        if (QUANTITY_CUES.stream().anyMatch(c -> t.contains(" " + c + " ") || t.contains(" " + c))) out.add(Features.NUMBER);
        if (MONEY_CUES.stream().anyMatch(c -> t.contains(" " + c))) out.add(Features.MONEY);
        if (DATE_CUES.stream().anyMatch(c -> t.contains(" " + c + " "))) out.add(Features.DATE);
        if (REASON_CUES.stream().anyMatch(c -> t.contains(" " + c + " ") || t.contains(" " + c))) out.add(Features.REASON);
        if (SPEECH_CUES.stream().anyMatch(c -> t.contains(" " + c + " ") || t.contains(" " + c + "?"))) out.add(Features.SPEECH);
        if (NAME_CUES.stream().anyMatch(c -> t.contains(" " + c + " ") || t.startsWith(" " + c + "-"))) out.add(Features.NAME);
        return out;
    }
}
