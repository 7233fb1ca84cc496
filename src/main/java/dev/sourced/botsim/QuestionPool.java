package dev.sourced.botsim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The questions simulated readers ask, handed out in order, each once; once all were handed out the pool starts over,
 * and every question handed out again counts as a repeat. Thread-safe.
 */
final class QuestionPool {
    private final List<String> questions;
    private final AtomicLong handedOut = new AtomicLong();

    /** {@code questions} without blanks and duplicates (as the answerer compares them: without surrounding space). */
    QuestionPool(List<String> questions) {
        this.questions = distinct(questions);
        if (this.questions.isEmpty()) {
            throw new IllegalArgumentException("no question to ask");
        }
    }

    static List<String> distinct(List<String> questions) {
        Set<String> out = new LinkedHashSet<>();
        for (String q : questions) {
            if (!q.isBlank()) out.add(q.strip());
        }
        return new ArrayList<>(out);
    }

    String next() {
        return questions.get((int) (handedOut.getAndIncrement() % questions.size()));
    }

    /** Distinct questions in the pool. */
    int size() {
        return questions.size();
    }

    /** Questions not handed out yet. */
    long remaining() {
        return Math.max(0, questions.size() - handedOut.get());
    }

    /**
     * How long questions can arrive at {@code rate} per second, at most {@code wanted}, before one would be asked again.
     */
    Duration pacedFor(double rate, Duration wanted) {
        Duration left = Duration.ofMillis((long) Math.floor(remaining() * 1000 / rate));
        return left.compareTo(wanted) < 0 ? left : wanted;
    }

    /** Questions handed out that had been handed out before. */
    long repeats() {
        return Math.max(0, handedOut.get() - questions.size());
    }
}
