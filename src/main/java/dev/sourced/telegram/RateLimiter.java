package dev.sourced.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most {@code perMinute} questions per reader in any sliding minute. When a reader goes over, the first refused
 * question of the minute gets a polite message and the following ones are dropped silently, so a flood does not turn
 * into a flood of refusals.
 */
final class RateLimiter {
    /** The verdict on one question. */
    enum Verdict { ALLOW, REFUSE_WITH_NOTICE, REFUSE_SILENTLY }

    private static final long WINDOW_NANOS = Duration.ofMinutes(1).toNanos();
    private static final int SWEEP_EVERY = 10_000;

    private final int perMinute;
    private final LongSupplier nanoClock;
    private final Map<Long, Window> windows = new ConcurrentHashMap<>();
    private int calls;

    RateLimiter(int perMinute, LongSupplier nanoClock) {
        this.perMinute = perMinute;
        this.nanoClock = nanoClock;
    }

    RateLimiter(int perMinute) {
        this(perMinute, System::nanoTime);
    }

    Verdict check(long userId) {
        if (perMinute <= 0) {
            return Verdict.ALLOW;
        }
        long now = nanoClock.getAsLong();
        sweepSometimes(now);
        Window w = windows.computeIfAbsent(userId, k -> new Window());
        synchronized (w) {
            while (!w.times.isEmpty() && now - w.times.peekFirst() >= WINDOW_NANOS) {
                w.times.pollFirst();
            }
            if (w.times.size() < perMinute) {
                w.times.addLast(now);
                return Verdict.ALLOW;
            }
            if (w.noticeUntil == null || now - w.noticeUntil >= 0) {
                w.noticeUntil = now + WINDOW_NANOS;
                return Verdict.REFUSE_WITH_NOTICE;
            }
            return Verdict.REFUSE_SILENTLY;
        }
    }

    private void sweepSometimes(long now) {
        boolean sweep;
        synchronized (this) {
            sweep = ++calls % SWEEP_EVERY == 0;
        }
        if (sweep) {
            windows.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    Long last = e.getValue().times.peekLast();
                    return last == null || now - last >= WINDOW_NANOS;
                }
            });
        }
    }

    private static final class Window {
        final ArrayDeque<Long> times = new ArrayDeque<>();
        Long noticeUntil;
    }
}
