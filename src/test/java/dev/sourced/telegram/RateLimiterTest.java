package dev.sourced.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.telegram.RateLimiter.Verdict;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import dev.sourced.store.Database;
import dev.sourced.telegram.store.BotTables;
import dev.sourced.telegram.store.RateLedger;
import java.nio.file.Path;

class RateLimiterTest {
    @TempDir
    Path dir;
    private final AtomicLong clock = new AtomicLong();
    private Database db;
    private RateLimiter limiter;

    @BeforeEach
    void open() {
        db = BotTables.open(dir.resolve("r.db"));
        limiter = new RateLimiter(3, new RateLedger(db), clock::get);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aReaderOverTheLimitIsToldOnceThenIgnoredUntilTheMinuteHasPassed() {
        assertThat(limiter.check(1)).isEqualTo(Verdict.ALLOW);
        assertThat(limiter.check(1)).isEqualTo(Verdict.ALLOW);
        assertThat(limiter.check(1)).isEqualTo(Verdict.ALLOW);
        assertThat(limiter.check(1)).isEqualTo(Verdict.REFUSE_WITH_NOTICE);
        assertThat(limiter.check(1)).isEqualTo(Verdict.REFUSE_SILENTLY);
        assertThat(limiter.check(2)).isEqualTo(Verdict.ALLOW);

        clock.addAndGet(Duration.ofSeconds(61).toMillis());
        assertThat(limiter.check(1)).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void zeroMeansNoLimit() {
        RateLimiter none = new RateLimiter(0, new RateLedger(db), clock::get);
        for (int i = 0; i < 1000; i++) {
            assertThat(none.check(1)).isEqualTo(Verdict.ALLOW);
        }
    }
}
