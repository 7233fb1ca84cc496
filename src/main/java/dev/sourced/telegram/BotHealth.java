package dev.sourced.telegram;

import dev.sourced.answer.Answerer;
import dev.sourced.answer.CorpusView;
import dev.sourced.answer.DocumentSummary;
import dev.sourced.answer.Question;
import dev.sourced.store.Database;
import dev.sourced.telegram.store.UpdateJournal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether the bot works: updates come in (the last successful getUpdates, or the webhook server's last sign of life, is
 * recent) and the index answers (the corpus lists its documents and a trivial question gets an answer).
 *
 * @param mode            "polling" or "webhook", as last recorded
 * @param lastContact     when the bot last heard from Telegram; null if never
 * @param connectionAlive whether {@code lastContact} is recent enough
 * @param indexReadable   whether the corpus and index answered
 * @param documents       documents in the corpus
 * @param pendingUpdates  updates journaled and not yet done
 * @param problem         what is wrong, empty when healthy
 */
public record BotHealth(String mode, Instant lastContact, boolean connectionAlive, boolean indexReadable, int documents,
                        int pendingUpdates, String problem) {
    /** A long poll lasts at most 50 s; past this without a successful one, polling is stuck. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(90);

    public boolean healthy() {
        return connectionAlive && indexReadable;
    }

    /** One line for operators. */
    public String describe() {
        return (healthy() ? "OK" : "FAIL") + " mode=" + mode + " lastContact=" + (lastContact == null ? "never" : lastContact)
                + " documents=" + documents + " pendingUpdates=" + pendingUpdates + (problem.isEmpty() ? "" : " problem=" + problem);
    }

    /**
     * Checks from the store, as a separate process (the {@code health} command) can: the bot process records its
     * heartbeat there.
     */
    public static BotHealth check(Database db, Answerer answerer, CorpusView corpus, Clock clock) {
        return check(db, answerer, corpus, clock, true);
    }

    /**
     * As {@link #check(Database, Answerer, CorpusView, Clock)}; when no bot is configured ({@code botConfigured} false)
     * and none ever ran on this data, the Telegram connection is not required: a command-line-only setup is healthy
     * when its index answers.
     */
    public static BotHealth check(Database db, Answerer answerer, CorpusView corpus, Clock clock, boolean botConfigured) {
        UpdateJournal journal = new UpdateJournal(db);
        Optional<Instant> last = journal.status(Heartbeat.KEY_LAST_CONTACT).map(Instant::parse);
        if (!botConfigured && last.isEmpty()) {
            BotHealth h = assess("none", null, journal.pendingCount(), answerer, corpus, clock);
            return new BotHealth("none", null, true, h.indexReadable(), h.documents(), h.pendingUpdates(),
                    h.problem().replace("no contact with Telegram yet", "").replaceAll("^;\\s*", "").strip());
        }
        String mode = journal.status(Heartbeat.KEY_MODE).orElse("unknown");
        return assess(mode, last.orElse(null), journal.pendingCount(), answerer, corpus, clock);
    }

    static BotHealth assess(String mode, Instant lastContact, int pending, Answerer answerer, CorpusView corpus, Clock clock) {
        StringBuilder problem = new StringBuilder();
        boolean alive = lastContact != null && Duration.between(lastContact, clock.instant()).compareTo(STALE_AFTER) <= 0;
        if (!alive) {
            problem.append(lastContact == null ? "no contact with Telegram yet; " : "no contact with Telegram since " + lastContact + "; ");
        }
        int documents = 0;
        boolean readable;
        try {
            List<DocumentSummary> docs = corpus.documents();
            documents = docs.size();
            String probe = docs.isEmpty() || docs.get(0).title().isBlank() ? "news" : docs.get(0).title();
            answerer.ask(Question.of(probe));
            readable = documents > 0;
            if (!readable) {
                problem.append("the corpus is empty; ");
            }
        } catch (RuntimeException e) {
            readable = false;
            problem.append("the index cannot be read: ").append(e.getMessage()).append("; ");
        }
        return new BotHealth(mode, lastContact, alive, readable, documents, pending, problem.toString().replaceAll(";\\s*$", "").strip());
    }
}
