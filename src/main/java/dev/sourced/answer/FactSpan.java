package dev.sourced.answer;

import dev.sourced.corpus.Lang;
import dev.sourced.corpus.LanguageDetector;
import dev.sourced.corpus.SentenceSplitter;
import dev.sourced.corpus.Span;
import dev.sourced.index.Analyzers;
import dev.sourced.index.Features;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The span of a quote that answers a question asking for one kind of fact: an amount (a number with its unit, scale or
 * currency), a date, a name or a place. The span is looked for in the sentence that covers most of the question's terms
 * (or the sentence right after it, which often continues it with a pronoun), nearest to those terms.
 *
 * <p>Only general mechanisms: the shapes of numbers and dates, capitalisation, and general words of French and English
 * (scales, currencies, months, locative prepositions, verbs of saying). A number glued to letters ("H100", "COP28",
 * "A320") is a name, never an amount; a number the question itself gives is never its answer.
 */
final class FactSpan {
    /** What the question asks for; MONEY is an amount that prefers a currency. */
    enum Kind { AMOUNT, MONEY, DATE, NAME, PLACE }

    /** A numeric value with its unit key: a currency code, "%", a unit noun folded, or "" for a bare number. */
    record Amount(double value, String unit) {
    }

    /**
     * One span {@code [start, end)} of the text, its kind and its score; for an amount its value, and {@code anchors}:
     * the question terms (and the unit noun) that stand next to it in its sentence.
     */
    record Found(Kind kind, int start, int end, String text, double score, Amount amount, Set<String> anchors, double coverage) {
        /** A key that is equal for the same fact written two ways ("10 000 GPU", "10.000 GPU"). */
        String key() {
            if (amount != null && !Double.isNaN(amount.value())) return amount.unit() + ":" + amount.value();
            return LanguageDetector.fold(text).replaceAll("[^\\p{L}\\p{N}]+", "");
        }
    }

    /**
     * What a question brings to the search: its text (for its own numbers and names), its analysed terms, and the weight
     * of each term by its surface (how distinctive it is in the corpus; a term without one weighs 1).
     */
    record Asked(String question, Collection<Evidence.TermForms> terms, Map<String, Double> weights, Set<String> expects) {
        Asked {
            terms = List.copyOf(terms);
            weights = Map.copyOf(weights);
            expects = Set.copyOf(expects);
        }

        Asked(String question, Collection<Evidence.TermForms> terms) {
            this(question, terms, Map.of(), Set.of());
        }

        double weight(String surface) {
            return weights.getOrDefault(surface, 1.0);
        }
    }

    private static final String MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
            + "|novembre|décembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december";
    private static final Set<String> MONTH_WORDS = Set.of(MONTHS.split("\\|"));
    /** Each month's French and English name, accents folded, in the year's order: what {@link #monthOf} numbers. */
    private static final String[][] MONTH_NAMES = {
            {"janvier", "january"}, {"fevrier", "february"}, {"mars", "march"}, {"avril", "april"}, {"mai", "may"},
            {"juin", "june"}, {"juillet", "july"}, {"aout", "august"}, {"septembre", "september"}, {"octobre", "october"},
            {"novembre", "november"}, {"decembre", "december"}};
    /** A number that reads as a year when it stands alone. */
    private static final Pattern YEAR_NUMBER = Pattern.compile("(1[5-9]|20)\\d\\d");
    /** A word or a year, one at a time: where a clause names its month or year. */
    private static final Pattern TIME_WORD = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(\\p{L}+|(?:1[5-9]|20)\\d\\d)(?![\\p{L}\\p{N}])");
    private static final Set<String> DAY_WORDS = Set.of("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    /** A number in digits, not glued to letters before it ("H100", "COP-28", "v2.0"). */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])(?<![\\p{L}\\p{N}][.,\\-‑/])"
            + "(\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+(?:,\\d+)?|\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?"
            + "|\\d+(?:[.,]\\d+)?)");
    /** A number written as a word; it is an amount only with a unit after it ("six mois", "three years"). */
    private static final Pattern NUMBER_WORD = Pattern.compile("(?iu)(?<![\\p{L}\\-])(deux|trois|quatre|cinq|six|sept|huit|neuf|dix"
            + "|onze|douze|quinze|vingt|trente|quarante|cinquante|soixante|cent|two|three|four|five|seven|eight|nine|ten|eleven"
            + "|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|dozens?|douzaines?|dizaines?|centaines?|milliers?"
            + "|hundreds|thousands)(?![\\p{L}\\-])");
    private static final Map<String, Double> WORD_VALUES = wordValues();
    /** Pronouns and determiners that the stop lists leave out: "des milliers d'autres" counts nothing. */
    private static final Set<String> PRONOUNS = Set.of("autre", "autres", "other", "others", "ceux", "celles", "those", "these",
            "them", "lesquels", "lesquelles", "plus", "more", "moins", "less", "fois", "times");
    /** Units that may be written glued to the number ("10km", "3GW", "2,5Md"); a lone capital ("4K", "5G") is a name. */
    private static final Set<String> GLUED_UNITS = Set.of("km", "m", "cm", "mm", "kg", "g", "t", "h", "min", "s", "ms", "kw",
            "kwh", "mw", "mwh", "gw", "gwh", "tw", "twh", "mo", "go", "to", "gb", "mb", "tb", "bn", "md", "mds", "mn", "k", "ha");
    private static final Pattern CURRENCY_BEFORE = Pattern.compile("(?:US|CA|AU|HK)?([$€£¥])\\s?$");
    private static final Pattern PERCENT = Pattern.compile("(?iu)\\G(?:\\s?%|\\s+(?:pour\\s?cents?|percent|per\\s?cent)(?![\\p{L}]))");
    private static final Pattern SCALE_WORD = Pattern.compile("(?iu)\\G\\s+(?:(?:de|d['’]|of)\\s+)?(thousand|millions?|billions?|trillions?|mille|milliers?"
            + "|milliards?)(?![\\p{L}])");
    private static final Pattern SCALE_ABBREVIATION = Pattern.compile("\\G\\s?(bn|mn|Mds?|md|M|m|k|K)(?![\\p{L}])");
    private static final Pattern CURRENCY_AFTER = Pattern.compile("(?iu)\\G(?:\\s?([$€£¥])|\\s+(?:(?:de|d['’]|of)\\s*)?(dollars?"
            + "|euros?|livres?\\s+sterling|livres?|pounds?|francs?|yens?|yuans?|roubles?|roupies?|rupees?|usd|eur|gbp|chf|cad|jpy|cny)"
            + "(?![\\p{L}]))");
    private static final Pattern UNIT_WORD = Pattern.compile("(?u)\\G(?:\\s+|[\\-‑])(?:(?:de|d['’]|of)\\s*)?(\\p{L}[\\p{L}’'\\-]*)");
    private static final Pattern UNIT_AFTER_SCALE = Pattern.compile("(?iu)\\G\\s+(?:de|d['’]|of)\\s*(\\p{L}[\\p{L}’'\\-]*)");

