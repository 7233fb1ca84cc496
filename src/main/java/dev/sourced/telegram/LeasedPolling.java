package dev.sourced.telegram;

import dev.sourced.telegram.store.Leases;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling by one replica at a time: Telegram gives each bot one getUpdates stream, so the replicas elect the one
 * that polls through a lease in the shared store ({@value #LEASE}). The holder polls and renews the lease every
 * {@link #RENEW_EVERY}; the others stand by and try to take the lease at the same pace, which they get once it lapses
 * ({@link #TTL} after its holder stopped renewing). Every replica answers, whoever polls. A holder that cannot renew
 * (the store is unreachable) stops polling before its lease can lapse, so two replicas never poll at once for long.
 */
final class LeasedPolling implements Connection {
    static final String LEASE = Leases.POLLER;
    static final Duration TTL = Duration.ofSeconds(15);
    static final Duration RENEW_EVERY = Duration.ofSeconds(4);
    private static final Logger LOG = LoggerFactory.getLogger(LeasedPolling.class);

    private final Leases leases;
    private final String replica;
    private final Supplier<Connection> newPoller;
    private final ScheduledExecutorService elections =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("telegram-poller-lease").daemon(true).factory());
    private Connection poller;
    private long renewedAt;
    private volatile boolean closed;

    LeasedPolling(Leases leases, String replica, Supplier<Connection> newPoller) {
        this.leases = leases;
        this.replica = replica;
        this.newPoller = newPoller;
    }

    /** Takes the lease at once if it is free (a lone replica polls without delay), then keeps at it. */
    @Override
    public void start() throws Exception {
        elect();
        elections.scheduleWithFixedDelay(() -> {
            try {
                elect();
            } catch (Exception e) {
                LOG.warn("poller lease: {}", e.getMessage());
            }
        }, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void elect() throws Exception {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        boolean mine;
        try {
            mine = leases.acquire(LEASE, replica, TTL);
        } catch (RuntimeException e) {
            // the store is unreachable: keep polling only while the lease last renewed certainly still holds
            mine = poller != null && now - renewedAt < TTL.minus(RENEW_EVERY).toNanos();
            LOG.warn("cannot renew the poller lease: {}{}", e.getMessage(), mine ? "" : "; stopping polling");
        }
        if (mine) {
            renewedAt = now;
        }
        if (mine && poller == null) {
            Connection p = newPoller.get();
            p.start();
            poller = p;
            LOG.info("replica {} holds the poller lease and polls Telegram", replica);
        } else if (!mine && poller != null) {
            poller.close();
            poller = null;
            LOG.info("replica {} no longer holds the poller lease; it stops polling and keeps answering", replica);
        }
    }

    /** Whether this replica polls now. */
    synchronized boolean holdsLease() {
        return poller != null;
    }

    @Override
    public String mode() {
        return "polling";
    }

    /** Polling works here, or this replica stands by for the lease (another replica polls). */
    @Override
    public synchronized boolean running() {
        return !closed && (poller == null || poller.running());
    }

    /** Stops polling and gives the lease up, so that another replica polls at once. */
    @Override
    public void close() {
        closed = true;
        elections.shutdownNow();
        synchronized (this) {
            if (poller != null) {
                poller.close();
                poller = null;
                try {
                    leases.release(LEASE, replica);
                } catch (RuntimeException e) {
                    LOG.warn("cannot give up the poller lease ({}); it lapses in {} s", e.getMessage(), TTL.toSeconds());
                }
            }
        }
    }
}
