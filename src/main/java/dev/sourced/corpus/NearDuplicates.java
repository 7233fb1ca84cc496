package dev.sourced.corpus;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

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
    private static final Pattern SPLIT = Pattern.compile(SEPARATORS);

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
        Shingles mine = documentShingles(text);
        Match best = null;
        for (Known d : corpus) {
            if (d.text().equals(text)) {
                return Optional.of(new Match(d.id(), d.title(), true, 1.0));
            }
            if (mine.isEmpty()) continue;
            Shingles theirs = documentShingles(d.text());
            if (theirs.isEmpty()) continue;
            double overlap = mine.overlap(theirs);
            if (overlap >= THRESHOLD && (best == null || overlap > best.overlap())) {
                best = new Match(d.id(), d.title(), false, overlap);
            }
        }
        return Optional.ofNullable(best);
    }

    private static Shingles documentShingles(String text) {
        return shingles(LanguageDetector.fold(text).replaceFirst("^" + SEPARATORS, ""), DOCUMENT_SHINGLE);
    }

    /**
     * The runs of {@code words} words in a row of {@code text} (NFKC, lower case, ’ read as '), each kept as a 64-bit
     * hash of its words: cheap to make and to compare, for an answer compares every candidate passage.
     */
    public static Shingles shingles(String text, int words) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('’', '\'');
        long[] w = SPLIT.splitAsStream(n).filter(x -> !x.isEmpty()).mapToLong(NearDuplicates::hash).toArray();
        long[] out = new long[Math.max(0, w.length - words + 1)];
        for (int i = 0; i < out.length; i++) {
            long h = 0;
            for (int k = 0; k < words; k++) h = h * 0x100000001B3L + w[i + k];
            out[i] = h;
        }
        return new Shingles(Arrays.stream(out).sorted().distinct().toArray());
    }

    /** FNV-1a over the characters of a word. */
    private static long hash(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= 0x100000001B3L;
        }
        return h;
    }

    /** The shingles of a text, as sorted distinct hashes. */
    public record Shingles(long[] hashes) {
        public boolean isEmpty() {
            return hashes.length == 0;
        }

        public int size() {
            return hashes.length;
        }

        /** The share of the smaller set's shingles found in the other; 0 when either is empty. */
        public double overlap(Shingles other) {
            long[] a = hashes, b = other.hashes;
            if (a.length == 0 || b.length == 0) return 0;
            int common = 0;
            for (int i = 0, j = 0; i < a.length && j < b.length; ) {
                if (a[i] == b[j]) {
                    common++;
                    i++;
                    j++;
                } else if (a[i] < b[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return (double) common / Math.min(a.length, b.length);
        }
    }
}
