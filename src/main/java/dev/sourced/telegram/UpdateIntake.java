package dev.sourced.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sourced.telegram.store.UpdateJournal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Where updates come in, from long polling or the webhook: each is journaled before anything else, then queued on its
 * chat's serial queue. Runs on the caller's thread (the library's single polling thread, or a webhook request) and does
 * only that, quickly; answers are computed on the queues' executor. Never throws into the polling loop.
 */
final class UpdateIntake {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateIntake.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final UpdateJournal journal;
    private final ChatQueues queues;
    private final UpdateProcessor processor;
    private final BotMetrics metrics;
    private final ObjectMapper json = new ObjectMapper();

    UpdateIntake(UpdateJournal journal, ChatQueues queues, UpdateProcessor processor, BotMetrics metrics) {
        this.journal = journal;
        this.queues = queues;
        this.processor = processor;
        this.metrics = metrics;
    }

    /**
     * Updates from a getUpdates call. Updates already journaled (pending or done) are not processed again. Returns only
     * once they are journaled: until then the library does not poll again, so Telegram keeps them unconfirmed. If the
     * store refuses, journaling is retried (with a growing pause) until it works or the bot stops.
     */
    void accept(List<Update> updates) {
        try {
            long now = System.nanoTime();
            Map<Long, Update> byId = new HashMap<>();
            List<UpdateJournal.Incoming> records = new ArrayList<>(updates.size());
            for (Update u : updates) {
                metrics.updateReceived();
                byId.put(u.getUpdateId().longValue(), u);
                records.add(new UpdateJournal.Incoming(u.getUpdateId(), UpdateClassifier.chatIdOf(u), json.writeValueAsString(u)));
            }
            for (UpdateJournal.Entry e : recordPatiently(records)) {
                dispatch(e, byId.get(e.updateId()), now);
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
                if (queues.stopping()) {
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
        fresh.forEach(e -> dispatch(e, u, now));
        return true;
    }

    /** Queues the updates journaled but not done by an earlier run; returns how many. */
    int recover() {
        List<UpdateJournal.Entry> pending = journal.pending();
        for (UpdateJournal.Entry e : pending) {
            try {
                dispatch(e, json.readValue(e.payload(), Update.class), -1);
            } catch (JsonProcessingException ex) {
                LOG.error("journaled update {} is unreadable; dropped", e.updateId(), ex);
                journal.done(e.updateId(), "unreadable");
            }
        }
        if (!pending.isEmpty()) {
            LOG.info("re-processing {} updates left pending by the previous run", pending.size());
        }
        return pending.size();
    }

    private void dispatch(UpdateJournal.Entry e, Update u, long receivedNanos) {
        if (!queues.submit(e.chatId(), () -> processor.process(e, u, receivedNanos))) {
            LOG.debug("stopping: update {} stays pending", e.updateId());
        }
    }
}
