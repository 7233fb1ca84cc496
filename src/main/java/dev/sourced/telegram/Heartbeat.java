package dev.sourced.telegram;

import dev.sourced.telegram.store.UpdateJournal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the bot last heard from Telegram (a successful getUpdates, or the webhook server being up). Kept in memory and
 * written to the store at most every {@link #PERSIST_EVERY}, so that a separate {@code health} command can read it.
 */
final class Heartbeat {
    static final String KEY_LAST_CONTACT = "last_contact";
    static final String KEY_MODE = "mode";
    static final Duration PERSIST_EVERY = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final UpdateJournal journal;
    private final Clock clock;
    private final AtomicReference<Instant> last = new AtomicReference<>();
    private final AtomicReference<Instant> persisted = new AtomicReference<>(Instant.EPOCH);

    Heartbeat(UpdateJournal journal, Clock clock, String mode) {
        this.journal = journal;
        this.clock = clock;
        journal.putStatus(KEY_MODE, mode);
    }

    void beat() {
        Instant now = clock.instant();
        last.set(now);
        Instant before = persisted.get();
        if (Duration.between(before, now).compareTo(PERSIST_EVERY) >= 0 && persisted.compareAndSet(before, now)) {
            try {
                journal.putStatus(KEY_LAST_CONTACT, now.toString());
            } catch (RuntimeException e) {
                LOG.warn("cannot record the heartbeat: {}", e.getMessage());
            }
        }
    }

    Optional<Instant> last() {
        return Optional.ofNullable(last.get());
    }
}
