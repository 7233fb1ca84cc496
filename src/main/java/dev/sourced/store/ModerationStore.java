package dev.sourced.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM mod_roles WHERE user_id = ?")) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Appoints a moderator; false if they already were one. */
    public boolean grant(long userId, long grantedBy) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO mod_roles(user_id, granted_by) VALUES (?, ?)")) {
                ps.setLong(1, userId);
                ps.setLong(2, grantedBy);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Takes the moderator role away; false if they had none. */
    public boolean revoke(long userId) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM mod_roles WHERE user_id = ?")) {
                ps.setLong(1, userId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public List<Moderator> moderators() {
        return db.read(c -> {
            List<Moderator> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT user_id, granted_by, granted_at FROM mod_roles ORDER BY granted_at, user_id")) {
                while (rs.next()) out.add(new Moderator(rs.getLong(1), rs.getLong(2), rs.getString(3)));
            }
            return out;
        });
    }

    // ------------------------------------------------------------------ audit

    public void audit(long userId, long chatId, String action, String docId, String outcome, String detail) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO mod_audit(user_id, chat_id, action, doc_id, outcome, detail) VALUES (?,?,?,?,?,?)")) {
                ps.setLong(1, userId);
                ps.setLong(2, chatId);
                ps.setString(3, action);
                ps.setString(4, docId == null ? "" : docId);
                ps.setString(5, outcome);
                ps.setString(6, detail == null ? "" : detail.length() > 500 ? detail.substring(0, 500) : detail);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The latest {@code limit} entries, newest first. */
    public List<AuditEntry> latestAudit(int limit) {
        return db.read(c -> {
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, at, user_id, chat_id, action, doc_id, outcome, detail"
                    + " FROM mod_audit ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8)));
                    }
                }
            }
            return out;
        });
    }

    // ------------------------------------------------------------------ drafts

    /** Keeps a draft (its {@code id}, state and expiry are assigned here); returns it as stored. */
    public Draft saveDraft(Draft d) {
        String expires = clock.instant().plus(PENDING_LIFETIME).toString();
        long id = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO mod_pending(chat_id, user_id, doc_id, title, outlet, url,"
                    + " language, published, origin, format, text, notes, expires_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, d.chatId());
                ps.setLong(2, d.userId());
                ps.setString(3, d.docId());
                ps.setString(4, d.title());
                ps.setString(5, d.outlet());
                ps.setString(6, d.url());
                ps.setString(7, d.language());
                ps.setString(8, d.published());
                ps.setString(9, d.origin());
                ps.setString(10, d.format());
                ps.setString(11, d.text());
                ps.setString(12, d.notes());
                ps.setString(13, expires);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return draft(id).orElseThrow();
    }

    /** A draft by id, whatever its state; a pending draft past its expiry reads as expired ("expired"). */
    public Optional<Draft> draft(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, chat_id, user_id, doc_id, title, outlet, url, language,"
                    + " published, origin, format, text, notes, state, expires_at FROM mod_pending WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    String state = rs.getString(14);
                    String expires = rs.getString(15);
                    if (state.equals("pending") && Instant.parse(expires).isBefore(clock.instant())) {
                        state = "expired";
                    }
                    return Optional.of(new Draft(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getString(12), rs.getString(13), state, expires));
                }
            }
        });
    }

    /** Changes one metadata column of a pending draft. */
    public boolean updateDraft(long id, String column, String value) {
        if (!List.of("doc_id", "title", "outlet", "url", "language", "published").contains(column)) {
            throw new IllegalArgumentException("draft column " + column);
        }
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE mod_pending SET " + column + " = ? WHERE id = ? AND state = 'pending'"
                    + " AND expires_at >= ?")) {
                ps.setString(1, value);
                ps.setLong(2, id);
                ps.setString(3, clock.instant().toString());
                return ps.executeUpdate() > 0;
            }
        });
    }

    /**
     * Moves a pending, unexpired draft to {@code state} ("confirmed" or "cancelled"); false if it was not pending any
     * more (someone else confirmed or cancelled it, or it expired): a draft is acted on once.
     */
    public boolean close(long id, String state) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE mod_pending SET state = ? WHERE id = ? AND state = 'pending'"
                    + " AND expires_at >= ?")) {
                ps.setString(1, state);
                ps.setLong(2, id);
                ps.setString(3, clock.instant().toString());
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Puts a confirmed draft back to pending (its ingest failed), so that it can be corrected and confirmed again. */
    public void reopen(long id) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE mod_pending SET state = 'pending' WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Forgets drafts expired, confirmed or cancelled more than a day ago; returns how many. */
    public int pruneDrafts() {
        String cutoff = clock.instant().minus(Duration.ofDays(1)).toString();
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM mod_pending WHERE expires_at < ?")) {
                ps.setString(1, cutoff);
                return ps.executeUpdate();
            }
        });
    }
}
