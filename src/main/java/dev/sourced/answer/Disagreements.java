package dev.sourced.answer;

import dev.sourced.corpus.LanguageDetector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts on which the cited articles disagree: the same name spelled two ways, or different amounts, numbers or dates
 * given in answer to a question that asks for one. Each is stated with the citations that carry it, so a reader sees
 * both and their sources instead of one silently chosen.
 */
final class Disagreements {
    private static final Pattern NAME = Pattern.compile("(?<![\\p{L}])\\p{Lu}\\p{Ll}{4,}(?![\\p{L}])");
    /** A number with its scale or currency when it has one: "30 603 $", "100 millions de dollars". */
    private static final Pattern AMOUNT_WITH_UNIT = Pattern.compile(
            "(?iu)\\d(?:[\\d\\u00A0\\u202F ,.]*\\d)?(?:\\s*(?:millions?|milliards?|billions?|thousand|mille|%|\\$|€|£)(?:\\s*(?:de\\s+)?(?:dollars?|euros?))?)?");

    private Disagreements() {
    }

    /** Notes such as “Les sources divergent : « Babuschkin » [2], « Babusschkin » [3].”, or none. */
    static List<String> find(List<Citation> citations, boolean asksForAmount, Phrases say) {
        List<String> notes = new ArrayList<>();
        spellings(citations, say).ifPresent(notes::add);
        if (asksForAmount) amounts(citations, say).ifPresent(notes::add);
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
                        && !LanguageDetector.fold(a).equals(LanguageDetector.fold(b)) && distance(a, b) == 1) {
                    return java.util.Optional.of(say.spellingsDiffer(a, first.get(a), b, first.get(b)));
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<String> amounts(List<Citation> citations, Phrases say) {
        Map<String, Integer> byValue = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        for (Citation c : citations.subList(0, Math.min(3, citations.size()))) {
            Matcher m = AMOUNT_WITH_UNIT.matcher(c.text());
            while (m.find()) {
                String raw = m.group().strip();
                String key = raw.replaceAll("[\\s\\u00A0\\u202F,.]", "").toLowerCase(java.util.Locale.ROOT);
                if (key.matches("\\d{1,2}") || key.matches("(19|20)\\d\\d")) continue; // days and years are not amounts here
                if (!byValue.containsKey(key)) {
                    byValue.put(key, c.n());
                    shown.put(key, raw);
                }
                break; // the first amount a quote gives is its answer
            }
        }
        if (byValue.size() < 2 || new java.util.HashSet<>(byValue.values()).size() < 2) return java.util.Optional.empty();
        List<String> parts = new ArrayList<>();
        byValue.forEach((k, n) -> parts.add(say.quoted(shown.get(k)) + " [" + n + "]"));
        return java.util.Optional.of(say.sourcesDiffer(String.join(", ", parts)));
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
