package dev.sourced.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes the lines of a news page that are not the article, by general rules rather than by listing strings of known
 * pages: audio-player prompts, "articles you may like" blocks, related-article links, subscription and social footers,
 * share bars, contact lines, calls to action and keyword (tag) lines. Each rule is a property of the line's shape
 * or of the words every site uses for it, in French and English.
 */
public final class Boilerplate {
    /** The text that remains and the lines that were taken out, with the rule that took each. */
    public record Result(String text, List<Removed> removed) {
    }

    public record Removed(String line, String rule) {
    }

    private static final Pattern AUDIO = Pattern.compile(
            "(?iu)(audio player|lecteur audio|player ready|listen to (this|the) (article|story)|écouter (cet|l['’])article"
                    + "|version audio|text[- ]to[- ]speech|écoutez cet article)");
    private static final Pattern MORE_ARTICLES = Pattern.compile(
            "(?iu)^(\\W*)(articles?|posts?|stories|contenus?|sujets?|à lire|lire|read|voir|see|dans la même rubrique|you)\\b.*"
                    + "(intéresser|intéressent|also|aussi|également|like|related|similaires?|associés?|recommand\\p{L}*|more|populaires?|popular|trending)\\W*$");
    private static final Pattern RELATED_LINK = Pattern.compile(
            "(?iu)^\\W*(connexe|related|à lire aussi|a lire aussi|lire aussi|lire également|read more|read also|see also|voir aussi"
                    + "|sur le même sujet|à voir aussi|also read|recommended)\\s*[:：»>|-]");
    private static final Pattern SUBSCRIBE = Pattern.compile(
            "(?iu)(abonnez-vous|abonnez vous|s['’]abonner|subscribe|newsletter|inscrivez-vous|sign up for|sign-up|"
                    + "recevez nos|receive our|créez (un|votre) compte|already a subscriber|déjà abonné)");
    private static final Pattern SOCIAL = Pattern.compile(
            "(?iu)(suivez[- ]nous|follow us|rejoignez[- ]nous|join us on|partagez (cet|l['’])article|share (this|on)|"
                    + "voir les commentaires|view comments|commentaires? \\(\\d+\\)|"
                    + "tous droits réservés|all rights reserved|©|copyright)");
    private static final Pattern CONTACT = Pattern.compile(
            "(?iu)([\\w.+-]+@[\\w-]+\\.[\\w.]+|\\[email[^\\]]*protected\\]|\\bcourriel\\b\\s*\\p{L}*\\s*:|\\be-?mail\\s*:"
                    + "|\\bcontact(ez-nous)?\\s*:|\\btél(éphone)?\\s*:|\\bphone\\s*:)");
    private static final Pattern SEPARATORS = Pattern.compile("\\s[|·•]\\s");
    private static final Set<String> CTA_EN = Set.of(
            "subscribe", "download", "click", "sign", "join", "follow", "share", "get", "try", "discover", "register",
            "watch", "listen", "own", "collect", "enjoy", "unlock", "support", "buy", "order");
    private static final Set<String> NOT_IMPERATIVE = Set.of("chez", "assez", "nez", "rez");

    private Boilerplate() {
    }

    public static Result clean(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Removed> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        int contentLines = 0;
        for (String l : lines) {
            if (!l.isBlank()) contentLines++;
        }
        int seen = 0;
        boolean previousEndsSentence = true;
        for (int idx = 0; idx < lines.length; idx++) {
            String line = lines[idx];
            String t = line.strip();
            if (t.isEmpty()) {
                kept.add("");
                previousEndsSentence = true;
                continue;
            }
            seen++;
            String rule = rule(t, previousEndsSentence);
            if (rule != null && rule.equals("more-articles") && seen > contentLines * 0.6) {
                // a "you may also like" block near the end: everything after it is the block's list of links
                removed.add(new Removed(t, rule));
                for (int j = idx + 1; j < lines.length; j++) {
                    if (!lines[j].isBlank()) {
                        removed.add(new Removed(lines[j].strip(), rule));
                    }
                }
                break;
            }
            if (rule != null) {
                removed.add(new Removed(t, rule));
                continue;
            }
            kept.add(line.stripTrailing());
            previousEndsSentence = endsSentence(t);
        }
        return new Result(join(kept), List.copyOf(removed));
    }

    /** The name of the rule that marks {@code line} as boilerplate, or null when it is article text. */
    static String rule(String line, boolean previousEndsSentence) {
        int words = line.split("\\s+").length;
        boolean shortLine = line.length() <= 200;
        if (AUDIO.matcher(line).find() && shortLine) return "audio-player";
        if (RELATED_LINK.matcher(line).find()) return "related-link";
        if (words <= 8 && MORE_ARTICLES.matcher(line).matches()) return "more-articles";
        if (SUBSCRIBE.matcher(line).find() && line.length() <= 250) return "subscription";
        if (line.startsWith("#") && line.length() > 1 && Character.isLetter(line.charAt(1))) return "social";
        if (SOCIAL.matcher(line).find() && line.length() <= 250) return "social";
        if (SEPARATORS.matcher(line).results().count() >= 2 && averageSegmentWords(line) <= 4) return "share-bar";
        if (CONTACT.matcher(line).find() && line.length() <= 300) return "contact";
        if (isCallToAction(line, words)) return "call-to-action";
        if (previousEndsSentence && isKeywordLine(line, words)) return "keywords";
        return null;
    }

    private static double averageSegmentWords(String line) {
        String[] segs = line.split("[|·•]");
        int total = 0;
        for (String s : segs) {
            total += s.isBlank() ? 0 : s.strip().split("\\s+").length;
        }
        return (double) total / segs.length;
    }

    /** A short imperative line with no sentence punctuation: "Possédez …", "Profitez de …", "Subscribe to …". */
    private static boolean isCallToAction(String line, int words) {
        if (words > 12 || endsSentence(line) || line.endsWith(":")) {
            return false;
        }
        String first = line.split("[\\s,]+")[0].toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}-]", "");
        if (first.isEmpty() || !Character.isUpperCase(line.codePointAt(0))) {
            return false;
        }
        String base = first.endsWith("-vous") ? first.substring(0, first.length() - 5) : first;
        boolean frenchImperative = base.endsWith("ez") && base.length() > 4 && !NOT_IMPERATIVE.contains(base);
        return frenchImperative || CTA_EN.contains(first);
    }

    /** A run of lower-case words with no punctuation at all, such as the keywords under a picture. */
    private static boolean isKeywordLine(String line, int words) {
        if (words < 2 || words > 8) return false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isUpperCase(c) || !(Character.isLetterOrDigit(c) || c == ' ')) {
                return false;
            }
        }
        return true;
    }

    static boolean endsSentence(String t) {
        if (t.isEmpty()) return false;
        char c = t.charAt(t.length() - 1);
        return c == '.' || c == '!' || c == '?' || c == '…' || c == '"' || c == '”' || c == '»' || c == ')';
    }

    private static String join(List<String> kept) {
        StringBuilder sb = new StringBuilder();
        boolean lastBlank = true;
        for (String l : kept) {
            boolean blank = l.isBlank();
            if (blank && lastBlank) continue;
            sb.append(blank ? "" : l).append('\n');
            lastBlank = blank;
        }
        return sb.toString().strip();
    }
}
