package dev.sourced.telegram.store;

import dev.sourced.store.Database;
import dev.sourced.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Moderation in SQLite (migration V003): the moderators appointed by admins, the audit trail of every moderator action
 * (and of refused attempts), and the documents previewed but not yet confirmed.
 */
public final class ModerationStore {
    /** How long a preview waits for its confirmation. */
    public static final Duration PENDING_LIFETIME = Duration.ofHours(24);

    /** A moderator, who appointed them and when. */
    public record Moderator(long userId, long grantedBy, String grantedAt) {
    }

    /** One line of the audit trail. {@code outcome} is "ok", "refused" or "failed". */
    public record AuditEntry(long id, String at, long userId, long chatId, String action, String docId, String outcome,
                             String detail) {
    }

    /**
     * A document read and previewed, waiting for a moderator's confirmation: its metadata, format and extracted text,
     * and notes for the preview (such as a cut text).
     */
    public record Draft(long id, long chatId, long userId, String docId, String title, String outlet, String url,
                        String language, String published, String origin, String format, String text, String notes,
                        String state, String expiresAt) {
        public boolean pending() {
            return "pending".equals(state);
        }

        public Draft withField(String column, String value) {
            return switch (column) {
                case "doc_id" -> new Draft(id, chatId, userId, value, title, outlet, url, language, published, origin, format, text, notes, state, expiresAt);
                case "title" -> new Draft(id, chatId, userId, docId, value, outlet, url, language, published, origin, format, text, notes, state, expiresAt);
                case "outlet" -> new Draft(id, chatId, userId, docId, title, value, url, language, published, origin, format, text, notes, state, expiresAt);
                case "url" -> new Draft(id, chatId, userId, docId, title, outlet, value, language, published, origin, format, text, notes, state, expiresAt);
                case "language" -> new Draft(id, chatId, userId, docId, title, outlet, url, value, published, origin, format, text, notes, state, expiresAt);
                case "published" -> new Draft(id, chatId, userId, docId, title, outlet, url, language, value, origin, format, text, notes, state, expiresAt);
                default -> throw new IllegalArgumentException("draft column " + column);
            };
        }
    }

    private final Database db;
    private final Clock clock;

    public ModerationStore(Database db) {
        this(db, Clock.systemUTC());
    }

    public ModerationStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ roles

    public boolean isModerator(long userId) {
        return db.first("SELECT 1 FROM mod_roles WHERE user_id = ?", rs -> true, userId).isPresent();
    }

    /** Appoints a moderator; false if they already were one. */
    public boolean grant(long userId, long grantedBy) {
        return db.update("INSERT INTO mod_roles(user_id, granted_by) VALUES (?, ?) ON CONFLICT DO NOTHING", userId, grantedBy) > 0;
    }

    /** Takes the moderator role away; false if they had none. */
    public boolean revoke(long userId) {
        return db.update("DELETE FROM mod_roles WHERE user_id = ?", userId) > 0;
    }

    public List<Moderator> moderators() {
        return db.query("SELECT user_id, granted_by, granted_at FROM mod_roles ORDER BY granted_at, user_id",
                rs -> new Moderator(rs.getLong(1), rs.getLong(2), rs.getString(3)));
    }

    // ------------------------------------------------------------------ audit

    public void audit(long userId, long chatId, String action, String docId, String outcome, String detail) {
        db.update("INSERT INTO mod_audit(user_id, chat_id, action, doc_id, outcome, detail) VALUES (?,?,?,?,?,?)",
                userId, chatId, action, docId == null ? "" : docId, outcome,
                detail == null ? "" : detail.length() > 500 ? detail.substring(0, 500) : detail);
    }

    /** The latest {@code limit} entries, newest first. */
    public List<AuditEntry> latestAudit(int limit) {
        return db.query("SELECT id, at, user_id, chat_id, action, doc_id, outcome, detail FROM mod_audit ORDER BY id DESC LIMIT ?",
                rs -> new AuditEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)), limit);
    }

    // ------------------------------------------------------------------ drafts

    /** Keeps a draft (its {@code id}, state and expiry are assigned here); returns it as stored. */
    public Draft saveDraft(Draft d) {
        String expires = Sql.timestamp(clock.instant().plus(PENDING_LIFETIME));
        long id = db.write(c -> Sql.insert(c, "INSERT INTO mod_pending(chat_id, user_id, doc_id, title, outlet, url,"
                        + " language, published, origin, format, text, notes, expires_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                d.chatId(), d.userId(), d.docId(), d.title(), d.outlet(), d.url(), d.language(), d.published(), d.origin(),
                d.format(), d.text(), d.notes(), expires));
        return draft(id).orElseThrow();
    }

    /** A draft by id, whatever its state; a pending draft past its expiry reads as expired ("expired"). */
    public Optional<Draft> draft(long id) {
        return db.first("SELECT id, chat_id, user_id, doc_id, title, outlet, url, language, published, origin, format, text,"
                + " notes, state, expires_at FROM mod_pending WHERE id = ?", this::draft, id);
    }

    private Draft draft(ResultSet rs) throws SQLException {
        String state = rs.getString(14);
        String expires = rs.getString(15);
        if (state.equals("pending") && Instant.parse(expires).isBefore(clock.instant())) {
            state = "expired";
        }
        return new Draft(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getString(13), state, expires);
    }

    /** Changes one metadata column of a pending draft. */
    public boolean updateDraft(long id, String column, String value) {
        if (!List.of("doc_id", "title", "outlet", "url", "language", "published").contains(column)) {
            throw new IllegalArgumentException("draft column " + column);
        }
        return db.update("UPDATE mod_pending SET " + column + " = ? WHERE id = ? AND state = 'pending' AND expires_at >= ?",
                value, id, Sql.timestamp(clock.instant())) > 0;
    }

    /**
     * Moves a pending, unexpired draft to {@code state} ("confirmed" or "cancelled"); false if it was not pending any
     * more (someone else confirmed or cancelled it, or it expired): a draft is acted on once.
     */
    public boolean close(long id, String state) {
        return db.update("UPDATE mod_pending SET state = ? WHERE id = ? AND state = 'pending' AND expires_at >= ?",
                state, id, Sql.timestamp(clock.instant())) > 0;
    }

    /** Puts a confirmed draft back to pending (its ingest failed), so that it can be corrected and confirmed again. */
    public void reopen(long id) {
        db.update("UPDATE mod_pending SET state = 'pending' WHERE id = ?", id);
    }

    /** Forgets drafts expired, confirmed or cancelled more than a day ago; returns how many. */
    public int pruneDrafts() {
        return db.update("DELETE FROM mod_pending WHERE expires_at < ?", Sql.timestamp(clock.instant().minus(Duration.ofDays(1))));
    }
}
