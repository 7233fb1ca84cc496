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
    static final int MIN_CHARS = 500;
    /** A group is not extended past this many characters (a single longer sentence stays whole). */
    static final int MAX_CHARS = 1000;
    /** A heading is a short line without closing punctuation. */
    static final int HEADING_MAX_WORDS = 16;
    static final int QUESTION_HEADING_MAX_WORDS = 12;
    /** A sentence shorter than this rarely stands on its own. */
    static final int SHORT_SENTENCE = 70;
    private static final java.util.regex.Pattern CONNECTIVE = java.util.regex.Pattern.compile(
            "(?iu)(mais|c['’]est pourquoi|cependant|toutefois|ainsi|donc|en effet|par conséquent|pourtant|néanmoins|"
                    + "de plus|en outre|but|however|therefore|thus|that is why|this is why|that's why|moreover|yet|"
                    + "ce|cet|cette|ces|cela|ceci|this|these|that|those|such|"
                    + "la même année|le même jour|the same year|that year|cette année-là|à ce moment|at that time|ensuite|puis|then)\\b");

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
                boolean fits = next.span.end() - start <= MAX_CHARS;
                boolean tooShort = end - start < MIN_CHARS && fits;
                // a short sentence, or one that opens with a connective or a demonstrative ("C'est pourquoi", "But",
                // "Cette lettre"), leans on the one
                // before it: it stays with it so that neither is quoted without the other
                String nextText = next.span.of(text);
                boolean connective = fits && CONNECTIVE.matcher(nextText).lookingAt();
                boolean shortNext = fits && next.span.length() < SHORT_SENTENCE;
                // a passage shorter than MIN_CHARS takes the next paragraph too: news paragraphs are often one
                // sentence, and a question's words and its answer are often a sentence apart
                if (leadIn || connective || tooShort || (sameLine && shortNext)) {
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

    /** True when a sentence opens with a connective or a demonstrative and so leans on the sentence before it. */
    public static boolean leansBack(String sentence) {
        return CONNECTIVE.matcher(sentence.strip()).lookingAt();
    }

    private record Unit(Span span, int line, boolean heading) {
    }

    /** A sentence that is a whole line, short, and has no closing punctuation. */
    private static boolean isHeading(String text, Span s) {
        boolean lineStart = s.start() == 0 || text.charAt(s.start() - 1) == '\n';
        boolean lineEnd = s.end() == text.length() || text.charAt(s.end()) == '\n';
        if (!lineStart || !lineEnd) return false;
        String t = s.of(text).strip();
        int words = t.split("\\s+").length;
        if (t.endsWith("?") && words <= QUESTION_HEADING_MAX_WORDS) {
            return true; // "Une IA dans quel but ?": a heading that asks what the section answers
        }
        if (t.isEmpty() || Boilerplate.endsSentence(t) || t.endsWith(":") || t.endsWith(",") || t.endsWith(";")) {
            return false;
        }
        return words <= HEADING_MAX_WORDS;
    }
}
