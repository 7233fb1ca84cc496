package dev.sourced.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.store.Database;
import dev.sourced.store.Dialect;
import dev.sourced.store.TestStores;
import dev.sourced.telegram.RateLimiter.Verdict;
import dev.sourced.telegram.store.Leases;
import dev.sourced.telegram.store.RateLedger;
import dev.sourced.telegram.store.UpdateJournal;
import dev.sourced.telegram.store.UpdateJournal.Entry;
import dev.sourced.telegram.store.UpdateJournal.Incoming;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What replicas share through the store, on SQLite and on PostgreSQL: claims on journaled updates (each chat in order,
 * never one update to two replicas, taken over after a lapsed lease), the poller lease, and the readers' rate limit.
 * Each replica here is its own {@link Database} (its own connections) on the same database, as separate processes are.
 */
class ReplicaCoordinationTest {
    private static final Duration LONG = Duration.ofMinutes(1);

    @TempDir
    Path dir;
    private final List<Database> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(Database::close);
    }

    private List<Database> replicas(Dialect dialect, int n) {
        TestStores.Location at = TestStores.fresh(dialect, dir);
        for (int i = 0; i < n; i++) {
            open.add(at.openWithBotTables());
        }
        return open;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void onlyTheOldestPendingUpdateOfAChatCanBeClaimedAndTheNextOnceItIsDone(Dialect dialect) {
        Database db = replicas(dialect, 1).get(0);
        UpdateJournal a = new UpdateJournal(db, "a");
        a.record(List.of(new Incoming(1, 10, "{}"), new Incoming(2, 10, "{}"), new Incoming(3, 20, "{}")));

        assertThat(a.claim(LONG, 10)).extracting(Entry::updateId).containsExactly(1L, 3L);
        assertThat(a.claim(LONG, 10)).isEmpty();
        a.done(1, "answered");
        assertThat(a.claim(LONG, 10)).extracting(Entry::updateId).containsExactly(2L);
        assertThat(a.claimedBy(2)).contains("a");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void concurrentClaimersNeverGetTheSameUpdate(Dialect dialect) throws Exception {
        List<Database> dbs = replicas(dialect, 3);
        List<Incoming> updates = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            updates.add(new Incoming(i, i, "{}")); // 300 chats, one update each: all claimable at once
        }
        new UpdateJournal(dbs.get(0), "r0").record(updates);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<Long>>> claimed = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                UpdateJournal j = new UpdateJournal(dbs.get(r), "r" + r);
                claimed.add(pool.submit((Callable<List<Long>>) () -> {
                    List<Long> mine = new ArrayList<>();
                    List<Entry> got;
                    while (!(got = j.claim(LONG, 7)).isEmpty()) {
                        got.forEach(e -> mine.add(e.updateId()));
                    }
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : claimed) all.addAll(f.get());
            assertThat(all).hasSize(300).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aClaimWhoseLeaseLapsedIsTakenOverAndAReleasedOneAtOnce(Dialect dialect) throws Exception {
        List<Database> dbs = replicas(dialect, 2);
        UpdateJournal a = new UpdateJournal(dbs.get(0), "a");
        UpdateJournal b = new UpdateJournal(dbs.get(1), "b");
        a.record(List.of(new Incoming(1, 10, "{}"), new Incoming(2, 20, "{}")));
        assertThat(a.claim(Duration.ofMillis(300), 1)).extracting(Entry::updateId).containsExactly(1L);
        assertThat(a.claim(LONG, 1)).extracting(Entry::updateId).containsExactly(2L);
        assertThat(b.claim(LONG, 10)).isEmpty();

        Thread.sleep(500); // a's first claim lapses: a died, say
        assertThat(b.claim(LONG, 10)).extracting(Entry::updateId).containsExactly(1L);
        assertThat(a.holds(1)).isFalse();
        assertThat(b.holds(1)).isTrue();

        assertThat(a.releaseClaims()).isEqualTo(1); // a stops: its other claim is given back
        assertThat(b.claim(LONG, 10)).extracting(Entry::updateId).containsExactly(2L);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aRenewedClaimIsNotTakenOver(Dialect dialect) throws Exception {
        List<Database> dbs = replicas(dialect, 2);
        UpdateJournal a = new UpdateJournal(dbs.get(0), "a");
        UpdateJournal b = new UpdateJournal(dbs.get(1), "b");
        a.record(List.of(new Incoming(1, 10, "{}")));
        a.claim(Duration.ofMillis(400), 1);
        Thread.sleep(200);
        a.renewClaims(List.of(1L), LONG);
        Thread.sleep(400);
        assertThat(b.claim(LONG, 10)).isEmpty();
        assertThat(a.holds(1)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void onePollerHoldsTheLeaseUntilItLapsesOrIsGivenUp(Dialect dialect) throws Exception {
        List<Database> dbs = replicas(dialect, 2);
        Leases a = new Leases(dbs.get(0));
        Leases b = new Leases(dbs.get(1));
        assertThat(a.acquire("poller", "a", Duration.ofMillis(400))).isTrue();
        assertThat(b.acquire("poller", "b", LONG)).isFalse();
        assertThat(a.acquire("poller", "a", Duration.ofMillis(400))).isTrue(); // renewed
        assertThat(b.holder("poller")).contains(new Leases.Holder("a", true));

        Thread.sleep(600);
        assertThat(b.holder("poller")).contains(new Leases.Holder("a", false));
        assertThat(b.acquire("poller", "b", LONG)).isTrue();
        assertThat(a.acquire("poller", "a", LONG)).isFalse();
        b.release("poller", "b");
        assertThat(a.acquire("poller", "a", LONG)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aReaderGetsTheSameLimitWhicheverReplicaAnswers(Dialect dialect) throws Exception {
        List<Database> dbs = replicas(dialect, 3);
        AtomicLong clock = new AtomicLong(1_000_000);
        List<RateLimiter> limiters = dbs.stream().map(db -> new RateLimiter(5, new RateLedger(db), clock::get)).toList();
        // 3 replicas check the same reader 30 times at once: exactly 5 pass, one refusal carries the notice
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Verdict>> verdicts = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                RateLimiter l = limiters.get(i % 3);
                verdicts.add(pool.submit(() -> l.check(7)));
            }
            List<Verdict> got = new ArrayList<>();
            for (Future<Verdict> f : verdicts) got.add(f.get());
            assertThat(Collections.frequency(got, Verdict.ALLOW)).isEqualTo(5);
            assertThat(Collections.frequency(got, Verdict.REFUSE_WITH_NOTICE)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(limiters.get(0).check(8)).isEqualTo(Verdict.ALLOW);
        clock.addAndGet(Duration.ofSeconds(61).toMillis());
        assertThat(limiters.get(1).check(7)).isEqualTo(Verdict.ALLOW);
    }
}
