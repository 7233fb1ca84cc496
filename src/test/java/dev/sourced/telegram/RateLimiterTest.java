package dev.sourced.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.telegram.RateLimiter.Verdict;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong clock = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(3, clock::get);

    @Test
    void aReaderOverTheLimitIsToldOnceThenIgnoredUntilTheMinuteHasPassed() {
        assertThat(limiter.check(1)).isEqualTo(Verdict.ALLOW);
        assertThat(limiter.check(1)).isEqualTo(Verdict.ALLOW);
        assertThat(limiter.check(1)).isEqualTo(Verdict.ALLOW);
        assertThat(limiter.check(1)).isEqualTo(Verdict.REFUSE_WITH_NOTICE);
        assertThat(limiter.check(1)).isEqualTo(Verdict.REFUSE_SILENTLY);
        assertThat(limiter.check(2)).isEqualTo(Verdict.ALLOW);

        clock.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(limiter.check(1)).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void zeroMeansNoLimit() {
        RateLimiter none = new RateLimiter(0, clock::get);
        for (int i = 0; i < 1000; i++) {
            assertThat(none.check(1)).isEqualTo(Verdict.ALLOW);
        }
    }
}
