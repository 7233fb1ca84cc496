package dev.sourced.telegram.store;

import dev.sourced.store.Database;
import dev.sourced.store.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Each reader's recent questions for the rate limit, in the shared store, so that a reader gets the same limit
 * whichever replica answers. A reader's row is read and rewritten in one transaction that locks it, so two replicas
 * counting the same reader's questions at once do not both let one through past the limit.
 */
public final class RateLedger {
    /** A reader's questions allowed in the window (epoch ms, oldest first) and until when a notice was given. */
    public record Window(List<Long> times, long noticeUntil) {
        public Window {
            times = List.copyOf(times);
        }
    }

    private final Database db;

    public RateLedger(Database db) {
        this.db = db;
    }

    /** Reads the reader's window, lets {@code change} decide its new state, stores it; returns the new state. */
    public Window update(long userId, UnaryOperator<Window> change) {
        return db.write(c -> {
            Sql.update(c, "INSERT INTO tg_rate(user_id) VALUES (?) ON CONFLICT DO NOTHING", userId);
            Window before = Sql.first(c, "SELECT times, notice_until FROM tg_rate WHERE user_id = ?"
                            + (db.dialect().skipLocked().isEmpty() ? "" : " FOR UPDATE"),
                    rs -> new Window(parse(rs.getString(1)), rs.getLong(2)), userId).orElseThrow();
            Window after = change.apply(before);
            long last = after.times().isEmpty() ? 0 : after.times().get(after.times().size() - 1);
            Sql.update(c, "UPDATE tg_rate SET times = ?, last_ms = ?, notice_until = ? WHERE user_id = ?",
                    format(after.times()), last, after.noticeUntil(), userId);
            return after;
        });
    }

    /** Forgets readers whose last question is older than {@code cutoffMillis}; returns how many. */
    public int forgetBefore(long cutoffMillis) {
        return db.update("DELETE FROM tg_rate WHERE last_ms < ? AND notice_until < ?", cutoffMillis, cutoffMillis);
    }

    private static List<Long> parse(String s) {
        List<Long> out = new ArrayList<>();
        if (s != null && !s.isBlank()) {
            for (String t : s.split(",")) {
                out.add(Long.parseLong(t));
            }
        }
        return out;
    }

    private static String format(List<Long> times) {
        StringBuilder sb = new StringBuilder();
        for (Long t : times) {
            if (!sb.isEmpty()) sb.append(',');
            sb.append(t);
        }
        return sb.toString();
    }
}
