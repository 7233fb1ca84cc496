package dev.sourced.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentences as character spans. A line break always ends a sentence (news text puts one paragraph or
 * heading on a line); inside a line a sentence ends at . ! ? or … (with any closing quotes or brackets) followed by
 * white space and a capital, digit or opening quote, except after common abbreviations, initials and inside numbers.
 */
public final class SentenceSplitter {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "m", "mm", "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr", "pr", "prof", "st", "ste", "sr", "jr", "vs", "etc",
            "cf", "ex", "env", "inc", "corp", "ltd", "co", "no", "nos", "vol", "p", "pp", "av", "apr", "j.-c", "fig",
            "gen", "gén", "col", "lt", "sgt", "gov", "sen", "rep", "u.s", "e.g", "i.e", "ca", "art", "chap");

    /**
     * No sentence is longer than this: a text without sentence breaks (or with absurdly long ones) is cut at the last
     * white space before it, or at it when there is none, so that passages stay of bounded length. Long enough for a
     * real enumeration of dozens of items (quoted whole, split between messages at its items).
     */
    public static final int MAX_SENTENCE_CHARS = 10_000;
    /** Abbreviations are short: the word before a period is looked at up to this many characters back. */
    private static final int MAX_WORD = 32;

    private SentenceSplitter() {
    }

    public static List<Span> split(String text) {
        List<Span> out = new ArrayList<>();
        int n = text.length();
        int lineStart = 0;
        while (lineStart < n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            splitLine(text, lineStart, lineEnd, out);
            lineStart = lineEnd + 1;
        }
        return out;
    }

    private static void splitLine(String text, int from, int to, List<Span> out) {
        List<Span> line = new ArrayList<>();
        splitSentences(text, from, to, line);
        for (Span sp : line) {
            if (sp.length() <= MAX_SENTENCE_CHARS) {
                out.add(sp);
            } else {
                cut(text, sp, out);
            }
        }
    }

    /** Cuts an over-long sentence into pieces of at most {@link #MAX_SENTENCE_CHARS}, at white space where there is some. */
    private static void cut(String text, Span sp, List<Span> out) {
        int s = sp.start();
        while (s < sp.end()) {
            int limit = Math.min(sp.end(), s + MAX_SENTENCE_CHARS);
            int e = limit;
            if (limit < sp.end()) {
                int ws = limit;
                while (ws > s + MAX_SENTENCE_CHARS / 2 && !Character.isWhitespace(text.charAt(ws))) {
                    ws--;
                }
                if (ws > s + MAX_SENTENCE_CHARS / 2) {
                    e = ws;
                }
            }
            int trimmed = trimEnd(text, s, e);
            if (trimmed > s) {
                out.add(new Span(s, trimmed));
            }
            s = skipSpace(text, e, sp.end());
        }
    }

    private static void splitSentences(String text, int from, int to, List<Span> out) {
        int s = skipSpace(text, from, to);
        int i = s;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '…') {
                int end = i + 1;
                while (end < to && isTerminalOrCloser(text.charAt(end))) {
                    end++;
                }
                int next = skipSpace(text, end, to);
                if (next == to) {
                    break;
                }
                if (next > end && startsSentence(text.charAt(next)) && !(c == '.' && isAbbreviation(text, s, i))) {
                    out.add(new Span(s, trimEnd(text, s, end)));
                    s = next;
                    i = next;
                    continue;
                }
                i = end;
                continue;
            }
            i++;
        }
        int e = trimEnd(text, s, to);
        if (e > s) {
            out.add(new Span(s, e));
        }
    }

    private static boolean isTerminalOrCloser(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…' || c == '"' || c == '\'' || c == '”' || c == '’'
                || c == '»' || c == ')' || c == ']' || c == '“';
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '“' || c == '«' || c == '\''
                || c == '(' || c == '[' || c == '-' || c == '–' || c == '—' || c == '¿' || c == '¡' || c == '#';
    }

    /** True when the period at {@code dot} closes an abbreviation or an initial rather than a sentence. */
    private static boolean isAbbreviation(String text, int sentenceStart, int dot) {
        int w = dot;
        while (w > sentenceStart && dot - w < MAX_WORD && !Character.isWhitespace(text.charAt(w - 1)) && text.charAt(w - 1) != '(') {
            w--;
        }
        String word = text.substring(w, dot);
        if (word.isEmpty()) {
            return false;
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true; // an initial: "J. Smith"
        }
        return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static int skipSpace(String text, int i, int to) {
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int from, int end) {
        while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
