package dev.sourced.telegram.moderation;

import dev.sourced.corpus.LanguageDetector;
import dev.sourced.store.StoredDocument;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a document of the corpus that a new text repeats: the very same text, or one sharing most of its word
 * shingles (five words in a row, case and accents folded), as when an outlet republishes an article with a new
 * headline or a few changed sentences.
 */
public final class NearDuplicates {
    /** The share of the new text's shingles found in an existing document from which it counts as a near-duplicate. */
    public static final double THRESHOLD = 0.6;
    private static final int SHINGLE = 5;

    /** The document found: {@code exact} for the same stored text, else {@code overlap} is the share of shingles. */
    public record Match(String docId, String title, boolean exact, double overlap) {
    }

    private NearDuplicates() {
    }

    /** The closest active document to {@code text} (the stored text of the new document) if it is a duplicate. */
    public static Optional<Match> find(String text, List<StoredDocument> corpus) {
        Set<Long> mine = shingles(text);
        Match best = null;
        for (StoredDocument d : corpus) {
            if (d.removed()) continue;
            if (d.text().equals(text)) {
                return Optional.of(new Match(d.id(), d.title(), true, 1.0));
            }
            if (mine.isEmpty()) continue;
            Set<Long> theirs = shingles(d.text());
            if (theirs.isEmpty()) continue;
            int common = 0;
            for (Long s : mine) {
                if (theirs.contains(s)) common++;
            }
            double overlap = (double) common / Math.min(mine.size(), theirs.size());
            if (overlap >= THRESHOLD && (best == null || overlap > best.overlap())) {
                best = new Match(d.id(), d.title(), false, overlap);
            }
        }
        return Optional.ofNullable(best);
    }

    static Set<Long> shingles(String text) {
        String[] words = LanguageDetector.fold(text).split("[^\\p{L}\\p{N}]+");
        List<String> w = java.util.Arrays.stream(words).filter(s -> !s.isEmpty()).toList();
        Set<Long> out = new HashSet<>();
        for (int i = 0; i + SHINGLE <= w.size(); i++) {
            long h = 1125899906842597L;
            for (int j = i; j < i + SHINGLE; j++) {
                h = 31 * h + w.get(j).hashCode();
                h = 31 * h + ' ';
            }
            out.add(h);
        }
        return out;
    }
}
