package dev.sourced.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a stored text into passages that respect sentence boundaries and keep their character offsets. A passage is one
 * sentence, or a few when they are short; a heading travels with the first passage of its section; a lead-in that
 * ends with ":" travels with what follows, even across a line break, so that a quote stands on its own.
 */
public final class Passages {
    /** Sentences are grouped until a passage has at least this many characters. */
    static final int MIN_CHARS = 120;
    /** A group is not extended past this many characters (a single longer sentence stays whole). */
    static final int MAX_CHARS = 480;
    /** A heading is a short line without closing punctuation. */
    static final int HEADING_MAX_WORDS = 16;

    private Passages() {
    }

    public static List<Passage> split(String text) {
        List<Span> sentences = SentenceSplitter.split(text);
        List<Unit> units = new ArrayList<>();
        int lineNo = 0;
        int scanned = 0;
        for (Span s : sentences) {
            for (; scanned < s.start(); scanned++) {
                if (text.charAt(scanned) == '\n') lineNo++;
            }
            units.add(new Unit(s, lineNo, isHeading(text, s)));
        }
        // a heading must be followed by text to be one; a last line without punctuation is text
        if (!units.isEmpty() && units.get(units.size() - 1).heading) {
            Unit u = units.remove(units.size() - 1);
            units.add(new Unit(u.span, u.line, false));
        }

        List<Passage> out = new ArrayList<>();
        String heading = "";
        int i = 0;
        while (i < units.size()) {
            Unit u = units.get(i);
            int start = u.span.start();
            String passageHeading = heading;
            if (u.heading) {
                // collect consecutive headings; they lead into the next sentence
                heading = u.span.of(text);
                passageHeading = heading;
                i++;
                while (i < units.size() && units.get(i).heading) {
                    heading = units.get(i).span.of(text);
                    passageHeading = heading;
                    i++;
                }
                if (i >= units.size()) {
                    break;
                }
                u = units.get(i);
            }
            int end = u.span.end();
            int line = u.line;
            int first = i;
            i++;
            while (i < units.size() && !units.get(i).heading) {
                Unit next = units.get(i);
                String sofar = text.substring(start, end).strip();
                boolean leadIn = sofar.endsWith(":");
                boolean sameLine = next.line == line;
                boolean tooShort = end - start < MIN_CHARS && next.span.end() - start <= MAX_CHARS;
                if (leadIn || (sameLine && tooShort)) {
                    end = next.span.end();
                    line = next.line;
                    i++;
                } else {
                    break;
                }
            }
            String before = first > 0 && !units.get(first - 1).heading ? units.get(first - 1).span.of(text) : "";
            String after = i < units.size() ? units.get(i).span.of(text) : "";
            String context = (passageHeading + "\n" + before + "\n" + after).strip();
            out.add(new Passage(out.size(), start, end, text.substring(start, end), passageHeading, context));
        }
        return out;
    }

    private record Unit(Span span, int line, boolean heading) {
    }

    /** A sentence that is a whole line, short, and has no closing punctuation. */
    private static boolean isHeading(String text, Span s) {
        boolean lineStart = s.start() == 0 || text.charAt(s.start() - 1) == '\n';
        boolean lineEnd = s.end() == text.length() || text.charAt(s.end()) == '\n';
        if (!lineStart || !lineEnd) return false;
        String t = s.of(text).strip();
        if (t.isEmpty() || Boilerplate.endsSentence(t) || t.endsWith(":") || t.endsWith(",") || t.endsWith(";")) {
            return false;
        }
        return t.split("\\s+").length <= HEADING_MAX_WORDS;
    }
}
