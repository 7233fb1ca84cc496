package dev.sourced.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sourced.telegram.store.UpdateJournal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Where updates come in, from long polling or the webhook: each is journaled before anything else, and that is all;
 * the workers of whichever replica claims it ({@link UpdateClaims}) answer it, this replica's being woken at once.
 * Runs on the caller's thread (the library's single polling thread, or a webhook request), quickly. Never throws into
 * the polling loop.
 */
final class UpdateIntake {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateIntake.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final UpdateJournal journal;
    private final UpdateClaims claims;
    private final BotMetrics metrics;
    private final BooleanSupplier stopping;
    private final ObjectMapper json = new ObjectMapper();

    UpdateIntake(UpdateJournal journal, UpdateClaims claims, BotMetrics metrics, BooleanSupplier stopping) {
        this.journal = journal;
        this.claims = claims;
        this.metrics = metrics;
        this.stopping = stopping;
    }

    /**
     * Updates from a getUpdates call. Updates already journaled (pending or done) are not processed again. Returns only
     * once they are journaled: until then the library does not poll again, so Telegram keeps them unconfirmed. If the
     * store refuses, journaling is retried (with a growing pause) until it works or the bot stops.
     */
    void accept(List<Update> updates) {
        try {
            long now = System.nanoTime();
            List<UpdateJournal.Incoming> records = new ArrayList<>(updates.size());
            for (Update u : updates) {
                metrics.updateReceived();
                records.add(new UpdateJournal.Incoming(u.getUpdateId(), UpdateClassifier.chatIdOf(u), json.writeValueAsString(u)));
            }
            for (UpdateJournal.Entry e : recordPatiently(records)) {
                claims.arrived(e.updateId(), now);
            }
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.error("cannot take {} updates in; Telegram will send them again after a restart", updates.size(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("stopping: {} updates not journaled; Telegram will send them again", updates.size());
        }
    }

    private List<UpdateJournal.Entry> recordPatiently(List<UpdateJournal.Incoming> records) throws InterruptedException {
        long pause = FIRST_RETRY.toMillis();
        while (true) {
            try {
                return journal.record(records);
            } catch (RuntimeException e) {
                if (stopping.getAsBoolean()) {
                    throw e;
                }
                LOG.error("cannot journal {} updates ({}); retrying in {} ms", records.size(), e.getMessage(), pause);
                Thread.sleep(pause);
                pause = Math.min(pause * 2, MAX_RETRY.toMillis());
            }
        }
    }

    /**
     * An update posted to the webhook. Returns once it is journaled (so Telegram may forget it); false if the body is
     * not an update. Throws if it cannot be journaled, so that the webhook answers an error and Telegram retries.
     */
    boolean acceptJson(String body) {
        long now = System.nanoTime();
        Update u;
        try {
            u = json.readValue(body, Update.class);
        } catch (JsonProcessingException e) {
            return false;
        }
        if (u.getUpdateId() == null) {
            return false;
        }
        metrics.updateReceived();
        List<UpdateJournal.Entry> fresh = journal.record(List.of(
                new UpdateJournal.Incoming(u.getUpdateId(), UpdateClassifier.chatIdOf(u), body)));
        fresh.forEach(e -> claims.arrived(e.updateId(), now));
        return true;
    }
}
