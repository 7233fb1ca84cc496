package dev.sourced.answer;

import java.util.List;

/**
 * One numbered quote supporting an answer. {@code text} is a verbatim substring of the stored text of
 * {@code source().docId()} at {@code [start, end)}. {@code alsoIn} lists other articles that carry the same passage
 * (near-duplicates syndicated by several outlets), so a reader sees every source of one statement once.
 * {@code [highlightStart, highlightEnd)} is the span of {@code text} that answers the question (a number with its unit,
 * a date, a name, a place), shown in bold; both are -1 when the quote has none. {@code translation} is a machine
 * translation of the quote into the reader's language when an LLM made one (shown labelled, never as the quote), else "".
 */
public record Citation(int n, SourceRef source, String text, double score, List<SourceRef> alsoIn, int highlightStart,
                       int highlightEnd, String translation) {
    public Citation {
        alsoIn = List.copyOf(alsoIn);
        translation = translation == null ? "" : translation;
        if (highlightStart < 0 || highlightEnd <= highlightStart || text == null || highlightEnd > text.length()) {
            highlightStart = -1;
            highlightEnd = -1;
        }
    }

    /** A quote without an answer span. */
    public Citation(int n, SourceRef source, String text, double score, List<SourceRef> alsoIn) {
        this(n, source, text, score, alsoIn, -1, -1, "");
    }

    public Citation(int n, SourceRef source, String text, double score, List<SourceRef> alsoIn, int highlightStart, int highlightEnd) {
        this(n, source, text, score, alsoIn, highlightStart, highlightEnd, "");
    }

    /** This quote with a machine translation into the reader's language. */
    public Citation withTranslation(String translated) {
        return new Citation(n, source, text, score, alsoIn, highlightStart, highlightEnd, translated);
    }

    /** This quote with {@code [start, end)} of its text as its answer span. */
    public Citation withHighlight(int start, int end) {
        return new Citation(n, source, text, score, alsoIn, start, end, translation);
    }

    /** True when the quote has an answer span. */
    public boolean highlighted() {
        return highlightStart >= 0;
    }

    /** The answer span's text, or "" when none. */
    public String highlight() {
        return highlighted() ? text.substring(highlightStart, highlightEnd) : "";
    }

    public String docId() {
        return source.docId();
    }

    public int start() {
        return source.start();
    }

    public int end() {
        return source.end();
    }
}