    private static final Pattern DAY_MONTH = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(?:1er|1st|2nd|3rd|\\d{1,2}(?:th)?)\\s+(?:of\\s+)?"
            + "(?:" + MONTHS + ")(?![\\p{L}])(?:,?\\s+\\d{4}(?!\\d))?");
    private static final Pattern MONTH_DAY = Pattern.compile("(?u)(?<![\\p{L}])(?:" + capitalised(MONTHS) + ")\\s+\\d{1,2}(?:st|nd|rd|th)?"
            + "(?![\\p{N}])(?:,?\\s+\\d{4}(?!\\d))?");
    private static final Pattern MONTH_YEAR = Pattern.compile("(?iu)(?<![\\p{L}])(?:" + MONTHS + ")\\s+(?:de\\s+|of\\s+)?\\d{4}(?!\\d)");
    private static final Pattern MONTH_AFTER = Pattern.compile("(?iu)\\G\\s+(?:of\\s+)?(" + MONTHS + ")(?![\\p{L}])");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(?<![\\p{L}\\p{N}])(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4})(?![\\p{N}])");
    private static final Pattern YEAR = Pattern.compile("(?<![\\p{L}\\p{N}$€£¥.,\\-])(1[5-9]\\d\\d|20\\d\\d)(?![\\p{L}\\p{N}]|\\s?[%$€£¥]"
            + "|[.,]\\d)");
    private static final Pattern DATE_PREPOSITION = Pattern.compile("(?iu)(?<![\\p{L}])(in|on|since|en|le|depuis|dès|from|until"
            + "|jusqu['’]en|jusqu['’]au)\\s+$");

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}]*(?:[\\-’'][\\p{L}\\p{N}]+)*");
    private static final Pattern AMPERSAND = Pattern.compile("\\s?&\\s?");
    private static final Pattern ELISION = Pattern.compile("(?i)(?:l|d|j|n|s|c|m|t|qu|lorsqu|puisqu|jusqu)['’]");
    private static final Set<String> NAME_LINKS = Set.of("de", "du", "des", "van", "von", "der", "den", "di", "da", "del", "della",
            "of", "al", "bin", "ben", "y", "&");
    private static final Pattern LOCATIVE = Pattern.compile("(?iu)(?<![\\p{L}])(à|au|aux|en|dans|vers|près\\s+de|in|at|near|inside"
            + "|outside)\\s+(?:(?:la|le|les|l['’]|the)\\s*)?$");
    private static final Pattern WHERE = Pattern.compile("(?iu)(?<![\\p{L}])(where|whereabouts|où|in which (city|country|town|region"
            + "|place|state)|in what (city|country|town|region|place)|(dans|en) quel(le)? (ville|pays|région|endroit|lieu)"
            + "|quel(le)? (ville|pays|région|endroit|lieu))(?![\\p{L}])");

    private static final String OPENING = "(?iu)\\s*(?:(?:and|et|but|mais|so|alors|then|puis)\\s*,?\\s+)?";
    private static final Pattern WHERE_START = Pattern.compile(OPENING + "(?:(?:from|to|d['’]|par)\\s*)?(where|où)(?![\\p{L}])");
    private static final Pattern WHEN_START = Pattern.compile(OPENING + "(?:(?:since|until|till|depuis|jusqu['’]à)\\s+)?(when|quand)(?![\\p{L}])");
    /** "What year", "quelle date", "which month": a date asked for anywhere in the question. */
    private static final Pattern WHAT_DATE = Pattern.compile("(?iu)(?<![\\p{L}])((what|which)\\s+(year|date|day|month)|(quelle|quel)\\s+"
            + "(année|date|jour|mois)|en\\s+quelle\\s+année)(?![\\p{L}])");
    private static final Pattern WHO = Pattern.compile(OPENING + "(who|whom|whose|qui)(?![\\p{L}])(?!\\s+(?:est-ce\\s+)?que)");
    /** Causal connectives (general French and English): a why-question is answered by a sentence that gives a cause. */
    private static final Pattern CAUSE = Pattern.compile("(?iu)(?<![\\p{L}])(because|since|as a result|due to|owing to|in order to|so that"
            + "|parce\\s+qu|car|puisqu|en raison d|à cause d|afin d|afin qu|pour que|grâce à|faute d)(?![\\p{L}])");

    /** Quotations of at least three words, in French, English or straight quotes. */
    private static final Pattern QUOTATION = Pattern.compile("«\\s*([^«»]+?)\\s*»|“([^“”]+?)”|\"([^\"]+?)\"");
    /** Verbs of saying (general French and English), and "according to" / "selon". */
    private static final Pattern SAYING = Pattern.compile("(?iu)(?<![\\p{L}])(sa(?:id|ys?)|told|tells?|stat(?:ed|es)|add(?:ed|s)|wr(?:ote|ites)"
            + "|tweet(?:ed|s)|explain(?:ed|s)|declar(?:ed|es)|claim(?:ed|s)|argu(?:ed|es)|insist(?:ed|s)|not(?:ed|es)|warn(?:ed|s)"
            + "|repl(?:ied|ies)|recall(?:ed|s)|according\\s+to|dit|disait|déclar\\p{L}*|affirm\\p{L}*|expliqu\\p{L}*|ajout\\p{L}*"
            + "|estim\\p{L}*|écri\\p{L}*|soulign\\p{L}*|assur\\p{L}*|indiqu\\p{L}*|précis\\p{L}*|racont\\p{L}*|confi\\p{L}*|selon"
            + "|répon\\p{L}*|tweet\\p{L}*|martel\\p{L}*|insist\\p{L}*|prévien\\p{L}*|reconn\\p{L}*|poursui\\p{L}*|lanc\\p{L}*)(?![\\p{L}])");

    /** How far (in characters) a term may stand from an amount and still be what it is about. */
    static final int ANCHOR_REACH = 60;

    private FactSpan() {
    }

    /** The kind of fact a question asks for, from the kinds the parser expects and the question's own words ("where"). */
    static Optional<Kind> kindOf(Set<String> expects, String question) {
        String q = question == null ? "" : question;
        // the question word that opens the question decides ("Where was she when she said…" asks for a place)
        if (WHERE_START.matcher(q).lookingAt()) return Optional.of(Kind.PLACE);
        if (WHO.matcher(q).lookingAt()) return Optional.of(Kind.NAME);
        if (expects.contains(Features.DATE) && (WHEN_START.matcher(q).lookingAt() || WHAT_DATE.matcher(q).find())) {
            return Optional.of(Kind.DATE);
        }
        if (expects.contains(Features.MONEY)) return Optional.of(Kind.MONEY);
        if (expects.contains(Features.NUMBER)) return Optional.of(Kind.AMOUNT);
        if (WHERE.matcher(q).find()) return Optional.of(Kind.PLACE);
        if (expects.contains(Features.NAME)) return Optional.of(Kind.NAME);
        return Optional.empty();
    }

    /** The span of {@code text} (in language {@code lang}) that answers, or empty when no sentence near the question holds one. */
    static Optional<Found> find(String text, Lang lang, Kind kind, Asked asked) {
        List<Found> all = all(text, lang, kind, asked, true);
        Found best = null;
        for (Found f : all) {
            if (best == null || f.score() > best.score()) best = f;
        }
        return Optional.ofNullable(best);
    }

    /**
     * Every candidate of {@code kind} in the sentences that cover the question (with their scores); {@code needsCoverage}
     * false also keeps candidates in sentences that hold no term of the question.
     */
    static List<Found> all(String text, Lang lang, Kind kind, Asked asked, boolean needsCoverage) {
        Given q = Given.of(asked);
        List<Span> sentences = SentenceSplitter.split(text);
        List<Found> out = new ArrayList<>();
        List<Found> marked = new ArrayList<>();
        double previous = 0;
        for (Span s : sentences) {
            List<Match> matches = matches(text, s, lang, asked);
            double cov = coverage(matches);
            // a sentence that holds no term may continue the one before it ("Il en a acheté 10 000.")
            double effective = cov > 0 ? cov : previous * 0.5;
            previous = cov;
            if (effective <= 0 && needsCoverage) continue;
            for (Candidate c : candidates(kind, text, s, q, matches)) {
                int dist = matches.isEmpty() ? 300 : Integer.MAX_VALUE;
                for (Match m : matches) dist = Math.min(dist, gap(m, c));
                // what the amount is about: the question term nearest to it
                Set<String> anchors = new LinkedHashSet<>();
                for (Match m : matches) {
                    if (gap(m, c) <= Math.min(ANCHOR_REACH, dist + 2)) anchors.add(m.term());
                }
                if (c.amount() != null && !c.amount().unit().isEmpty() && !c.amount().unit().equals("%")
                        && !isCurrency(c.amount().unit())) {
                    anchors.add("unit:" + c.amount().unit());
                }
                double score = effective + c.bonus() - 0.5 * Math.min(dist, 300) / 300.0;
                Found found = new Found(kind, c.start(), c.end(), text.substring(c.start(), c.end()), score, c.amount(), anchors, effective);
                out.add(found);
                if (c.marked() && effective > 0) marked.add(found);
            }
        }
        // a place the text introduces as one ("lors d'une conférence à Berlin") answers before a capitalised word that
        // may name anything ("la Banque centrale")
        return kind == Kind.PLACE && !marked.isEmpty() ? marked : out;
    }

    private static int gap(Match m, Candidate c) {
        return m.end() <= c.start() ? c.start() - m.end() : m.start() >= c.end() ? m.start() - c.end() : 0;
    }

    // ---- the question's own numbers and words ----

    /** The question's numbers and words, and the months and years it names ("en mai", "in 2023"). */
    private record Given(Set<String> numbers, Set<String> words, Set<Integer> months, Set<String> years) {
        static Given of(Asked a) {
            String text = a.question() == null ? "" : a.question();
            Set<String> numbers = new HashSet<>();
            Matcher m = NUMBER.matcher(text);
            while (m.find()) numbers.add(digits(m.group(1)));
            Set<String> words = new HashSet<>();
            Matcher w = WORD.matcher(text);
            while (w.find()) words.add(foldName(w.group()));
            for (Evidence.TermForms t : a.terms()) {
                for (String part : t.term().surface().split("\\s+")) words.add(foldName(part));
            }
            Set<Integer> months = new HashSet<>();
            for (String word : words) {
                int month = monthOf(word);
                if (month > 0) months.add(month);
            }
            Set<String> years = new HashSet<>();
            for (String n : numbers) if (YEAR_NUMBER.matcher(n).matches()) years.add(n);
            return new Given(numbers, words, months, years);
        }
    }

    // ---- where the question's terms stand in a sentence ----

    private record Match(int start, int end, String term, double weight) {
    }

    private static List<Match> matches(String text, Span s, Lang lang, Asked asked) {
        List<Match> out = new ArrayList<>();
        if (asked.terms().isEmpty()) return out;
        try (TokenStream ts = Analyzers.forLang(lang).tokenStream("f", s.of(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String tok = term.toString();
                for (Evidence.TermForms f : asked.terms()) {
                    double w = weight(f.in(lang), tok) * asked.weight(f.term().surface());
                    if (w > 0) out.add(new Match(s.start() + off.startOffset(), s.start() + off.endOffset(), f.term().surface(), w));
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The weight of a token as a form of a term; half for a word derived from a form ("fermetur" of "ferm"). */
    private static double weight(Map<String, Float> forms, String tok) {
        Float w = forms.get(tok);
        if (w != null) return w;
        double b = 0;
        for (var e : forms.entrySet()) {
            String f = e.getKey();
            if (f.length() >= Evidence.MIN_PREFIX && tok.length() > f.length() && tok.length() - f.length() <= Evidence.MAX_SUFFIX
                    && tok.startsWith(f)) {
                b = Math.max(b, e.getValue() * Evidence.DERIVED_WEIGHT);
            }
        }
        return b;
    }

    private static double coverage(List<Match> matches) {
        Map<String, Double> best = new HashMap<>();
        for (Match m : matches) best.merge(m.term(), m.weight(), Math::max);
        return best.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The sum of the best weights of the question's terms in {@code sentence} (analysed for {@code lang}). */
    static double coverage(String text, Span sentence, Lang lang, Asked asked) {
        return coverage(matches(text, sentence, lang, asked));
    }

    // ---- candidates ----

    /** A candidate span; {@code marked}: a word before it says what kind it is (a place after "à", "in"). */
    private record Candidate(int start, int end, double bonus, Amount amount, boolean marked) {
        Candidate(int start, int end, double bonus, Amount amount) {
            this(start, end, bonus, amount, false);
        }
    }

    private static List<Candidate> candidates(Kind kind, String text, Span s, Given q, List<Match> matches) {
        return switch (kind) {
            case AMOUNT -> amounts(text, s, q, matches);
            case MONEY -> amounts(text, s, q, matches).stream().map(c -> c.amount() != null && isCurrency(c.amount().unit())
                    ? new Candidate(c.start(), c.end(), c.bonus() + 0.8, c.amount()) : c).toList();
            case DATE -> dates(text, s, q);
            case NAME -> names(text, s, q, false, matches);
            case PLACE -> names(text, s, q, true, matches);
        };
    }

    /** Amounts in a sentence: numbers (never glued to letters, never years alone, never the question's) with their unit. */
    private static List<Candidate> amounts(String text, Span s, Given q, List<Match> matches) {
        List<Candidate> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text).region(s.start(), s.end());
        while (m.find()) {
            int start = m.start(1), end = m.end(1);
            if (end < s.end() && Character.isLetter(text.charAt(end))) {
                int e = end;
                while (e < s.end() && Character.isLetter(text.charAt(e))) e++;
                String glued = text.substring(end, e);
                boolean loneCapital = glued.length() == 1 && Character.isUpperCase(glued.charAt(0));
                if (loneCapital || !GLUED_UNITS.contains(glued.toLowerCase(Locale.ROOT))
                        || (e < s.end() && Character.isDigit(text.charAt(e)))) {
                    continue; // "4K", "1er", "2e", "3rd": a name or an ordinal, not an amount
                }
            }
            String number = m.group(1);
            if (q.numbers().contains(digits(number))) continue;
            Tail t = plural(text, tail(text, end, s.end(), parse(number)), s.end(), matches);
            Amount parsed = t == null ? null : t.amount();
            int spanEnd = t == null ? end : t.end();
            String unit = parsed == null ? "" : parsed.unit();
            int spanStart = start;
            Matcher cb = CURRENCY_BEFORE.matcher(text.substring(Math.max(s.start(), start - 4), start));
            if (cb.find()) {
                spanStart = start - (cb.end() - cb.start());
                if (unit.isEmpty() || !isCurrency(unit)) unit = currency(cb.group(1));
                if (parsed == null) parsed = new Amount(parse(number), unit);
                else parsed = new Amount(parsed.value(), unit);
                // "$2.5 billion", "€300m": the scale after a currency before
                Matcher sc = SCALE_ABBREVIATION.matcher(text).region(spanEnd, s.end());
                if (spanEnd == end && sc.lookingAt()) {
                    parsed = new Amount(parsed.value() * scale(sc.group(1)), unit);
                    spanEnd = sc.end();
                }
            }
            if (parsed == null) parsed = new Amount(parse(number), "");
            boolean year = YEAR_NUMBER.matcher(number).matches() && parsed.unit().isEmpty() && spanEnd == end;
            if (year) continue; // a year is a date, not an amount
            if (isDayOfMonth(text, spanEnd, s.end(), number)) continue;
            boolean plain = !isCurrency(parsed.unit()) && !parsed.unit().equals("%") && parsed.value() == parse(number);
            if (plain && endsName(text, s, spanStart)) continue; // "France 2", "Windows 11 users": a name, not an amount
            double bonus = parsed.unit().isEmpty() ? 0 : isCurrency(parsed.unit()) ? 0.4 : 0.3;
            bonus += countsAsked(end, spanEnd, matches) ? UNIT_ASKED_BONUS : 0;
            if (ofAnotherTime(text, s, spanStart, spanEnd, q)) bonus -= OTHER_TIME_PENALTY;
            out.add(new Candidate(spanStart, trimEnd(text, spanStart, spanEnd), bonus, parsed));
        }
        Matcher w = NUMBER_WORD.matcher(text).region(s.start(), s.end());
        while (w.find()) {
            double v = WORD_VALUES.getOrDefault(w.group(1).toLowerCase(Locale.ROOT), Double.NaN);
            Tail t = plural(text, tail(text, w.end(1), s.end(), v), s.end(), matches);
            if (t == null || t.amount().unit().isEmpty()) continue; // "six" alone is not an amount
            out.add(new Candidate(w.start(1), trimEnd(text, w.start(1), t.end()), 0.2 + (countsAsked(w.end(1), t.end(), matches) ? UNIT_ASKED_BONUS : 0),
                    t.amount()));
        }
        return out;
    }

    /** A capitalised word inside the sentence, then one space: "France 2", "Ligue 1", "Windows 11". */
    private static final Pattern NAME_BEFORE = Pattern.compile("(?<=[\\p{L}\\p{N},;:] )\\p{Lu}[\\p{L}\\-]* $");

    /** Whether a bare number ends a name (it follows a capitalised word that does not start the sentence). */
    private static boolean endsName(String text, Span s, int start) {
        return NAME_BEFORE.matcher(text.substring(Math.max(s.start(), start - 40), start)).find();
    }

    /** What an amount loses when the month or year beside it is not the one the question asks about. */
    static final double OTHER_TIME_PENALTY = 1.0;

    /** 1 to 12 for a month's name in French or English (accents folded), else 0. */
    private static int monthOf(String folded) {
        for (int m = 0; m < MONTH_NAMES.length; m++) {
            if (MONTH_NAMES[m][0].equals(folded) || MONTH_NAMES[m][1].equals(folded)) return m + 1;
        }
        return 0;
    }

    /**
     * Whether the month or year nearest to an amount in its clause is another than the question's: asked for May,
     * "5,8 % en mai, après 6,3 % en avril" answers with the first. An amount with no time beside it is not judged.
     */
    private static boolean ofAnotherTime(String text, Span s, int start, int end, Given q) {
        if (q.months().isEmpty() && q.years().isEmpty()) return false;
        int after = end;
        while (after < s.end() && !endsClause(text.charAt(after)) && after - end < CLAUSE_REACH) after++;
        int before = start;
        while (before > s.start() && !endsClause(text.charAt(before - 1)) && start - before < CLAUSE_REACH) before--;
        // the time named right after the amount is its own ("6,3 % en avril"), else the last one before it
        String time = timeIn(text.substring(end, after), true);
        if (time == null) time = timeIn(text.substring(before, start), false);
        if (time == null) return false;
        int month = monthOf(time);
        if (month > 0) return !q.months().isEmpty() && !q.months().contains(month);
        return !q.years().isEmpty() && !q.years().contains(time);
    }

    private static boolean endsClause(char c) {
        return ",;:()".indexOf(c) >= 0;
    }

    /** The first (or last) month name or year in {@code clause}, folded; null when there is none. */
    private static String timeIn(String clause, boolean first) {
        Matcher w = TIME_WORD.matcher(clause);
        String found = null;
        while (w.find()) {
            String word = LanguageDetector.fold(w.group(1));
            if (monthOf(word) > 0 || YEAR_NUMBER.matcher(word).matches()) {
                found = word;
                if (first) break;
            }
        }
        return found;
    }

    /** How far a clause is looked at around an amount for its month or year. */
    static final int CLAUSE_REACH = 40;

    /** What an amount gains when its unit is a word of the question ("How many seats…": "412 seats", not "60 %"). */
    static final double UNIT_ASKED_BONUS = 0.6;

    private static boolean countsAsked(int from, int to, List<Match> matches) {
        for (Match m : matches) {
            if (m.start() >= from && m.end() <= to) return true;
        }
        return false;
    }

    /** A unit read after a number, and where it ends. */
    private record Tail(Amount amount, int end) {
    }

    /**
     * The unit after a number at {@code [start, end)}: a percent sign, a scale ("millions"), a currency, or a noun
     * ("10 000 GPU", "100 millions d'utilisateurs"); null when none.
     */
    private static Tail tail(String text, int end, int limit, double value) {
        int pos = end;
        Matcher p = PERCENT.matcher(text).region(pos, limit);
        if (p.lookingAt()) {
            return new Tail(new Amount(value, "%"), p.end());
        }
        boolean scaled = false;
        Matcher sc = SCALE_WORD.matcher(text).region(pos, limit);
        if (sc.lookingAt()) {
            value *= scale(sc.group(1));
            pos = sc.end();
            scaled = true;
        } else {
            Matcher ab = SCALE_ABBREVIATION.matcher(text).region(pos, limit);
            if (ab.lookingAt()) {
                Matcher cur = CURRENCY_AFTER.matcher(text).region(ab.end(), limit);
                if (cur.lookingAt()) { // "300 M€", "2 Md$": an abbreviated scale only before a currency
                    value *= scale(ab.group(1));
                    return new Tail(new Amount(value, currency(cur.group(1) != null ? cur.group(1) : cur.group(2))), cur.end());
                }
            }
        }
        Matcher cur = CURRENCY_AFTER.matcher(text).region(pos, limit);
        if (cur.lookingAt()) {
            return new Tail(new Amount(value, currency(cur.group(1) != null ? cur.group(1) : cur.group(2))), cur.end());
        }
        Matcher u = (scaled ? UNIT_AFTER_SCALE : UNIT_WORD).matcher(text).region(pos, limit);
        if (u.lookingAt() && isUnitWord(u.group(1))) {
            return new Tail(new Amount(value, unitKey(u.group(1))), u.end());
        }
        if (scaled) {
            return new Tail(new Amount(value, ""), pos);
        }
        return null;
    }

    private static final Pattern NEXT_WORD = Pattern.compile("(?u)\\G \\p{L}[\\p{L}’'\\-]*");

    /**
     * A unit noun continued by one more word of the question written in the plural: "250 electric buses",
     * "180 bus électriques" (the thing counted, with the word that qualifies it, in either order).
     */
    private static Tail plural(String text, Tail t, int limit, List<Match> matches) {
        if (t == null || t.amount().unit().isEmpty() || isCurrency(t.amount().unit()) || t.amount().unit().equals("%")) return t;
        Matcher m = NEXT_WORD.matcher(text).region(t.end(), limit);
        if (!m.lookingAt()) return t;
        String w = m.group().strip();
        boolean pluralWord = w.endsWith("s") || w.endsWith("x");
        boolean asked = matches.stream().anyMatch(x -> x.start() < m.end() && x.end() > m.start() + 1);
        if (pluralWord && asked && isUnitWord(w)) return new Tail(new Amount(t.amount().value(), t.amount().unit() + " " + unitKey(w)), m.end());
        return t;
    }

    /** The sentence gives a cause: "because", "parce que", "en raison de". */
    static boolean givesCause(String sentence) {
        return CAUSE.matcher(sentence).find();
    }

    /** The sentence holds a quotation of three words or more. */
    static boolean quotes(String sentence) {
        Matcher m = QUOTATION.matcher(sentence);
        while (m.find()) {
            String inner = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if (inner.strip().split("\\s+").length >= 3) return true;
        }
        return false;
    }

    private static boolean isUnitWord(String w) {
        String lower = w.toLowerCase(Locale.ROOT);
        if (MONTH_WORDS.contains(lower) || DAY_WORDS.contains(lower)) return false;
        if (Analyzers.FRENCH_STOP.contains(lower) || Analyzers.ENGLISH_STOP.contains(lower) || PRONOUNS.contains(lower)) return false;
        boolean allLower = w.equals(lower);
        boolean acronym = w.matches("\\p{Lu}{2,}s?");
        return allLower || acronym;
    }

    private static String unitKey(String w) {
        String f = LanguageDetector.fold(w);
        return f.length() > 3 && (f.endsWith("s") || f.endsWith("x")) ? f.substring(0, f.length() - 1) : f;
    }

    private static boolean isDayOfMonth(String text, int end, int limit, String number) {
        if (!number.matches("\\d{1,2}")) return false;
        Matcher m = MONTH_AFTER.matcher(text).region(end, limit);
        return m.lookingAt();
    }

    private static boolean isCurrency(String unit) {
        return unit.matches("usd|eur|gbp|jpy|cny|chf|cad|frf|rub|inr");
    }

    private static String currency(String s) {
        String c = LanguageDetector.fold(s).replaceAll("\\s+sterling", "");
        return switch (c) {
            case "$", "dollar", "dollars", "usd" -> "usd";
            case "€", "euro", "euros", "eur" -> "eur";
            case "£", "livre", "livres", "pound", "pounds", "gbp" -> "gbp";
            case "¥", "yen", "yens", "jpy" -> "jpy";
            case "yuan", "yuans", "cny" -> "cny";
            case "franc", "francs", "chf" -> "chf";
            case "cad" -> "cad";
            case "rouble", "roubles" -> "rub";
            case "roupie", "roupies", "rupee", "rupees" -> "inr";
            default -> c;
        };
    }

    private static double scale(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        if (l.startsWith("thousand") || l.startsWith("mille") || l.startsWith("millier") || l.equals("k")) return 1e3;
        if (l.startsWith("million") || l.equals("m") || l.equals("mn")) return 1e6;
        if (l.startsWith("milliard") || l.startsWith("billion") || l.equals("bn") || l.startsWith("md")) return 1e9;
        if (l.startsWith("trillion")) return 1e12;
        return 1;
    }

    /** "10 000", "10.000", "10,000" → 10000; "2,5" and "2.5" → 2.5. */
    static double parse(String number) {
        String n = number.replaceAll("[ \\u00A0\\u202F]", "");
        if (n.matches("\\d{1,3}([.,])\\d{3}(\\1\\d{3})*")) return Double.parseDouble(n.replaceAll("[.,]", ""));
        if (n.matches("\\d{1,3}(,\\d{3})+\\.\\d+")) return Double.parseDouble(n.replace(",", ""));
        if (n.matches("\\d{1,3}(\\.\\d{3})+,\\d+")) return Double.parseDouble(n.replace(".", "").replace(',', '.'));
        try {
            return Double.parseDouble(n.replace(',', '.'));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String digits(String number) {
        return number.replaceAll("[ \\u00A0\\u202F]", "").replaceAll("[.,](?=\\d{3}(?!\\d))", "");
    }

    /** Dates: "12 juin 2024", "June 12, 2024", "March 2023", "2024-06-12", a year; with "in"/"en"/"le" before them. */
    private static List<Candidate> dates(String text, Span s, Given q) {
        List<int[]> found = new ArrayList<>();
        Pattern[] shapes = {DAY_MONTH, MONTH_DAY, MONTH_YEAR, NUMERIC_DATE, YEAR};
        double[] specificity = {0.4, 0.4, 0.3, 0.4, 0.1};
        for (int p = 0; p < shapes.length; p++) {
            Matcher m = shapes[p].matcher(text).region(s.start(), s.end());
            while (m.find()) found.add(new int[] {m.start(), m.end(), p});
        }
        found.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1] - b[0], a[1] - a[0]));
        List<Candidate> out = new ArrayList<>();
        int covered = -1;
        for (int[] f : found) {
            if (f[0] < covered) continue;
            covered = f[1];
            String d = text.substring(f[0], f[1]);
            Matcher nums = DIGITS.matcher(d);
            boolean onlyQuestionNumbers = true;
            while (nums.find()) onlyQuestionNumbers &= q.numbers().contains(nums.group());
            boolean hasMonth = MONTH_WORDS.stream().anyMatch(mo -> LanguageDetector.fold(d).contains(LanguageDetector.fold(mo)));
            if (onlyQuestionNumbers && (!hasMonth || q.words().contains(foldName(d.replaceAll("[^\\p{L}]", ""))))) continue;
            if (f[2] == 4 && isAmountAfter(text, f[1], s.end())) continue; // "2000 employés"
            int start = f[0];
            Matcher prep = DATE_PREPOSITION.matcher(text.substring(Math.max(s.start(), start - 16), start));
            if (prep.find()) start = start - (prep.end() - prep.start());
            out.add(new Candidate(start, f[1], specificity[f[2]], null));
        }
        return out;
    }

    private static boolean isAmountAfter(String text, int end, int limit) {
        Matcher u = UNIT_WORD.matcher(text).region(end, limit);
        return (u.lookingAt() && isUnitWord(u.group(1)) && !text.substring(end, u.start(1)).contains("-"))
                || SCALE_WORD.matcher(text).region(end, limit).lookingAt() || CURRENCY_AFTER.matcher(text).region(end, limit).lookingAt();
    }

    /** A word token of a sentence. */
    private record Tok(int start, int end, String text) {
    }

    /**
     * Names: sequences of capitalised words (or mixed-case ones, "xAI", "iPhone"), linked by "de", "van", "of"…; not a
     * capitalised word that only starts a sentence, nor months and days. Names of the question rank last; for places,
     * a name after a locative preposition ("à Paris", "in Texas") ranks first.
     */
    private static List<Candidate> names(String text, Span s, Given q, boolean place, List<Match> matches) {
        List<Tok> toks = new ArrayList<>();
        Matcher m = WORD.matcher(text).region(s.start(), s.end());
        while (m.find()) {
            Matcher el = ELISION.matcher(m.group());
            if (el.lookingAt() && el.end() < m.group().length()) {
                toks.add(new Tok(m.start() + el.end(), m.end(), m.group().substring(el.end()))); // "l'IA" is "IA"
            } else {
                toks.add(new Tok(m.start(), m.end(), m.group()));
            }
        }
        List<Candidate> out = new ArrayList<>();
        int i = 0;
        while (i < toks.size()) {
            if (!isNameWord(text, toks.get(i), s, true)) {
                i++;
                continue;
            }
            int j = i;
            while (true) {
                if (j + 1 < toks.size() && adjacent(text, toks.get(j), toks.get(j + 1)) && isNameWord(text, toks.get(j + 1), s, false)) {
                    j++;
                } else if (j + 2 < toks.size() && NAME_LINKS.contains(toks.get(j + 1).text()) && adjacent(text, toks.get(j), toks.get(j + 1))
                        && adjacent(text, toks.get(j + 1), toks.get(j + 2)) && isNameWord(text, toks.get(j + 2), s, false)) {
                    j += 2;
                } else {
                    break;
                }
            }
            int first = i;
            if (sentenceInitial(text, toks.get(i), s) && !usedMidSentence(text, toks.get(i).text())) {
                // a capital that only starts the sentence: "Selon Elon Musk" is "Elon Musk"; "Sam Altman" stays
                String lower = toks.get(i).text().toLowerCase(Locale.ROOT);
                if (j == i || occursAsWord(text, lower)) {
                    first = i + 1;
                }
            }
            if (first <= j) {
                int start = toks.get(first).start();
                int end = toks.get(j).end();
                String name = text.substring(start, end).replaceAll("['’]s$", "");
                end = start + name.length();
                int inQuestion = 0, words = 0;
                for (int k = first; k <= j; k++) {
                    if (NAME_LINKS.contains(toks.get(k).text())) continue;
                    words++;
                    Tok t = toks.get(k);
                    boolean asked = q.words().contains(foldName(t.text()))
                            || matches.stream().anyMatch(x -> x.start() < t.end() && x.end() > t.start());
                    if (asked) inQuestion++;
                }
                if (inQuestion < words) {
                    double bonus = 0.1 * Math.min(2, words - 1) - (inQuestion > 0 ? 0.5 : 0);
                    boolean locative = place && LOCATIVE.matcher(text.substring(Math.max(s.start(), start - 12), start)).find();
                    if (place) bonus += locative ? 1.0 : -0.3;
                    out.add(new Candidate(start, end, bonus, null, locative));
                }
            }
            i = j + 1;
        }
        return place ? out : joinLists(text, out);
    }

    /** "Sam Altman, Greg Brockman et Ilya Sutskever": names listed together are one answer. */
    private static List<Candidate> joinLists(String text, List<Candidate> names) {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : names) {
            if (!out.isEmpty()) {
                Candidate last = out.getLast();
                String between = text.substring(last.end(), c.start());
                if (between.matches("(?iu)\\s*,\\s*|\\s+(et|and)\\s+|\\s*,\\s*(et|and)\\s+") && last.bonus() > -0.4 && c.bonus() > -0.4) {
                    out.set(out.size() - 1, new Candidate(last.start(), c.end(), Math.max(last.bonus(), c.bonus()) + 0.1, null));
                    continue;
                }
            }
            out.add(c);
        }
        return out;
    }

    private static boolean adjacent(String text, Tok a, Tok b) {
        int gap = b.start() - a.end();
        if (gap == 1) return text.charAt(a.end()) == ' ' || text.charAt(a.end()) == '\u00A0' || text.charAt(a.end()) == '&';
        return gap <= 3 && AMPERSAND.matcher(text).region(a.end(), b.start()).matches();
    }

    private static boolean isNameWord(String text, Tok t, Span s, boolean first) {
        String w = t.text();
        boolean capital = Character.isUpperCase(w.charAt(0));
        boolean mixed = !capital && w.chars().skip(1).anyMatch(Character::isUpperCase);
        if (!capital && !mixed) return false;
        String lower = w.toLowerCase(Locale.ROOT);
        if (MONTH_WORDS.contains(lower) || DAY_WORDS.contains(lower)) return false;
        boolean allCaps = w.equals(w.toUpperCase(Locale.ROOT)) && w.length() > 1;
        if (!allCaps && (Analyzers.FRENCH_STOP.contains(lower) || Analyzers.ENGLISH_STOP.contains(lower))) return false;
        return !(first && w.length() == 1);
    }

    private static boolean sentenceInitial(String text, Tok t, Span s) {
        String before = text.substring(s.start(), t.start());
        int i = before.length();
        while (i > 0 && Character.isWhitespace(before.charAt(i - 1))) i--;
        if (i == 0) return true;
        char c = before.charAt(i - 1);
        return "«“\"(:—–-".indexOf(c) >= 0 || (i < before.length() && ".!?".indexOf(c) >= 0);
    }

    /** The word, capitalised as it is, stands after a word or a comma somewhere in the text (not only first in a sentence). */
    private static boolean usedMidSentence(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            boolean after = at >= 2 && text.charAt(at - 1) == ' ' && (Character.isLetterOrDigit(text.charAt(at - 2)) || text.charAt(at - 2) == ','
                    || text.charAt(at - 2) == ';');
            if (after && endsWord(text, at + word.length())) return true;
        }
        return false;
    }

    /** The word occurs as a whole word in the text, exactly as given (case-sensitive). */
    private static boolean occursAsWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            if ((at == 0 || !Character.isLetter(text.charAt(at - 1))) && endsWord(text, at + word.length())) return true;
        }
        return false;
    }

    private static boolean endsWord(String text, int i) {
        return i >= text.length() || !Character.isLetter(text.charAt(i));
    }

    private static String foldName(String w) {
        return LanguageDetector.fold(w.replaceAll("['’]s$", ""));
    }

    private static int trimEnd(String text, int start, int end) {
        while (end > start && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == '-')) end--;
        return end;
    }

    private static String capitalised(String alternatives) {
        StringBuilder sb = new StringBuilder();
        for (String a : alternatives.split("\\|")) {
            if (!sb.isEmpty()) sb.append('|');
            sb.append(Character.toUpperCase(a.charAt(0))).append(a.substring(1));
        }
        return sb.toString();
    }

    private static Map<String, Double> wordValues() {
        Map<String, Double> m = new HashMap<>();
        String[] fr = {"deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze"};
        String[] en = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"};
        for (int i = 0; i < fr.length; i++) {
            m.put(fr[i], i + 2.0);
            m.put(en[i], i + 2.0);
        }
        m.put("quinze", 15.0);
        m.put("fifteen", 15.0);
        m.put("vingt", 20.0);
        m.put("twenty", 20.0);
        m.put("trente", 30.0);
        m.put("thirty", 30.0);
        m.put("cent", 100.0);
        m.put("hundred", 100.0);
        return m;
    }

    // ---- quoted speech ----

    /** A quotation and who said it. */
    record Speech(String speaker, String quotation) {
    }

    /**
     * The quotation of {@code sentence} attributed to its speaker: a capitalised name in the same sentence, outside the
     * quotation, right next to a verb of saying ("a déclaré Elon Musk", "Musk said", "selon Musk") or introducing it
     * with a colon ("Musk : « … »"). Empty when the sentence holds no quotation of three words or more, or no speaker.
     */
    static Optional<Speech> speech(String sentence) {
        Matcher qm = QUOTATION.matcher(sentence);
        int qs = -1, qe = -1;
        String quotation = null;
        while (qm.find()) {
            String inner = qm.group(1) != null ? qm.group(1) : qm.group(2) != null ? qm.group(2) : qm.group(3);
            if (inner.strip().split("\\s+").length >= 3 && (quotation == null || inner.length() > quotation.length())) {
                quotation = inner.strip();
                qs = qm.start();
                qe = qm.end();
            }
        }
        if (quotation == null) return Optional.empty();
        Span whole = new Span(0, sentence.length());
        Given none = new Given(Set.of(), Set.of(), Set.of(), Set.of());
        List<int[]> verbs = new ArrayList<>();
        Matcher v = SAYING.matcher(sentence);
        while (v.find()) {
            if (v.start() >= qs && v.end() <= qe) continue;
            verbs.add(new int[] {v.start(), v.end()});
        }
        String best = null;
        int bestGap = Integer.MAX_VALUE;
        for (Candidate c : names(sentence, whole, none, false, List.of())) {
            if (c.start() < qe && c.end() > qs) continue;
            for (String single : splitList(sentence.substring(c.start(), c.end()))) {
                int start = c.start() + sentence.substring(c.start(), c.end()).indexOf(single);
                int end = start + single.length();
                if (end <= qs && sentence.substring(end, qs).matches("\\s*:\\s*")) {
                    return Optional.of(new Speech(single, quotation));
                }
                for (int[] vb : verbs) {
                    int gap = vb[0] >= end ? words(sentence.substring(end, vb[0])) : vb[1] <= start ? words(sentence.substring(vb[1], start)) : 99;
                    int reach = vb[0] >= end ? 4 : 2;
                    if (gap <= reach && gap < bestGap) {
                        bestGap = gap;
                        best = single;
                    }
                }
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Speech(best, quotation));
    }

    private static List<String> splitList(String names) {
        return List.of(names.split("\\s*,\\s*(?:(?:et|and)\\s+)?|\\s+(?:et|and)\\s+"));
    }

    private static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
