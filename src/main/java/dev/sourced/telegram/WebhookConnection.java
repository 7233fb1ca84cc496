package dev.sourced.telegram;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Webhook mode: registers the webhook with Telegram (setWebhook, with a secret token) and serves it with the JDK's
 * HTTP server. A request without the matching {@code X-Telegram-Bot-Api-Secret-Token} header gets 403 and is dropped.
 * The server speaks plain HTTP: TLS is for the reverse proxy in front of it (Telegram posts only to HTTPS URLs).
 */
final class WebhookConnection implements Connection {
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookConnection.class);
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final int OK = 200;
    private static final int BAD_REQUEST = 400;
    private static final int FORBIDDEN = 403;
    private static final int METHOD_NOT_ALLOWED = 405;
    private static final int TOO_LARGE = 413;
    private static final int UNAVAILABLE = 503;
    private static final int STOP_DELAY_SECONDS = 1;
    private static final long ALIVE_EVERY_SECONDS = 10;

    private final BotConfig config;
    private final TelegramClient client;
    private final UpdateIntake intake;
    private final Heartbeat heartbeat;
    private final byte[] secret;
    private HttpServer server;
    private ExecutorService handlers;
    private ScheduledExecutorService ticker;
    private volatile boolean running;

    WebhookConnection(BotConfig config, TelegramClient client, UpdateIntake intake, Heartbeat heartbeat) {
        this.config = config;
        this.client = client;
        this.intake = intake;
        this.heartbeat = heartbeat;
        this.secret = config.webhookSecret().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void start() throws IOException, TelegramApiException {
        URI url = config.webhookUrl();
        String path = url.getPath() == null || url.getPath().isEmpty() ? "/" : url.getPath();
        handlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("telegram-webhook-", 0).factory());
        server = HttpServer.create(new InetSocketAddress(config.webhookBindAddress(), config.webhookPort()), 0);
        server.setExecutor(handlers);
        server.createContext(path, this::handle);
        server.start();
        running = true;
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("telegram-webhook-alive").daemon(true).factory());
        ticker.scheduleAtFixedRate(heartbeat::beat, 0, ALIVE_EVERY_SECONDS, TimeUnit.SECONDS);
        client.execute(SetWebhook.builder()
                .url(url.toString())
                .secretToken(config.webhookSecret())
                .allowedUpdates(ALLOWED_UPDATES)
                .dropPendingUpdates(false)
                .build());
        LOG.info("webhook registered at {}; serving it on {}:{}{}", url, config.webhookBindAddress(), port(), path);
    }

    /** The local port the server listens on. */
    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                respond(ex, METHOD_NOT_ALLOWED);
                return;
            }
            String given = ex.getRequestHeaders().getFirst(SECRET_HEADER);
            if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
                LOG.warn("webhook request from {} without the right secret token: refused", ex.getRemoteAddress());
                respond(ex, FORBIDDEN);
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                respond(ex, TOO_LARGE);
                return;
            }
            heartbeat.beat();
            boolean taken;
            try {
                taken = intake.acceptJson(new String(body, StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                LOG.error("cannot journal a webhook update; Telegram will retry", e);
                respond(ex, UNAVAILABLE);
                return;
            }
            respond(ex, taken ? OK : BAD_REQUEST);
        }
    }

    private static void respond(HttpExchange ex, int status) throws IOException {
        ex.sendResponseHeaders(status, -1);
    }

    @Override
    public String mode() {
        return "webhook";
    }

    @Override
    public boolean running() {
        return running;
    }

    @Override
    public void close() {
        running = false;
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (server != null) {
            server.stop(STOP_DELAY_SECONDS);
        }
        if (handlers != null) {
            handlers.shutdown();
        }
    }
}
