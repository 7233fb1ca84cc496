package dev.sourced.corpus;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Near-duplicate detection, in one place: word shingles (runs of words in a row) and their overlap. A new document
 * repeats one of the corpus when it is the very same text or shares most of its five-word shingles (case and accents
 * folded), as when an outlet republishes an article with a new headline or a few changed sentences; the answer
 * merges quotes that share most of their three-word shingles.
 */
public final class NearDuplicates {
    /** The share of the new text's shingles found in an existing document from which it counts as a near-duplicate. */
    public static final double THRESHOLD = 0.6;
    private static final int DOCUMENT_SHINGLE = 5;
    private static final String SEPARATORS = "[^\\p{L}\\p{N}]+";

    /** A document of the corpus to compare with: its id, title and stored text. */
    public record Known(String id, String title, String text) {
    }

    /** The document found: {@code exact} for the same stored text, else {@code overlap} is the share of shingles. */
    public record Match(String docId, String title, boolean exact, double overlap) {
    }

    private NearDuplicates() {
    }

    /** The closest of {@code corpus} to {@code text} (the stored text of the new document) if it is a duplicate. */
    public static Optional<Match> find(String text, Collection<Known> corpus) {
        Set<String> mine = documentShingles(text);
        Match best = null;
        for (Known d : corpus) {
            if (d.text().equals(text)) {
                return Optional.of(new Match(d.id(), d.title(), true, 1.0));
            }
            if (mine.isEmpty()) continue;
            Set<String> theirs = documentShingles(d.text());
            if (theirs.isEmpty()) continue;
            double overlap = overlap(mine, theirs);
            if (overlap >= THRESHOLD && (best == null || overlap > best.overlap())) {
                best = new Match(d.id(), d.title(), false, overlap);
            }
        }
        return Optional.ofNullable(best);
    }

    private static Set<String> documentShingles(String text) {
        return shingles(LanguageDetector.fold(text).replaceFirst("^" + SEPARATORS, ""), DOCUMENT_SHINGLE);
    }

    /** The runs of {@code words} words in a row of {@code text} (NFKC, lower case, ’ read as '), joined by a space. */
    public static Set<String> shingles(String text, int words) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('’', '\'');
        String[] w = n.split(SEPARATORS);
        Set<String> out = new HashSet<>();
        for (int i = 0; i + words <= w.length; i++) out.add(String.join(" ", java.util.Arrays.asList(w).subList(i, i + words)));
        return out;
    }

    /** The share of the smaller set's shingles found in the other; 0 when either is empty. */
    public static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        int common = 0;
        for (String s : a) if (b.contains(s)) common++;
        return (double) common / Math.min(a.size(), b.size());
    }
}
