package dev.sourced.telegram.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sourced.answer.Answer;
import dev.sourced.answer.Citation;
import dev.sourced.corpus.Lang;
import dev.sourced.store.Database;
import dev.sourced.store.Sql;
import dev.sourced.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Answers the Telegram bot sent, with their citations, and the readers' votes on them. Keeping the answer lets the
 * buttons under it (context, more sources, feedback) work after a restart, and lets a re-processed update send the very
 * same reply instead of asking again.
 */
public final class AnswerStore {
    /** An answer as sent in one chat for one update. */
    public record StoredAnswer(long id, long updateId, long chatId, Lang lang, String question, String body,
                               boolean abstained, List<Citation> citations) {
        public StoredAnswer {
            citations = List.copyOf(citations);
        }
    }

    /** The votes on one answer. */
    public record Votes(int up, int down) {
    }

    private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() {
    };
    private static final String SELECT = "SELECT id, update_id, chat_id, lang, question, body, abstained, citations"
            + " FROM tg_answers WHERE ";

    private final Database db;
    private final ObjectMapper json = new ObjectMapper();

    public AnswerStore(Database db) {
        this.db = db;
    }

    /** Stores the answer to update {@code updateId}; if one is already stored for it, that one is kept and returned. */
    public StoredAnswer save(long updateId, long chatId, Answer answer) {
        String citations = toJson(answer.citations());
        return db.write(c -> {
            Sql.update(c, "INSERT INTO tg_answers(update_id, chat_id, lang, question, body, abstained, citations)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", updateId, chatId, answer.lang().name(), answer.question(),
                    answer.text(), answer.abstained(), citations);
            return Sql.first(c, SELECT + "update_id = ?", this::answer, updateId).orElseThrow();
        });
    }

    public Optional<StoredAnswer> forUpdate(long updateId) {
        return db.first(SELECT + "update_id = ?", this::answer, updateId);
    }

    public Optional<StoredAnswer> byId(long answerId) {
        return db.first(SELECT + "id = ?", this::answer, answerId);
    }

    /** Records a reader's vote (+1 or -1) on an answer; a later vote replaces an earlier one. */
    public void vote(long answerId, long userId, int vote) {
        if (vote != 1 && vote != -1) {
            throw new IllegalArgumentException("a vote is +1 or -1, not " + vote);
        }
        db.update("INSERT INTO tg_feedback(answer_id, user_id, vote) VALUES (?, ?, ?)"
                + " ON CONFLICT(answer_id, user_id) DO UPDATE SET vote = excluded.vote,"
                + " created_at = " + db.dialect().now(), answerId, userId, vote);
    }

    public Votes votes(long answerId) {
        return db.first("SELECT coalesce(sum(CASE WHEN vote = 1 THEN 1 ELSE 0 END), 0), coalesce(sum(CASE WHEN vote = -1 THEN 1 ELSE 0 END), 0)"
                + " FROM tg_feedback WHERE answer_id = ?",
                rs -> new Votes(rs.getInt(1), rs.getInt(2)), answerId).orElseThrow();
    }

    private StoredAnswer answer(ResultSet rs) throws SQLException {
        return new StoredAnswer(rs.getLong(1), rs.getLong(2), rs.getLong(3), Lang.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getInt(7) == 1, fromJson(rs.getString(8)));
    }

    private String toJson(List<Citation> citations) {
        try {
            return json.writeValueAsString(citations);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot serialise citations: " + e.getOriginalMessage(), e);
        }
    }

    private List<Citation> fromJson(String text) {
        try {
            return json.readValue(text, CITATIONS);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored citations are unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
