package dev.sourced.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;

/**
 * Long polling through telegrambots' {@link TelegramBotsLongPollingApplication}, against {@code url} (Telegram's or
 * another Bot API server). Its single polling thread only hands updates to the {@link UpdateIntake}. Each successful
 * getUpdates is a heartbeat. Closing cancels the long poll under way instead of waiting for its timeout. A 409 (another
 * instance polls with the same token) is logged once and backed off exponentially, up to a minute between tries.
 */
final class PollingConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(PollingConnection.class);
    private static final int BATCH = 100;
    private static final Duration READ_MARGIN = Duration.ofSeconds(15);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);
    private static final String GET_UPDATES = GetUpdates.PATH.toLowerCase(Locale.ROOT);
    private static final String NO_UPDATES = "{\"ok\":true,\"result\":[]}";
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int HTTP_OK = 200;
    private static final int HTTP_CONFLICT = 409;
    /** The first pause after a 409 (another instance polls with this token); doubled at each one after. */
    static final Duration FIRST_CONFLICT_PAUSE = Duration.ofSeconds(1);
    static final Duration MAX_CONFLICT_PAUSE = Duration.ofSeconds(60);

    private final String token;
    private final TelegramUrl url;
    private final int pollTimeoutSeconds;
    private final UpdateIntake intake;
    private final Heartbeat heartbeat;
    private OkHttpClient transport;
    private OkHttpClient http;
    private volatile Call inFlight;
    private ScheduledExecutorService scheduler;
    private TelegramBotsLongPollingApplication application;
    private volatile boolean closing;
    /** Consecutive 409s; the pause before the next getUpdates grows with them. */
    private volatile int conflicts;

    PollingConnection(String token, TelegramUrl url, int pollTimeoutSeconds, UpdateIntake intake, Heartbeat heartbeat) {
        this.token = token;
        this.url = url;
        this.pollTimeoutSeconds = pollTimeoutSeconds;
        this.intake = intake;
        this.heartbeat = heartbeat;
    }

    @Override
    public void start() throws Exception {
        transport = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(Duration.ofSeconds(pollTimeoutSeconds).plus(READ_MARGIN))
                .build();
        http = transport.newBuilder().addInterceptor(this::intercept).build();
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

    /**
     * Runs each getUpdates as a separate call that {@link #close()} can cancel, and notes its success as a heartbeat.
     * Once closing, getUpdates (and the one cancelled) is answered here with no updates, so that the library stops
     * quietly instead of logging errors and backing off.
     */
    private Response intercept(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        if (!request.url().encodedPath().toLowerCase(Locale.ROOT).endsWith("/" + GET_UPDATES)) {
            return chain.proceed(request);
        }
        if (conflicts > 0 && !pauseAfterConflict()) {
            return noUpdates(request);
        }
        Call call = transport.newCall(request);
        inFlight = call;
        if (closing) {
            return noUpdates(request);
        }
        try {
            Response r = call.execute();
            if (r.code() == HTTP_CONFLICT) {
                // another instance polls with this token (or a webhook is set): one line, then quiet back-off; the
                // library is told there were no updates, so it neither logs a stack trace nor polls again at once
                if (conflicts++ == 0) {
                    String why = r.body() == null ? "" : r.body().string();
                    LOG.error("getUpdates: 409 Conflict: another bot instance uses this token ({}); backing off up to {} s"
                            + " until it stops", why.strip(), MAX_CONFLICT_PAUSE.toSeconds());
                }
                r.close();
                return noUpdates(request);
            }
            if (r.isSuccessful()) {
                if (conflicts > 0) {
                    LOG.warn("getUpdates works again after {} conflicts (409)", conflicts);
                    conflicts = 0;
                }
                heartbeat.beat();
            }
            return r;
        } catch (IOException e) {
            if (closing) {
                return noUpdates(request);
            }
            throw e;
        } finally {
            inFlight = null;
        }
    }

    /** How many getUpdates calls were refused with 409 in a row (0 when polling works). */
    int conflicts() {
        return conflicts;
    }

    /** Sleeps before polling again after {@code conflicts} 409s in a row; false if interrupted or closing. */
    private boolean pauseAfterConflict() {
        long millis = Math.min(MAX_CONFLICT_PAUSE.toMillis(),
                FIRST_CONFLICT_PAUSE.toMillis() << Math.min(conflicts - 1, 16));
        long until = System.currentTimeMillis() + millis;
        try {
            while (!closing && System.currentTimeMillis() < until) {
                Thread.sleep(Math.min(100, Math.max(1, until - System.currentTimeMillis())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !closing;
    }

    private static Response noUpdates(Request request) {
        return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(HTTP_OK).message("OK")
                .body(ResponseBody.create(NO_UPDATES, JSON)).build();
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
        closing = true;
        Call poll = inFlight;
        if (poll != null) {
            poll.cancel();
        }
        try {
            application.close();
        } catch (Exception e) {
            LOG.warn("stopping long polling: {}", e.getMessage());
        }
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
