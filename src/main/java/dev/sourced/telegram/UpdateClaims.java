package dev.sourced.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sourced.telegram.store.UpdateJournal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * This replica's workers' share of the journal: claims pending updates ({@link UpdateJournal#claim}), each the oldest
 * pending update of its chat, and hands each to its chat's queue; renews the leases of those under way; gives them
 * back when it stops. Intake only records updates and wakes this loop, so that any replica may answer what another
 * received, and a replica that dies leaves its updates to the others once their leases lapse.
 */
final class UpdateClaims implements AutoCloseable {
    /** How long a claim holds without renewal: how soon another replica takes over the updates of a dead one. */
    static final Duration LEASE = Duration.ofSeconds(15);
    static final Duration RENEW_EVERY = Duration.ofSeconds(5);
    /** How often the journal is looked at when nothing wakes the loop (updates another replica received). */
    static final Duration LOOK_EVERY = Duration.ofMillis(250);
    /** At most this many updates under way here, so that replicas share a burst rather than one claiming it all. */
    static final int IN_FLIGHT = Integer.getInteger("sourced.claimsInFlight", 32);
    private static final Logger LOG = LoggerFactory.getLogger(UpdateClaims.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    private final UpdateJournal journal;
    private final ChatQueues queues;
    private final UpdateProcessor processor;
    private final ObjectMapper json = new ObjectMapper();
    private final Semaphore wake = new Semaphore(0);
    /** Updates under way here, with when they arrived here ({@link System#nanoTime()}; -1 if another replica took them in). */
    private final Map<Long, Long> underWay = new ConcurrentHashMap<>();
    private final Map<Long, Long> arrived = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("telegram-claims-renew").daemon(true).factory());
    private final Thread loop;
    private volatile boolean stopping;

    UpdateClaims(UpdateJournal journal, ChatQueues queues, UpdateProcessor processor) {
        this.journal = journal;
        this.queues = queues;
        this.processor = processor;
        this.loop = Thread.ofPlatform().name("telegram-claims").daemon(true).unstarted(this::run);
    }

    /**
     * Takes back the claims an earlier run of this replica left (it crashed or was killed), so they are answered now
     * rather than after their lease, then starts claiming.
     */
    void start() {
        int mine = journal.releaseClaims();
        if (mine > 0) {
            LOG.info("{} updates claimed by this replica's previous run are pending again", mine);
        }
        renewer.scheduleWithFixedDelay(this::renew, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        loop.start();
    }

    /** An update this replica recorded just now: noted for the latency metric, and the loop looks at once. */
    void arrived(long updateId, long receivedNanos) {
        arrived.put(updateId, receivedNanos);
        wake();
    }

    void wake() {
        wake.release();
    }

    private void run() {
        long pause = LOOK_EVERY.toMillis();
        while (!stopping) {
            try {
                int room = IN_FLIGHT - underWay.size();
                List<UpdateJournal.Entry> got = room > 0 ? journal.claim(LEASE, room) : List.of();
                got.forEach(this::dispatch);
                pause = LOOK_EVERY.toMillis();
                if (got.isEmpty()) {
                    wake.tryAcquire(LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("cannot claim updates ({}); trying again in {} ms", e.getMessage(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    return;
                }
                pause = Math.min(pause * 2, MAX_PAUSE.toMillis());
            }
        }
    }

    private void dispatch(UpdateJournal.Entry e) {
        Update update;
        try {
            update = json.readValue(e.payload(), Update.class);
        } catch (JsonProcessingException ex) {
            LOG.error("journaled update {} is unreadable; dropped", e.updateId(), ex);
            journal.done(e.updateId(), "unreadable");
            return;
        }
        long receivedNanos = arrived.getOrDefault(e.updateId(), -1L);
        if (underWay.putIfAbsent(e.updateId(), receivedNanos) != null) {
            return; // still under way here: its claim lapsed during a long pause and this replica took it again
        }
        boolean queued = queues.submit(e.chatId(), () -> {
            try {
                processor.process(e, update, receivedNanos);
            } finally {
                underWay.remove(e.updateId());
                arrived.remove(e.updateId());
                wake(); // the chat's next update, if any, can be claimed now
            }
        });
        if (!queued) {
            underWay.remove(e.updateId()); // stopping: it stays pending, given back by close()
        }
    }

    private void renew() {
        try {
            if (!underWay.isEmpty()) {
                journal.renewClaims(List.copyOf(underWay.keySet()), LEASE);
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot renew the claims on {} updates: {}", underWay.size(), e.getMessage());
        }
    }

    /** Stops claiming; the caller stops the chat queues, then {@link #release()} gives back what is left. */
    void stopClaiming() {
        stopping = true;
        wake();
        try {
            loop.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Gives the pending updates this replica still holds back to the journal, for the other replicas or the next run. */
    void release() {
        renewer.shutdownNow();
        try {
            int n = journal.releaseClaims();
            if (n > 0) {
                LOG.info("gave back {} unfinished updates", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot give back the claimed updates ({}); they are taken over when their lease lapses", e.getMessage());
        }
    }

    @Override
    public void close() {
        stopClaiming();
        release();
    }
}
