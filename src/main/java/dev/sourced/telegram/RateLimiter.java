package dev.sourced.telegram;

import dev.sourced.telegram.store.RateLedger;
import dev.sourced.telegram.store.RateLedger.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * At most {@code perMinute} questions per reader in any sliding minute. When a reader goes over, the first refused
 * question of the minute gets a polite message and the following ones are dropped silently, so a flood does not turn
 * into a flood of refusals. The readers' windows are kept in the store ({@link RateLedger}), so that every replica
 * applies the same limit to the same reader.
 */
final class RateLimiter {
    /** The verdict on one question. */
    enum Verdict { ALLOW, REFUSE_WITH_NOTICE, REFUSE_SILENTLY }

    private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();
    private static final int SWEEP_EVERY = 10_000;

    private final int perMinute;
    private final RateLedger ledger;
    private final LongSupplier millisClock;
    private final AtomicInteger calls = new AtomicInteger();

    RateLimiter(int perMinute, RateLedger ledger, LongSupplier millisClock) {
        this.perMinute = perMinute;
        this.ledger = ledger;
        this.millisClock = millisClock;
    }

    RateLimiter(int perMinute, RateLedger ledger) {
        this(perMinute, ledger, System::currentTimeMillis);
    }

    Verdict check(long userId) {
        if (perMinute <= 0) {
            return Verdict.ALLOW;
        }
        long now = millisClock.getAsLong();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            ledger.forgetBefore(now - WINDOW_MILLIS);
        }
        Verdict[] verdict = new Verdict[1];
        ledger.update(userId, w -> {
            List<Long> times = new ArrayList<>(w.times());
            times.removeIf(t -> now - t >= WINDOW_MILLIS);
            if (times.size() < perMinute) {
                times.add(now);
                verdict[0] = Verdict.ALLOW;
                return new Window(times, w.noticeUntil());
            }
            if (now >= w.noticeUntil()) {
                verdict[0] = Verdict.REFUSE_WITH_NOTICE;
                return new Window(times, now + WINDOW_MILLIS);
            }
            verdict[0] = Verdict.REFUSE_SILENTLY;
            return new Window(times, w.noticeUntil());
        });
        return verdict[0];
    }
}
