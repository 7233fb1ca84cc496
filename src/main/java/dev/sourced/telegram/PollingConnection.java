package dev.sourced.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;

/**
 * Long polling through telegrambots' {@link TelegramBotsLongPollingApplication}, against {@code url} (Telegram's or
 * another Bot API server). Its single polling thread only hands updates to the {@link UpdateIntake}. Each successful
 * getUpdates is a heartbeat. Closing cancels the long poll under way instead of waiting for its timeout.
 */
final class PollingConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(PollingConnection.class);
    private static final int BATCH = 100;
    private static final Duration READ_MARGIN = Duration.ofSeconds(15);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final String token;
    private final TelegramUrl url;
    private final int pollTimeoutSeconds;
    private final UpdateIntake intake;
    private final Heartbeat heartbeat;
    private OkHttpClient http;
    private ScheduledExecutorService scheduler;
    private TelegramBotsLongPollingApplication application;

    PollingConnection(String token, TelegramUrl url, int pollTimeoutSeconds, UpdateIntake intake, Heartbeat heartbeat) {
        this.token = token;
        this.url = url;
        this.pollTimeoutSeconds = pollTimeoutSeconds;
        this.intake = intake;
        this.heartbeat = heartbeat;
    }

    @Override
    public void start() throws Exception {
        http = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(Duration.ofSeconds(pollTimeoutSeconds).plus(READ_MARGIN))
                .addInterceptor(chain -> {
                    Response r = chain.proceed(chain.request());
                    if (r.isSuccessful() && chain.request().url().encodedPath().toLowerCase(Locale.ROOT).endsWith("/" + GetUpdates.PATH.toLowerCase(Locale.ROOT))) {
                        heartbeat.beat();
                    }
                    return r;
                })
                .build();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("telegram-poll").daemon(true).factory());
        application = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> scheduler, ExponentialBackOff::new);
        application.registerBot(token, () -> url, lastReceived -> GetUpdates.builder()
                .offset(lastReceived + 1)
                .limit(BATCH)
                .timeout(pollTimeoutSeconds)
                .allowedUpdates(ALLOWED_UPDATES)
                .build(), intake::accept);
        LOG.info("long polling {}://{}:{}", url.getSchema(), url.getHost(), url.getPort());
    }

    @Override
    public String mode() {
        return "polling";
    }

    @Override
    public boolean running() {
        return application != null && application.isRunning();
    }

    @Override
    public void close() {
        if (application == null) {
            return;
        }
        try {
            application.close();
        } catch (Exception e) {
            LOG.warn("stopping long polling: {}", e.getMessage());
        }
        http.dispatcher().cancelAll();
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
