package dev.sourced.telegram;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;

/**
 * Shows "typing…" in a chat while an answer is being computed: first after {@code delay} (an answer ready sooner needs
 * no indicator, and the call would only cost a request), then every {@link #REPEAT} since Telegram clears the status
 * after about five seconds. Best effort: a lost chat action harms nobody.
 */
final class TypingIndicator implements AutoCloseable {
    static final Duration REPEAT = Duration.ofSeconds(4);

    /** A running indicator; closing it stops it. */
    interface Handle extends AutoCloseable {
        @Override
        void close();
    }

    private final BotApi api;
    private final Duration delay;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("telegram-typing").daemon(true).factory());

    TypingIndicator(BotApi api, Duration delay) {
        this.api = api;
        this.delay = delay;
    }

    Handle start(long chatId) {
        SendChatAction typing = SendChatAction.builder().chatId(chatId).action(ActionType.TYPING.toString()).build();
        long first = delay.toMillis();
        if (first == 0) {
            api.callQuietly(typing);
            first = REPEAT.toMillis();
        }
        ScheduledFuture<?> f = timer.scheduleAtFixedRate(() -> api.callQuietly(typing), first, REPEAT.toMillis(),
                TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
