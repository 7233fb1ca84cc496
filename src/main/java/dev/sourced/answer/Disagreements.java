package dev.sourced.answer;

import dev.sourced.corpus.Lang;
import dev.sourced.corpus.LanguageDetector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts on which the cited articles disagree: the same name spelled two ways, or different amounts given in answer to a
 * question that asks for one. Each is stated with the citations that carry it, so a reader sees both and their sources
 * instead of one silently chosen.
 *
 * <p>Two amounts are the same quantity about the same thing only when they have the same unit (the same currency, both
 * percentages, or the same noun: "GPU") and stand next to the same term of the question (or count the same noun).
 * Numbers glued to letters ("H100", "COP28") are names, never amounts (see {@link FactSpan}).
 */
final class Disagreements {
    /** A capitalised word of five letters or more, with the capitalised words joined to it by hyphens ("Grande-Bretagne"). */
    private static final Pattern NAME = Pattern.compile("(?<![\\p{L}-])\\p{Lu}\\p{Ll}{4,}(?:-\\p{Lu}\\p{Ll}+)*(?![\\p{L}-])");
    /** Only the first quotes are compared: they are the answer; the later ones are context. */
    static final int COMPARED = 3;
    /** Two sentences answer a question about as well when the lesser covers at least this share of the other's coverage. */
    static final double SAME_COVERAGE = 0.5;

    private Disagreements() {
    }

    /** Notes such as “Les sources divergent : « Babuschkin » [2], « Babusschkin » [3].”, or none. */
    static List<String> find(List<Citation> citations, boolean asksForAmount, Phrases say, FactSpan.Asked asked,
                             Function<Citation, Lang> langOf) {
        List<String> notes = new ArrayList<>();
        spellings(citations, say).ifPresent(notes::add);
        if (asksForAmount) amounts(citations, say, asked, langOf).ifPresent(notes::add);
        return notes;
    }

    private static java.util.Optional<String> spellings(List<Citation> citations, Phrases say) {
        Map<String, Integer> first = new LinkedHashMap<>();
        for (Citation c : citations) {
            Matcher m = NAME.matcher(c.text());
            while (m.find()) first.putIfAbsent(m.group(), c.n());
        }
        List<String> names = new ArrayList<>(first.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                String a = names.get(i), b = names.get(j);
                if (!first.get(a).equals(first.get(b)) && a.charAt(0) == b.charAt(0) && a.length() >= 6
                        && !LanguageDetector.fold(a).equals(LanguageDetector.fold(b)) && distance(a, b) == 1
                        && !inflections(a, b)) {
                    return java.util.Optional.of(say.spellingsDiffer(a, first.get(a), b, first.get(b)));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Whether two words are forms of one word by a gender or number ending, the inflections of French and English
     * ("Palme" and "Palmes", "Grande" and "Grands", "Française" and "Français"): without their endings they meet.
     */
    private static boolean inflections(String a, String b) {
        Set<String> bases = bases(a);
        bases.retainAll(bases(b));
        return !bases.isEmpty();
    }

    private static Set<String> bases(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        Set<String> out = new HashSet<>(List.of(w));
        for (String ending : List.of("s", "x", "e", "es")) {
            if (w.endsWith(ending)) out.add(w.substring(0, w.length() - ending.length()));
        }
        return out;
    }

    private static java.util.Optional<String> amounts(List<Citation> citations, Phrases say, FactSpan.Asked asked,
                                                      Function<Citation, Lang> langOf) {
        // the amount each quote gives in answer, as the short answer reads it (a sum of money first when one is asked for)
        FactSpan.Kind kind = asked.expects().contains(dev.sourced.index.Features.MONEY) ? FactSpan.Kind.MONEY : FactSpan.Kind.AMOUNT;
        List<FactSpan.Found> found = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        for (Citation c : citations.subList(0, Math.min(COMPARED, citations.size()))) {
            FactSpan.find(c.text(), langOf.apply(c), kind, asked).ifPresent(f -> {
                if (f.amount() != null && !Double.isNaN(f.amount().value())) {
                    found.add(f);
                    from.add(c.n());
                }
            });
        }
        for (int i = 0; i < found.size(); i++) {
            FactSpan.Found ref = found.get(i);
            Map<Double, String> shown = new LinkedHashMap<>();
            Map<Double, Integer> cited = new LinkedHashMap<>();
            shown.put(ref.amount().value(), ref.text());
            cited.put(ref.amount().value(), from.get(i));
            for (int j = i + 1; j < found.size(); j++) {
                FactSpan.Found other = found.get(j);
                if (from.get(j).equals(from.get(i)) || !sameQuantity(ref, other)) continue;
                shown.putIfAbsent(other.amount().value(), other.text());
                cited.putIfAbsent(other.amount().value(), from.get(j));
            }
            if (shown.size() >= 2 && new java.util.HashSet<>(cited.values()).size() >= 2) {
                List<String> parts = new ArrayList<>();
                shown.forEach((v, text) -> parts.add(say.quoted(text.replaceAll("\\s+", " ")) + " [" + cited.get(v) + "]"));
                return java.util.Optional.of(say.sourcesDiffer(String.join(", ", parts)));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The same unit, a term of the question or the unit noun next to both, and sentences that answer the question about
     * as well as each other (the count of a first selection and of a final one share a noun, not the question's detail).
     */
    static boolean sameQuantity(FactSpan.Found a, FactSpan.Found b) {
        if (!a.amount().unit().equals(b.amount().unit())) return false;
        if (Math.min(a.coverage(), b.coverage()) < SAME_COVERAGE * Math.max(a.coverage(), b.coverage())) return false;
        for (String anchor : a.anchors()) {
            if (b.anchors().contains(anchor)) return true;
        }
        return false;
    }

    /** Levenshtein distance, for short words. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
