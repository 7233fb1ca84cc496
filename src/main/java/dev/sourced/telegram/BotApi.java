package dev.sourced.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Calls the Bot API with the retries each failure deserves: a 429 is retried after the {@code retry_after} Telegram
 * asks for; network and server errors are retried with a growing back-off; a 403 and other refusals are not retried.
 * Failures surface as {@link SendFailure}.
 */
final class BotApi {
    private static final Logger LOG = LoggerFactory.getLogger(BotApi.class);
    static final int TOO_MANY_REQUESTS = 429;
    static final int FORBIDDEN = 403;
    static final int BAD_REQUEST = 400;
    private static final int MAX_FLOOD_RETRIES = 8;
    private static final int MAX_TRANSIENT_RETRIES = 2;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
    private static final int MAX_RETRY_AFTER_SECONDS = 60;

    private final TelegramClient client;
    private final LongAdder floodWaits = new LongAdder();

    BotApi(TelegramClient client) {
        this.client = client;
    }

    TelegramClient client() {
        return client;
    }

    /** How many times Telegram asked us to slow down (429). */
    long floodWaits() {
        return floodWaits.sum();
    }

    <T extends Serializable> T call(BotApiMethod<T> method) {
        int floods = 0;
        int transients = 0;
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                return client.execute(method);
            } catch (TelegramApiRequestException e) {
                int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
                if (code == TOO_MANY_REQUESTS && floods++ < MAX_FLOOD_RETRIES) {
                    floodWaits.increment();
                    int after = e.getParameters() != null && e.getParameters().getRetryAfter() != null
                            ? e.getParameters().getRetryAfter() : 1;
                    LOG.warn("{}: Telegram asks to wait {} s (429), then retrying", method.getMethod(), after);
                    sleep(method, Duration.ofSeconds(Math.clamp(after, 1, MAX_RETRY_AFTER_SECONDS)));
                } else if (code == FORBIDDEN) {
                    throw new SendFailure(SendFailure.Kind.CHAT_UNAVAILABLE, method.getMethod(), code, e.getApiResponse(), e);
                } else if ((code == 0 || code >= 500) && transients++ < MAX_TRANSIENT_RETRIES) {
                    LOG.warn("{}: {} ; retrying in {} ms", method.getMethod(), e.getMessage(), backoff.toMillis());
                    sleep(method, backoff);
                    backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                } else {
                    throw new SendFailure(code >= 500 || code == TOO_MANY_REQUESTS || code == 0
                            ? SendFailure.Kind.UNAVAILABLE : SendFailure.Kind.REJECTED,
                            method.getMethod(), code, e.getApiResponse() == null ? e.getMessage() : e.getApiResponse(), e);
                }
            } catch (TelegramApiException e) {
                if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    throw new SendFailure(SendFailure.Kind.UNAVAILABLE, method.getMethod(), 0, "interrupted", e);
                }
                if (transients++ >= MAX_TRANSIENT_RETRIES) {
                    throw new SendFailure(SendFailure.Kind.UNAVAILABLE, method.getMethod(), 0, String.valueOf(e.getMessage()), e);
                }
                LOG.warn("{}: {} ; retrying in {} ms", method.getMethod(), e.getMessage(), backoff.toMillis());
                sleep(method, backoff);
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
            }
        }
    }

    /** Sends without waiting and ignores any failure: for chat actions, whose loss nobody notices. */
    void callQuietly(BotApiMethod<?> method) {
        try {
            client.executeAsync(method).exceptionally(e -> {
                LOG.debug("{} failed (ignored): {}", method.getMethod(), e.getMessage());
                return null;
            });
        } catch (TelegramApiException | RuntimeException e) {
            LOG.debug("{} failed (ignored): {}", method.getMethod(), e.getMessage());
        }
    }

    private static void sleep(BotApiMethod<?> method, Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailure(SendFailure.Kind.UNAVAILABLE, method.getMethod(), 0, "interrupted while waiting to retry", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
