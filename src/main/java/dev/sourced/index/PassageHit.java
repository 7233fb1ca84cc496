package dev.sourced.index;

import dev.sourced.corpus.Lang;

/**
 * A passage found by a search: where it stands, its text, the context it was indexed with, its scope (the
 * article's title and the section's heading), and its scores
 * ({@code lexical} and {@code dense} are 0 when that retriever did not find it; {@code score} is the fused score).
 */
public record PassageHit(long passageId, String docId, Lang lang, int start, int end, String text, String context,
                         String scope, double lexical, double dense, double score) {
    public PassageHit withScores(double lexical, double dense, double score) {
        return new PassageHit(passageId, docId, lang, start, end, text, context, scope, lexical, dense, score);
    }
}
