package dev.sourced.botsim;

import dev.sourced.botsim.LocalBotApiServer.SentMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bot's replies as the readers see them: for each question (by message id), when it was posted to the local Bot
 * API server, when the first sendMessage replying to it reached the server, and how many replies it got.
 */
final class Replies {
    private final Map<Integer, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
    private final Map<Integer, Long> posted = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicLong lastReply = new AtomicLong();

    /** Message {@code messageId}, posted at {@code postedNanos} ({@link System#nanoTime()}), awaits its reply. */
    synchronized void expect(int messageId, long postedNanos) {
        posted.put(messageId, postedNanos);
        waiting.put(messageId, new CompletableFuture<>());
    }

    /** A message the bot sent; a reply to a question completes it. Called on the server's request threads. */
    void received(SentMessage m) {
        if (m.replyTo() == null) {
            return;
        }
        long now = System.nanoTime();
        lastReply.accumulateAndGet(now, Math::max);
        counts.computeIfAbsent(m.replyTo(), k -> new AtomicInteger()).incrementAndGet();
        CompletableFuture<Long> f;
        synchronized (this) {
            f = waiting.get(m.replyTo());
        }
        if (f != null) {
            f.complete(now);
        }
    }

    boolean await(int messageId, Duration timeout) {
        CompletableFuture<Long> f = waiting.get(messageId);
        try {
            f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits for the replies to {@code ids}, {@code timeout} in all; returns without them when it runs out. */
    void awaitAll(List<Integer> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int id : ids) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !await(id, Duration.ofNanos(left))) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
    }

    long lastReplyNanos() {
        return lastReply.get();
    }

    int count(int messageId) {
        AtomicInteger c = counts.get(messageId);
        return c == null ? 0 : c.get();
    }

    /** For each of {@code ids} that was answered: nanoseconds from posting the question to the first reply. */
    List<Long> endToEndNanos(List<Integer> ids) {
        List<Long> out = new ArrayList<>();
        for (int id : ids) {
            CompletableFuture<Long> f = waiting.get(id);
            Long at = posted.get(id);
            if (f != null && at != null && f.isDone() && !f.isCompletedExceptionally()) {
                out.add(f.join() - at);
            }
        }
        return out;
    }
}
