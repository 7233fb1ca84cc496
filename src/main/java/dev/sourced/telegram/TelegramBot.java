package dev.sourced.telegram;

import dev.sourced.answer.Answerer;
import dev.sourced.answer.CorpusView;
import dev.sourced.telegram.store.AnswerStore;
import dev.sourced.telegram.store.ChatStore;
import dev.sourced.telegram.store.ModerationStore;
import dev.sourced.store.Database;
import dev.sourced.telegram.store.Leases;
import dev.sourced.telegram.store.RateLedger;
import java.time.Instant;
import dev.sourced.telegram.store.UpdateJournal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import dev.sourced.answer.Answer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The Sourced Telegram bot: answers readers' questions about the corpus with cited passages. Started with {@link #start}
 * (the {@code bot} command, tests, the benchmark). Long polling by default, a webhook when
 * {@link BotConfig#webhookUrl()} is set.
 *
 * <p>Updates are journaled in the store before they are processed and marked done once answered. This replica's
 * workers claim pending updates from the journal ({@link UpdateClaims}), whichever replica received them, one serial
 * queue per chat; with long polling one replica polls ({@link LeasedPolling}). On start the updates a previous run of
 * this replica left claimed are taken back first. {@link #close()} stops within 10 s: replies under way get
 * {@link BotConfig#shutdownGrace()} to finish, the rest are given back to the journal, for the other replicas or the
 * next start.
 */
public final class TelegramBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
    private static final int MAX_PARALLEL_CALLS = 256;
    private static final int IDLE_CONNECTIONS = 64;
    private static final Duration KEEP_ALIVE = Duration.ofMinutes(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final int JOURNAL_RETENTION_DAYS = 7;
    private static final Duration PRUNE_EVERY = Duration.ofHours(6);

    private final BotConfig config;
    private final Answerer answerer;
    private final CorpusView corpus;
    private final UpdateJournal journal;
    private final OkHttpClient http;
    private final ChatQueues queues;
    private final BotMetrics metrics = new BotMetrics();
    private final Heartbeat heartbeat;
    private final TypingIndicator typing;
    private final ScheduledExecutorService maintenance =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("telegram-maintenance").daemon(true).factory());
    private final BotIdentity identity;
    private final Connection connection;
    /** The long-polling lease; null in webhook mode. */
    private final LeasedPolling polling;
    private final UpdateClaims claims;
    private final String replica;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final int admins;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final BotLock lock;
    /**
     * Answers are computed on platform threads, as many as there are cores, not on the chats' virtual threads: a
     * virtual thread is never preempted, so CPU-bound answering would keep the few carrier threads busy while a chat
     * whose message Telegram has just accepted waits to record it (a kill in that wait sends the message twice).
     * {@code -Dsourced.answerThreads=N} sets how many (0: answer on the chats' virtual threads, as before).
     */
    private static final int ANSWER_THREADS = Integer.getInteger("sourced.answerThreads",
            Runtime.getRuntime().availableProcessors());
    private final ExecutorService answering = Executors.newFixedThreadPool(Math.max(1, ANSWER_THREADS),
            Thread.ofPlatform().name("telegram-answer-", 0).daemon(true).factory());

    private TelegramBot(BotConfig config, Answerer answerer, CorpusView corpus, Database db, Moderation moderation)
            throws TelegramApiException {
        this.config = config;
        this.answerer = answerer;
        this.corpus = corpus;
        this.admins = moderation == null ? 0 : moderation.admins().size();
        this.lock = BotLock.acquire(db.localDir());
        // alone on a SQLite file (the lock above guarantees it) every claim is this process's; on a shared database
        // claims and leases carry the replica's name
        this.replica = UpdateJournal.ownerOn(db, config.replica());
        this.journal = new UpdateJournal(db, replica);
        TelegramUrl url = telegramUrl(config.apiUrl());
        this.http = new OkHttpClient.Builder()
                .dispatcher(dispatcher())
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, KEEP_ALIVE.toMinutes(), TimeUnit.MINUTES))
                .callTimeout(CALL_TIMEOUT)
                .build();
        OkHttpTelegramClient client = new OkHttpTelegramClient(http, config.token(), url);
        BotApi api = new BotApi(client);
        this.typing = new TypingIndicator(api, config.typingDelay());
        this.queues = new ChatQueues(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("telegram-chat-", 0).factory()));
        this.heartbeat = new Heartbeat(journal, Clock.systemUTC(), config.webhookMode() ? "webhook" : "polling");
        try {
            User me = api.call(new GetMe());
            this.identity = new BotIdentity(me.getId(), me.getUserName());
            registerCommands(api);
            CorpusFacts facts = new CorpusFacts(corpus);
            UpdateProcessor processor = new UpdateProcessor(new UpdateProcessor.Deps(api, journal, new ChatStore(db),
                    new AnswerStore(db), offloaded(answerer), corpus, facts, new UpdateClassifier(identity, moderation != null),
                    new ReplyFormatter(new MessageSplitter()), new RateLimiter(config.rateLimitPerMinute(), new RateLedger(db)), typing, metrics,
                    identity), moderation == null ? null : new ModerationHandler(api, new ReplySender(api, journal),
                    new ModerationStore(db), moderation, config), queues::stopping);
            this.claims = new UpdateClaims(journal, queues, processor);
            UpdateIntake intake = new UpdateIntake(journal, claims, metrics, queues::stopping);
            pruneJournal();
            maintenance.scheduleAtFixedRate(this::pruneJournal, PRUNE_EVERY.toHours(), PRUNE_EVERY.toHours(), TimeUnit.HOURS);
            claims.start();
            this.polling = config.webhookMode() ? null : new LeasedPolling(new Leases(db), replica,
                    () -> new PollingConnection(config.token(), url, config.pollTimeoutSeconds(), intake, heartbeat));
            this.connection = config.webhookMode() ? new WebhookConnection(config, client, intake, heartbeat) : polling;
            connection.start();
        } catch (TelegramApiException | RuntimeException e) {
            stopClaims();
            shutdownClients();
            throw e;
        } catch (Exception e) {
            stopClaims();
            shutdownClients();
            throw new TelegramApiException("cannot start the " + (config.webhookMode() ? "webhook" : "long polling") + ": " + e.getMessage(), e);
        }
        LOG.info("bot @{} started ({})", identity.username(), config);
    }

    /**
     * Starts the bot for readers only (a {@link BotLockedException} names the holder if another bot runs on the same
     * data directory): checks the token (getMe), registers the commands, re-processes pending updates,
     * connects. Its tables are in {@code db} (opened with {@link dev.sourced.telegram.store.BotTables}).
     */
    public static TelegramBot start(BotConfig config, Answerer answerer, CorpusView corpus, Database db) throws TelegramApiException {
        return new TelegramBot(config, answerer, corpus, db, null);
    }

    /**
     * Starts the bot with moderation: the admins and moderators of {@code moderation} curate the corpus from the chat
     * ({@code /add}, {@code /docs}, {@code /remove}…) through its curation service.
     */
    public static TelegramBot start(BotConfig config, Answerer answerer, CorpusView corpus, Database db, Moderation moderation)
            throws TelegramApiException {
        return new TelegramBot(config, answerer, corpus, db, moderation);
    }

    /** How many admins may curate the corpus from the chat (0 when the bot runs without moderation). */
    public int admins() {
        return admins;
    }

    /** The bot's username, without the @. */
    public String username() {
        return identity.username();
    }

    public BotMetrics metrics() {
        return metrics;
    }

    /** This replica's name: the one it claims updates and holds leases in. */
    public String replica() {
        return replica;
    }

    /** Whether this replica long-polls Telegram now (false in webhook mode, and while another replica polls). */
    public boolean pollsTelegram() {
        return polling != null && polling.holdsLease();
    }

    /** Checks, now, that updates come in (here, or at the replica that polls) and the index answers. */
    public BotHealth health() {
        boolean alive = connection.running();
        Instant here = heartbeat.last().orElse(null);
        Instant shared = journal.status(Heartbeat.KEY_LAST_CONTACT).map(Instant::parse).orElse(null);
        Instant last = here == null || (shared != null && shared.isAfter(here)) ? shared : here;
        BotHealth h = BotHealth.assess(connection.mode(), last, journal.pendingCount(), answerer,
                corpus, Clock.systemUTC());
        return alive ? h : new BotHealth(h.mode(), h.lastContact(), false, h.indexReadable(), h.documents(),
                h.pendingUpdates(), ("the " + connection.mode() + " connection is stopped; " + h.problem()).strip());
    }

    /** Waits until {@link #close()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops: no more updates are taken, replies under way get the configured grace to finish, the rest stay pending in
     * the journal. Returns within about {@code shutdownGrace + 2 s}.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("stopping bot @{}", identity.username());
        try {
            connection.close();
            claims.stopClaiming();
            queues.stop(config.shutdownGrace());
            claims.release();
        } finally {
            shutdownClients();
            stopped.countDown();
        }
        LOG.info("bot stopped; {} updates pending for the next start", journal.pendingCount());
    }

    /** {@code answerer} run on the {@link #answering} threads; the caller (a chat's virtual thread) waits. */
    private Answerer offloaded(Answerer answerer) {
        if (ANSWER_THREADS <= 0) {
            return answerer; // -Dsourced.answerThreads=0: on the chats' virtual threads, for comparison
        }
        return question -> {
            Future<Answer> f = answering.submit(() -> answerer.ask(question));
            try {
                return f.get();
            } catch (InterruptedException e) {
                f.cancel(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while answering", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            }
        };
    }

    private void pruneJournal() {
        try {
            int n = journal.pruneDone(JOURNAL_RETENTION_DAYS);
            if (n > 0) {
                LOG.info("forgot {} updates answered more than {} days ago", n, JOURNAL_RETENTION_DAYS);
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot prune the update journal: {}", e.getMessage());
        }
    }

    private void stopClaims() {
        if (claims != null) {
            claims.close();
        }
    }

    private void shutdownClients() {
        lock.close();
        answering.shutdownNow();
        maintenance.shutdownNow();
        typing.close();
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }

    private void registerCommands(BotApi api) {
        for (dev.sourced.corpus.Lang lang : List.of(dev.sourced.corpus.Lang.EN, dev.sourced.corpus.Lang.FR)) {
            List<BotCommand> commands = List.of(
                    new BotCommand("ask", Phrase.COMMAND_ASK.in(lang)),
                    new BotCommand("sources", Phrase.COMMAND_SOURCES.in(lang)),
                    new BotCommand("new", Phrase.COMMAND_NEW.in(lang)),
                    new BotCommand("start", Phrase.COMMAND_START.in(lang)),
                    new BotCommand("help", Phrase.COMMAND_HELP.in(lang)));
            SetMyCommands.SetMyCommandsBuilder<?, ?> set = SetMyCommands.builder().commands(commands).scope(new BotCommandScopeDefault());
            if (lang == dev.sourced.corpus.Lang.FR) {
                set.languageCode(lang.code());
            }
            try {
                api.call(set.build());
            } catch (SendFailure e) {
                LOG.warn("cannot register the bot's commands ({}): {}", lang, e.getMessage());
            }
        }
    }

    private static Dispatcher dispatcher() {
        Dispatcher d = new Dispatcher();
        d.setMaxRequests(MAX_PARALLEL_CALLS);
        d.setMaxRequestsPerHost(MAX_PARALLEL_CALLS);
        return d;
    }

    static TelegramUrl telegramUrl(URI api) {
        if (api == null) {
            return TelegramUrl.DEFAULT_URL;
        }
        boolean https = "https".equalsIgnoreCase(api.getScheme());
        int port = api.getPort() > 0 ? api.getPort() : https ? 443 : 80;
        return new TelegramUrl(https ? "https" : "http", api.getHost(), port, false);
    }
}
