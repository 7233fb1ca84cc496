package dev.sourced.telegram;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/** Counters of the running bot and the reply latency inside it (update received → sendMessage issued). */
public final class BotMetrics {
    /** A consistent copy of the counters; latencies in milliseconds. */
    public record Snapshot(long updates, long questions, long answers, long ignored, long failures, long latencySamples,
                           double p50Ms, double p99Ms, double maxMs) {
    }

    private static final int MAX_SAMPLES = 1 << 20;

    private final LongAdder updates = new LongAdder();
    private final LongAdder questions = new LongAdder();
    private final LongAdder answers = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private long[] latenciesNanos = new long[1024];
    private int samples;

    void updateReceived() {
        updates.increment();
    }

    void questionReceived() {
        questions.increment();
    }

    void ignored() {
        ignored.increment();
    }

    void failed() {
        failures.increment();
    }

    /** An answer's first message is about to be sent, {@code nanos} after its update was received. */
    void answerIssued(long nanos) {
        answers.increment();
        synchronized (this) {
            if (samples == MAX_SAMPLES) {
                return;
            }
            if (samples == latenciesNanos.length) {
                latenciesNanos = Arrays.copyOf(latenciesNanos, samples * 2);
            }
            latenciesNanos[samples++] = nanos;
        }
    }

    /** Forgets the latencies measured so far (e.g. after a warm-up). */
    public synchronized void resetLatencies() {
        samples = 0;
    }

    public Snapshot snapshot() {
        long[] sorted;
        synchronized (this) {
            sorted = Arrays.copyOf(latenciesNanos, samples);
        }
        Arrays.sort(sorted);
        return new Snapshot(updates.sum(), questions.sum(), answers.sum(), ignored.sum(), failures.sum(), sorted.length,
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.clamp(i, 0, sorted.length - 1)] / 1e6;
    }
}
