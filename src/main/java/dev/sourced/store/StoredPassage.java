package dev.sourced.store;

/** A passage row with its embedding (null when none was computed) and the model that computed it. */
public record StoredPassage(long id, String docId, int ord, int start, int end, String text, String heading,
                            String context, float[] embedding, String model) {
}
