package dev.sourced.answer;

import java.util.List;

/**
 * One numbered quote supporting an answer. {@code text} is a verbatim substring of the stored text of
 * {@code source().docId()} at {@code [start, end)}. {@code alsoIn} lists other articles that carry the same passage
 * (near-duplicates syndicated by several outlets), so a reader sees every source of one statement once.
 */
public record Citation(int n, SourceRef source, String text, double score, List<SourceRef> alsoIn) {
    public Citation {
        alsoIn = List.copyOf(alsoIn);
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
