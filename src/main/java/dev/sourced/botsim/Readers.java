package dev.sourced.botsim;

import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * Simulated readers, one private chat each (every other one with a French Telegram client), asking the questions of a
 * {@link QuestionPool} through the local Bot API server; the ids of the messages they post are what they wait for.
 */
final class Readers {
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(120);

    private final LocalBotApiServer server;
    private final Replies replies;
    private final List<ChatRef> chats;
    private final QuestionPool questions;

    Readers(LocalBotApiServer server, Replies replies, List<ChatRef> chats, QuestionPool questions) {
        this.server = server;
        this.replies = replies;
        this.chats = List.copyOf(chats);
        this.questions = questions;
    }

    /** {@code count} private chats with ids from {@code firstId}. */
    static List<ChatRef> chats(int count, long firstId) {
        List<ChatRef> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(ChatRef.privateWith(new Person(firstId + i, "Reader" + i, i % 2 == 0 ? "fr" : "en")));
        }
        return out;
    }

    /** The same readers asking from another pool. */
    Readers asking(QuestionPool other) {
        return new Readers(server, replies, chats, other);
    }

    QuestionPool questions() {
        return questions;
    }

    /** Each chat asks {@code perChat} questions, each once the previous one is answered. */
    List<Integer> closedLoop(int perChat) throws InterruptedException, ExecutionException {
        List<Integer> asked = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (ChatRef chat : chats) {
                done.add(readers.submit(() -> {
                    for (int i = 0; i < perChat; i++) {
                        int id = ask(chat, questions.next());
                        asked.add(id);
                        if (!replies.await(id, REPLY_TIMEOUT)) {
                            return null; // counted as lost
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        return asked;
    }

    /** Questions arrive at {@code rate} per second for {@code duration}, round-robin over the chats. */
    List<Integer> paced(double rate, Duration duration) {
        List<Integer> asked = new ArrayList<>();
        long total = Math.round(rate * duration.toNanos() / 1e9);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + Math.round(i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            asked.add(ask(chats.get((int) (i % chats.size())), questions.next()));
        }
        return asked;
    }

    /**
     * One /help per chat, waited for: replies keep their order per chat, so once these are answered any duplicate
     * reply to an earlier question is in.
     */
    void sentinels() throws InterruptedException {
        List<Integer> ids = new ArrayList<>();
        for (ChatRef chat : chats) {
            ids.add(ask(chat, "/help"));
        }
        replies.awaitAll(ids, REPLY_TIMEOUT);
    }

    private int ask(ChatRef chat, String text) {
        Person p = new Person(chat.id(), chat.title(), chat.id() % 2 == 0 ? "fr" : "en");
        synchronized (replies) {
            long posted = System.nanoTime();
            int id = server.send(chat, p, text);
            replies.expect(id, posted);
            return id;
        }
    }
}
