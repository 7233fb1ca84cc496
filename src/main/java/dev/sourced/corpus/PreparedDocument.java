package dev.sourced.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A document ready to be stored: metadata complete (language detected, title found), the raw text it came from, the
 * stored text with boilerplate removed, what was removed, its passages with offsets into the stored text, and a
 * content hash of the stored text and metadata (same hash: nothing to do).
 */
public record PreparedDocument(DocumentMeta meta, String format, String rawText, String text,
                               List<Boilerplate.Removed> removed, List<Passage> passages, String contentHash) {

    /** Cleans and splits {@code source}; refuses a document that has no text left. */
    public static PreparedDocument prepare(SourceDocument source) {
        DocumentMeta meta = source.meta();
        String what = meta.origin().isEmpty() ? (meta.id().isEmpty() ? "document" : meta.id()) : meta.origin();
        String raw = source.text().replace("\r\n", "\n").replace('\r', '\n');
        Boilerplate.Result cleaned = Boilerplate.clean(raw);
        String text = cleaned.text();
        if (text.isBlank()) {
            throw new CorpusException(what + ": no article text (empty, or nothing but boilerplate)");
        }
        List<Passage> passages = Passages.split(text);
        if (passages.isEmpty()) {
            throw new CorpusException(what + ": no sentences found");
        }
        if (meta.language() == null) {
            meta = meta.withLanguage(LanguageDetector.detect(text));
        }
        if (meta.title().isEmpty()) {
            String first = text.lines().findFirst().orElse("").strip();
            meta = meta.withTitle(first.length() > 120 ? first.substring(0, 117) + "…" : first);
        }
        if (meta.id().isEmpty()) {
            meta = meta.withId(DocumentReader.slug(meta.title()));
        }
        String hash = sha256(meta.title() + "\u0000" + meta.outlet() + "\u0000" + meta.url() + "\u0000"
                + meta.language().code() + "\u0000" + meta.published() + "\u0000" + text);
        return new PreparedDocument(meta, source.format(), raw, text, cleaned.removed(), passages, hash);
    }

    /** SHA-256 of the stored text alone: the same article under two names has the same text hash. */
    public String textHash() {
        return sha256(text);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
