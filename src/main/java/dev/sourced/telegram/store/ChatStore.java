package dev.sourced.telegram.store;

import dev.sourced.store.Database;
import dev.sourced.store.Sql;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Telegram chats: whether the bot may still write to them, and the recent questions of each conversation (the context
 * of a follow-up).
 */
public final class ChatStore {
    private final Database db;
    /** Chats known to be active, so that the common case costs no write. */
    private final Set<Long> knownActive = ConcurrentHashMap.newKeySet();

    public ChatStore(Database db) {
        this.db = db;
    }

    /** Notes that the chat wrote to the bot: it is active (again). */
    public void markActive(long chatId, String type) {
        if (knownActive.contains(chatId)) {
            return;
        }
        db.update("INSERT INTO tg_chats(chat_id, type, active) VALUES (?, ?, 1)"
                + " ON CONFLICT(chat_id) DO UPDATE SET active = 1, type = excluded.type,"
                + " updated_at = " + db.dialect().now(), chatId, type == null ? "" : type);
        knownActive.add(chatId);
    }

    /** Notes that Telegram refused to deliver to the chat (the bot was blocked or removed). */
    public void markInactive(long chatId) {
        knownActive.remove(chatId);
        db.update("INSERT INTO tg_chats(chat_id, active) VALUES (?, 0)"
                + " ON CONFLICT(chat_id) DO UPDATE SET active = 0, updated_at = " + db.dialect().now(), chatId);
    }

    /** Whether the bot may write to the chat; unknown chats are active. */
    public boolean isActive(long chatId) {
        return db.first("SELECT active FROM tg_chats WHERE chat_id = ?", rs -> rs.getInt(1) == 1, chatId).orElse(true);
    }

    /** The last {@code max} questions of the chat asked before update {@code beforeUpdateId}, oldest first. */
    public List<String> recentQuestions(long chatId, long beforeUpdateId, int max) {
        List<String> questions = new ArrayList<>(db.query("SELECT question FROM tg_turns WHERE chat_id = ? AND update_id < ?"
                + " ORDER BY id DESC LIMIT ?", rs -> rs.getString(1), chatId, beforeUpdateId, max));
        Collections.reverse(questions);
        return questions;
    }

    /** Adds a question to the chat's conversation (once per update) and keeps only the last {@code keep}. */
    public void addTurn(long chatId, long updateId, String question, int keep) {
        db.write(c -> {
            Sql.update(c, "INSERT INTO tg_turns(chat_id, update_id, question) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", chatId, updateId, question);
            return Sql.update(c, "DELETE FROM tg_turns WHERE chat_id = ? AND id NOT IN"
                    + " (SELECT id FROM tg_turns WHERE chat_id = ? ORDER BY id DESC LIMIT ?)", chatId, chatId, keep);
        });
    }

    /** Forgets the chat's conversation. */
    public void clearTurns(long chatId) {
        db.update("DELETE FROM tg_turns WHERE chat_id = ?", chatId);
    }
}
