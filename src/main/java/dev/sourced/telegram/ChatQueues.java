package dev.sourced.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One serial queue per chat on a shared executor: the tasks of one chat run one after the other, in the order
 * submitted (so replies keep their order), while different chats proceed in parallel. A chat with queued work has one
 * worker; an idle chat costs nothing.
 */
final class ChatQueues implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChatQueues.class);
    private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(1);

    private final ExecutorService executor;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Long, ArrayDeque<Runnable>> lanes = new HashMap<>();
    private boolean stopping;

    ChatQueues(ExecutorService executor) {
        this.executor = executor;
    }

    /** Queues a task behind the chat's earlier ones; false (and not queued) once stopping. */
    boolean submit(long chatId, Runnable task) {
        lock.lock();
        try {
            if (stopping) {
                return false;
            }
            ArrayDeque<Runnable> lane = lanes.get(chatId);
            if (lane != null) {
                lane.add(task);
                return true;
            }
            lane = new ArrayDeque<>();
            lane.add(task);
            lanes.put(chatId, lane);
            ArrayDeque<Runnable> mine = lane;
            executor.execute(() -> drain(chatId, mine));
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@link #stop} was called. */
    boolean stopping() {
        lock.lock();
        try {
            return stopping;
        } finally {
            lock.unlock();
        }
    }

    /** Tasks queued and not yet started, over all chats. */
    int queued() {
        lock.lock();
        try {
            return lanes.values().stream().mapToInt(l -> Math.max(0, l.size() - 1)).sum();
        } finally {
            lock.unlock();
        }
    }

    private void drain(long chatId, ArrayDeque<Runnable> lane) {
        while (true) {
            Runnable task;
            lock.lock();
            try {
                task = lane.peek();
                if (task == null || stopping) {
                    lanes.remove(chatId);
                    return;
                }
            } finally {
                lock.unlock();
            }
            try {
                task.run();
            } catch (Throwable t) {
                LOG.error("a task of chat {} failed", chatId, t);
            }
            lock.lock();
            try {
                lane.poll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Stops: queued tasks that have not started are dropped (their updates stay pending in the journal), tasks under
     * way get {@code grace} to finish, then are interrupted.
     */
    void stop(Duration grace) {
        lock.lock();
        try {
            stopping = true;
        } finally {
            lock.unlock();
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("replies still under way after {} s; interrupting them (their updates stay pending)",
                        grace.toSeconds());
                executor.shutdownNow();
                executor.awaitTermination(AFTER_INTERRUPT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }
}
