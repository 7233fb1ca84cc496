package dev.sourced.answer;

/**
 * How often the answer engine found a question among its recent answers ({@code hits}) or had to answer it
 * ({@code misses}), since it started. Two readings subtracted give what happened in between.
 */
public record AnswerCacheStats(long hits, long misses) {
    public static final AnswerCacheStats NONE = new AnswerCacheStats(0, 0);

    /** Questions looked up: hits and misses. */
    public long lookups() {
        return hits + misses;
    }

    /** The share of lookups that were hits, 0 when nothing was looked up. */
    public double hitRate() {
        return lookups() == 0 ? 0 : (double) hits / lookups();
    }

    /** What happened since {@code earlier}, a reading of the same engine. */
    public AnswerCacheStats since(AnswerCacheStats earlier) {
        return new AnswerCacheStats(hits - earlier.hits, misses - earlier.misses);
    }
}
