package dev.sourced.store;

import dev.sourced.corpus.Lang;
import dev.sourced.corpus.Passage;
import dev.sourced.corpus.PreparedDocument;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Documents, passages and the outbox of index changes. Every change to a document's passages writes an outbox entry in
 * the same transaction, so the index can always catch up with what SQLite holds.
 */
public final class DocumentStore {
    /** How long a removed document can be restored. */
    public static final Duration RESTORE_WINDOW = Duration.ofDays(7);
    /** How long applied outbox entries are kept for the indexes of other replicas that lag behind. */
    public static final Duration OUTBOX_RETENTION = Duration.ofDays(1);

    /** What an upsert did. */
    public enum Outcome { ADDED, UPDATED, UNCHANGED }

    public record UpsertResult(Outcome outcome, String docId) {
    }

    private final Database db;

    public DocumentStore(Database db) {
        this.db = db;
    }

    /**
     * Stores {@code doc} with one embedding per passage (or null embeddings), replacing its earlier version.
     * The same content again changes nothing. The same text already stored under another id is refused with a
     * {@link DuplicateDocumentException} naming it.
     */
    public UpsertResult upsert(PreparedDocument doc, List<float[]> embeddings, String model) {
        if (embeddings != null && embeddings.size() != doc.passages().size()) {
            throw new IllegalArgumentException("embeddings: " + embeddings.size() + " for " + doc.passages().size() + " passages");
        }
        String id = doc.meta().id();
        String textHash = doc.textHash();
        return db.write(c -> {
            Optional<String[]> existing = Sql.first(c, "SELECT content_hash, removed_at FROM documents WHERE id = ?",
                    rs -> new String[] {rs.getString(1), rs.getString(2)}, id);
            String existingHash = existing.map(e -> e[0]).orElse(null);
            boolean existingRemoved = existing.map(e -> e[1] != null).orElse(false);
            if (doc.contentHash().equals(existingHash) && !existingRemoved) {
                return new UpsertResult(Outcome.UNCHANGED, id);
            }
            Optional<DuplicateDocumentException> duplicate = Sql.first(c,
                    "SELECT id, title FROM documents WHERE text_hash = ? AND id <> ? AND removed_at IS NULL LIMIT 1",
                    rs -> new DuplicateDocumentException(rs.getString(1), rs.getString(2)), textHash, id);
            if (duplicate.isPresent()) {
                throw duplicate.get();
            }
            Object[] fields = {doc.meta().title(), doc.meta().outlet(), doc.meta().url(), doc.meta().language().code(),
                    doc.meta().published(), doc.meta().origin(), doc.format(), doc.contentHash(), textHash, doc.rawText(),
                    doc.text(), removedJson(doc), id};
            if (existingHash == null) {
                Sql.update(c, "INSERT INTO documents(title, outlet, url, language, published, origin, format, content_hash,"
                        + " text_hash, raw_text, text, removed_lines, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", fields);
            } else {
                Sql.update(c, "UPDATE documents SET title=?, outlet=?, url=?, language=?, published=?, origin=?, format=?,"
                        + " content_hash=?, text_hash=?, raw_text=?, text=?, removed_lines=?, removed_at=NULL,"
                        + " updated_at=" + db.dialect().now() + " WHERE id=?", fields);
                Sql.update(c, "DELETE FROM passages WHERE doc_id = ?", id);
            }
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < doc.passages().size(); i++) {
                Passage p = doc.passages().get(i);
                float[] e = embeddings == null ? null : embeddings.get(i);
                rows.add(new Object[] {id, p.ord(), p.start(), p.end(), p.text(), p.heading(), p.context(),
                        e == null ? null : toBytes(e), e == null ? "" : model});
            }
            Sql.batch(c, "INSERT INTO passages(doc_id, ord, start, \"end\", text, heading, context, embedding, model)"
                    + " VALUES (?,?,?,?,?,?,?,?,?)", rows);
            outbox(c, id, "upsert");
            return new UpsertResult(existingHash == null ? Outcome.ADDED : Outcome.UPDATED, id);
        });
    }

    private static String removedJson(PreparedDocument doc) {
        StringBuilder sb = new StringBuilder("[");
        for (var r : doc.removed()) {
            if (sb.length() > 1) sb.append(',');
            sb.append("{\"rule\":").append(jsonString(r.rule())).append(",\"line\":").append(jsonString(r.line())).append('}');
        }
        return sb.append(']').toString();
    }

    private static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (ch < 0x20) sb.append(String.format("\\u%04x", (int) ch));
                    else sb.append(ch);
                }
            }
        }
        return sb.append('"').toString();
    }

    private void outbox(Connection c, String docId, String op) throws SQLException {
        db.dialect().orderOutboxAppends(c);
        Sql.update(c, "INSERT INTO outbox(doc_id, op) VALUES (?, ?)", docId, op);
    }

    /**
     * Runs one UPDATE of a document and, when it changed a row, notes {@code op} for the index in the outbox, in the
     * same transaction. False when it changed nothing.
     */
    private boolean changeDocument(String id, String op, String sql, Object... args) {
        return db.write(c -> {
            if (Sql.update(c, sql, args) == 0) return false;
            outbox(c, id, op);
            return true;
        });
    }

    /** Marks a document removed; its passages leave the index at the next sync. False when there is no such active document. */
    public boolean remove(String id) {
        return changeDocument(id, "delete", "UPDATE documents SET removed_at = " + db.dialect().now()
                + " WHERE id = ? AND removed_at IS NULL", id);
    }

    /** Brings back a document removed less than {@link #RESTORE_WINDOW} ago. False when there is none to restore. */
    public boolean restore(String id) {
        String cutoff = Sql.timestamp(Instant.now().minus(RESTORE_WINDOW));
        return changeDocument(id, "upsert", "UPDATE documents SET removed_at = NULL WHERE id = ?"
                + " AND removed_at IS NOT NULL AND removed_at >= ?", id, cutoff);
    }

    /** Updates one metadata field (title, outlet, url, published, language) of an active document. */
    public boolean editField(String id, String field, String value) {
        String column = switch (field) {
            case "title", "outlet", "url", "published" -> field;
            case "date" -> "published";
            case "language", "lang" -> "language";
            default -> throw new IllegalArgumentException("field: unknown '" + field + "' (title, outlet, url, date, language)");
        };
        String v = column.equals("language") ? Lang.fromCode(value).code() : value.strip();
        return changeDocument(id, "upsert", "UPDATE documents SET " + column + " = ?,"
                + " updated_at = " + db.dialect().now() + " WHERE id = ? AND removed_at IS NULL", v, id);
    }

    private static final String DOC_COLUMNS = "d.id, d.title, d.outlet, d.url, d.language, d.published, d.origin, d.format,"
            + " d.content_hash, d.text, (SELECT count(*) FROM passages p WHERE p.doc_id = d.id), d.created_at, d.updated_at, d.removed_at";

    private static StoredDocument document(ResultSet rs) throws SQLException {
        return new StoredDocument(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Lang.fromCode(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getInt(11), rs.getString(12), rs.getString(13), rs.getString(14));
    }

    public Optional<StoredDocument> get(String id) {
        return db.first("SELECT " + DOC_COLUMNS + " FROM documents d WHERE d.id = ?", DocumentStore::document, id);
    }

    /** Documents newest first; removed ones only when {@code includeRemoved}. */
    public List<StoredDocument> list(boolean includeRemoved) {
        String where = includeRemoved ? "" : " WHERE d.removed_at IS NULL";
        return db.query("SELECT " + DOC_COLUMNS + " FROM documents d" + where + " ORDER BY d.created_at DESC, d.id DESC",
                DocumentStore::document);
    }

    public int countActive() {
        return db.first("SELECT count(*) FROM documents WHERE removed_at IS NULL", rs -> rs.getInt(1)).orElseThrow();
    }

    /** The passages of an active document, in order; empty when it is removed or unknown. */
    public List<StoredPassage> passages(String docId) {
        return db.read(c -> passages(c, docId));
    }

    private static List<StoredPassage> passages(Connection c, String docId) throws SQLException {
        return Sql.query(c, "SELECT p.id, p.doc_id, p.ord, p.start, p.\"end\", p.text, p.heading, p.context, p.embedding, p.model"
                + " FROM passages p JOIN documents d ON d.id = p.doc_id WHERE p.doc_id = ? AND d.removed_at IS NULL ORDER BY p.ord",
                rs -> {
                    byte[] e = rs.getBytes(9);
                    return new StoredPassage(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), e == null ? null : toFloats(e), rs.getString(10));
                }, docId);
    }

    /** Ids of every active document, for a full rebuild of the index. */
    public List<String> activeIds() {
        return db.query("SELECT id FROM documents WHERE removed_at IS NULL ORDER BY id", rs -> rs.getString(1));
    }

    /** Replaces the embeddings of passages (by passage id), for a re-embedding with another model. */
    public void updateEmbeddings(List<StoredPassage> passages, List<float[]> embeddings, String model) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            rows.add(new Object[] {toBytes(embeddings.get(i)), model, passages.get(i).id()});
        }
        db.write(c -> {
            Sql.batch(c, "UPDATE passages SET embedding = ?, model = ? WHERE id = ?", rows);
            return null;
        });
    }

    public List<OutboxEntry> outboxAfter(long seq) {
        return db.query("SELECT seq, doc_id, op FROM outbox WHERE seq > ? ORDER BY seq",
                rs -> new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3)), seq);
    }

    public long lastOutboxSeq() {
        return db.first("SELECT coalesce(max(seq), 0) FROM outbox", rs -> rs.getLong(1)).orElseThrow();
    }

    /**
     * Deletes outbox entries this index has applied once they are older than {@link #OUTBOX_RETENTION}, keeping the
     * one at {@code appliedSeq}. Other replicas' indexes read the same outbox: one that lags by less than the retention
     * never misses an entry; one that lags more finds a gap ({@link #outboxGapAfter}) and rebuilds from the store.
     */
    public void pruneOutbox(long appliedSeq) {
        db.update("DELETE FROM outbox WHERE seq < ? AND created_at < ?", appliedSeq,
                Sql.timestamp(Instant.now().minus(OUTBOX_RETENTION)));
    }

    /**
     * Whether entries after {@code appliedSeq} were pruned before an index applied them: the oldest entry left is
     * past the next one. (On PostgreSQL a failed transaction can also skip a number; the cost of that false alarm is
     * one rebuild.)
     */
    public boolean outboxGapAfter(long appliedSeq) {
        long oldest = db.first("SELECT coalesce(min(seq), 0) FROM outbox", rs -> rs.getLong(1)).orElseThrow();
        return oldest > appliedSeq + 1;
    }

    static byte[] toBytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    static float[] toFloats(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bytes.length / 4];
        for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
        return v;
    }
}
