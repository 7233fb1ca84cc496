package dev.sourced.botsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Bot API server on 127.0.0.1, in process, standing in for Telegram in tests and the benchmark. It speaks the methods
 * the bot uses (getMe, getUpdates, sendMessage, editMessageText, answerCallbackQuery, sendChatAction, setMyCommands,
 * setWebhook, deleteWebhook, getWebhookInfo) with Telegram's JSON shapes and errors: it checks the token, refuses HTML
 * that Telegram would refuse ({@link TelegramHtml}) and messages over 4096 characters, answers getUpdates as a long
 * poll honouring {@code offset}, and posts updates to the webhook (with its secret) while one is set.
 *
 * <p>The test side plays the readers: {@link #send}, {@link #reply}, {@link #press}, {@link #enqueue} create updates;
 * {@link #messages}, {@link #calls} and the {@code await…} methods observe what the bot did. Faults are injected with
 * {@link #failNext}, {@link #startOutage}, {@link #blockChat} and {@link #holdSendMessagesAfter}.
 */
public final class LocalBotApiServer implements AutoCloseable {
    /** The header Telegram sends a webhook with its secret token in (Bot API, setWebhook). */
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    public static final long BOT_ID = 7_000_000_001L;
    public static final String BOT_USERNAME = "sourced_test_bot";
    public static final int MAX_MESSAGE_LENGTH = 4096;
    private static final Pattern PATH = Pattern.compile("^/bot([^/]+)/([A-Za-z]+)$");
    private static final int MAX_LIMIT = 100;
    private static final int WEBHOOK_ATTEMPTS = 5;
    private static final Duration WEBHOOK_RETRY = Duration.ofMillis(200);
    private static final int BAD_GATEWAY = 502;

    /** A reader. */
    public record Person(long id, String firstName, String languageCode) {
    }

    /** A chat: "private" (its id is the reader's), "group", "supergroup" or "channel". */
    public record ChatRef(long id, String type, String title) {
        public static ChatRef privateWith(Person p) {
            return new ChatRef(p.id(), "private", p.firstName());
        }

        public static ChatRef group(long id, String title) {
            return new ChatRef(id, "supergroup", title);
        }

        public static ChatRef channel(long id, String title) {
            return new ChatRef(id, "channel", title);
        }
    }

    /** A Bot API call the bot made, with its parameters, and the HTTP status it got. */
    public record ApiCall(String method, JsonNode params, int status) {
    }

    /**
     * A message the bot sent (or edited), as a reader sees it: {@code text} is the visible text, {@code html} what the
     * bot sent; {@code replyTo} the message it answers, if any; {@code buttons} the callback data of its inline
     * buttons.
     */
    public record SentMessage(int messageId, long chatId, String html, String text, Integer replyTo, List<String> buttons,
                              List<String> buttonLabels, boolean edited) {
    }

    /** An error the server answers instead of doing the call. */
    public record Fault(int code, String description, Integer retryAfter) {
        public static Fault tooManyRequests(int retryAfterSeconds) {
            return new Fault(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds);
        }

        public static Fault serverError() {
            return new Fault(500, "Internal Server Error", null);
        }

        public static Fault conflict() {
            return new Fault(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", null);
        }

        public static Fault blocked() {
            return new Fault(403, "Forbidden: bot was blocked by the user", null);
        }
    }

    private final String token;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final HttpServer server;
    /** Platform threads: the server stands for a machine elsewhere, so it must not wait for the bot's virtual threads. */
    private final ExecutorService executor = Executors.newCachedThreadPool(Thread.ofPlatform().name("bot-api-", 0).daemon(true).factory());
    private final HttpClient webhookClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Servers started in one JVM number their updates apart, so that bots sharing one store never see an id twice. */
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final int UPDATE_IDS_PER_INSTANCE = 1_000_000;
    private final AtomicInteger nextUpdateId = new AtomicInteger(INSTANCES.getAndIncrement() * UPDATE_IDS_PER_INSTANCE + 1);
    private final ReaderUpdates readers = new ReaderUpdates();
    private final BotApiRequests requests = new BotApiRequests(json);
    // all below guarded by lock
    private final List<ObjectNode> pendingUpdates = new ArrayList<>();
    private final List<ObjectNode> allUpdates = new ArrayList<>();
    private boolean hangingPolls;
    /** A hung getUpdates is answered after this at the latest, so that a forgotten release cannot keep a thread. */
    private static final Duration MAX_HANG = Duration.ofSeconds(90);
    private final List<ApiCall> calls = new ArrayList<>();
    private final List<SentMessage> messages = new ArrayList<>();
    private final Map<String, Queue<Fault>> faults = new HashMap<>();
    private final Map<String, Fault> outages = new HashMap<>();
    private final Set<Long> blockedChats = new HashSet<>();
    private final Set<String> openCallbacks = new HashSet<>();
    /** Files readers sent, by file_id: their bytes and the path getFile gives for the download. */
    private final Map<String, StoredFile> files = new HashMap<>();
    private final AtomicInteger nextFileId = new AtomicInteger(1);
    private final Map<String, String> commandsByLanguage = new HashMap<>();
    private final List<Integer> webhookStatuses = new ArrayList<>();
    private int deliverBeforeHold = -1;
    private int heldCount;
    private boolean releaseHeld;
    private URI webhookUrl;
    private String webhookSecret;
    private Consumer<SentMessage> listener = m -> {
    };

    private LocalBotApiServer(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on an ephemeral port of 127.0.0.1 that accepts {@code token}. */
    public static LocalBotApiServer start(String token) {
        try {
            return new LocalBotApiServer(token);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the local Bot API server: " + e.getMessage(), e);
        }
    }

    /** The base URL to give the bot ({@code SOURCED_TELEGRAM_API_URL}). */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    // ---------------------------------------------------------------- readers' side

    /** A reader sends a text message; returns its message id. Commands and @mentions get their entities. */
    public int send(ChatRef chat, Person from, String text) {
        ObjectNode u = readers.text(chat, from, text);
        enqueue(u);
        return ReaderUpdates.messageId(u);
    }

    /** A reader replies to a message (for instance one of the bot's). */
    public int reply(ChatRef chat, Person from, String text, int replyToMessageId) {
        ObjectNode u = readers.reply(chat, from, text, replyToMessageId, find(chat.id(), replyToMessageId));
        enqueue(u);
        return ReaderUpdates.messageId(u);
    }

    /** A reader sends a message without text: "sticker", "photo" or "voice". */
    public int sendMedia(ChatRef chat, Person from, String kind) {
        ObjectNode u = readers.media(chat, from, kind);
        enqueue(u);
        return ReaderUpdates.messageId(u);
    }

    /**
     * A reader sends a file (a Telegram "document") with an optional caption; returns the message id. The bot gets it
     * with getFile and downloads it from {@code /file/bot<token>/<file_path>}. {@code declaredSize} is the size the
     * update announces (the real size when null), to play a file over the Bot API's limits.
     */
    public int sendDocument(ChatRef chat, Person from, String fileName, String mimeType, byte[] content, String caption,
                            Long declaredSize) {
        int n = nextFileId.getAndIncrement();
        String fileId = "doc-" + n;
        long size = declaredSize == null ? content.length : declaredSize;
        lock.lock();
        try {
            files.put(fileId, new StoredFile(content.clone(), "documents/file_" + n + extension(fileName), size));
        } finally {
            lock.unlock();
        }
        ObjectNode u = readers.document(chat, from, fileId, size, fileName, mimeType, caption);
        enqueue(u);
        return ReaderUpdates.messageId(u);
    }

    public int sendDocument(ChatRef chat, Person from, String fileName, String mimeType, byte[] content) {
        return sendDocument(chat, from, fileName, mimeType, content, null, null);
    }

    private static String extension(String fileName) {
        if (fileName == null) return "";
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot).replaceAll("[^A-Za-z0-9.]", "");
    }

    /** A file a reader sent: its bytes, where getFile says it can be downloaded, the size the update announced. */
    private record StoredFile(byte[] content, String path, long size) {
    }

    /** A reader edits one of their messages. */
    public void edit(ChatRef chat, Person from, int messageId, String newText) {
        enqueue(readers.edit(chat, from, messageId, newText));
    }

    /** A post in a channel the bot is in; returns its message id. */
    public int channelPost(ChatRef channel, String text) {
        ObjectNode u = readers.channelPost(channel, text);
        enqueue(u);
        return u.path("channel_post").path("message_id").asInt();
    }

    /** A reader presses an inline button under one of the bot's messages; returns the callback query id. */
    public String press(ChatRef chat, Person from, int messageId, String callbackData) {
        ObjectNode u = readers.press(chat, from, messageId, find(chat.id(), messageId), callbackData);
        String id = u.path("callback_query").path("id").asText();
        lock.lock();
        try {
            openCallbacks.add(id);
        } finally {
            lock.unlock();
        }
        enqueue(u);
        return id;
    }

    /** Queues an update (an {@code update_id} is given if it has none), or posts it to the webhook while one is set. */
    public void enqueue(ObjectNode update) {
        if (!update.has("update_id")) {
            update.put("update_id", nextUpdateId.getAndIncrement());
        }
        URI hook;
        String secret;
        lock.lock();
        try {
            allUpdates.add(update);
            hook = webhookUrl;
            secret = webhookSecret;
            if (hook == null) {
                pendingUpdates.add(update);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (hook != null) {
            executor.execute(() -> deliver(hook, secret, update));
        }
    }

    /** Sends again every update ever queued, with the same ids, as Telegram does when it did not see them confirmed. */
    public void resendAll() {
        lock.lock();
        try {
            pendingUpdates.clear();
            pendingUpdates.addAll(allUpdates);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Posts an update to the registered webhook with the given secret header (none if null); returns the status. */
    public int postToWebhook(ObjectNode update, String secret) {
        URI hook;
        lock.lock();
        try {
            hook = webhookUrl;
        } finally {
            lock.unlock();
        }
        if (hook == null) {
            throw new IllegalStateException("no webhook is set");
        }
        if (!update.has("update_id")) {
            update.put("update_id", nextUpdateId.getAndIncrement());
        }
        return post(hook, secret, update);
    }

    /**
     * Posts an update to a webhook of one's choice, as a load balancer in front of several replicas would (or Telegram
     * delivering the same update twice); returns the HTTP status (0 if unreachable).
     */
    public int postTo(URI hook, String secret, ObjectNode update) {
        if (!update.has("update_id")) {
            update.put("update_id", nextUpdateId.getAndIncrement());
        }
        return post(hook, secret, update);
    }

    /** A message update not yet queued, for {@link #postToWebhook} or {@link #enqueue}. */
    public ObjectNode textUpdate(ChatRef chat, Person from, String text) {
        return readers.text(chat, from, text);
    }

    // ---------------------------------------------------------------- observing the bot

    public List<ApiCall> calls(String method) {
        lock.lock();
        try {
            return calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
        } finally {
            lock.unlock();
        }
    }

    /** The messages the bot sent to a chat (edits included, flagged), in order. */
    public List<SentMessage> messages(long chatId) {
        lock.lock();
        try {
            return messages.stream().filter(m -> m.chatId() == chatId).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Every message the bot sent, edits excluded. */
    public List<SentMessage> allMessages() {
        lock.lock();
        try {
            return messages.stream().filter(m -> !m.edited()).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the chat has at least {@code count} messages from the bot (edits excluded); returns them all. */
    public List<SentMessage> awaitMessages(long chatId, int count, Duration timeout) {
        await(() -> messages(chatId).stream().filter(m -> !m.edited()).count() >= count, timeout,
                () -> count + " messages in chat " + chatId + ", got " + messages(chatId));
        return messages(chatId).stream().filter(m -> !m.edited()).toList();
    }

    /** Waits for the bot's reply to one message (its first message answering it). */
    public SentMessage awaitReplyTo(long chatId, int messageId, Duration timeout) {
        await(() -> replyTo(chatId, messageId).isPresent(), timeout,
                () -> "a reply to message " + messageId + " in chat " + chatId + ", got " + messages(chatId));
        return replyTo(chatId, messageId).orElseThrow();
    }

    public Optional<SentMessage> replyTo(long chatId, int messageId) {
        return messages(chatId).stream().filter(m -> !m.edited() && Integer.valueOf(messageId).equals(m.replyTo())).findFirst();
    }

    /** Waits for the first message of the chat (edits excluded) that matches. */
    public SentMessage awaitMessage(long chatId, Predicate<SentMessage> matching, Duration timeout) {
        await(() -> messages(chatId).stream().anyMatch(m -> !m.edited() && matching.test(m)), timeout,
                () -> "a matching message in chat " + chatId + ", got " + messages(chatId));
        return messages(chatId).stream().filter(m -> !m.edited() && matching.test(m)).findFirst().orElseThrow();
    }

    /** Waits until at least {@code count} calls of {@code method} were made. */
    public List<ApiCall> awaitCalls(String method, int count, Duration timeout) {
        await(() -> calls(method).size() >= count, timeout, () -> count + " calls of " + method + ", got " + calls(method).size());
        return calls(method);
    }

    /** Waits until {@code condition} holds (checked whenever the server sees a call or an update). */
    public void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("timed out waiting for " + what.get(), new TimeoutException());
                }
                changed.awaitNanos(Math.min(left, Duration.ofMillis(100).toNanos()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            lock.unlock();
        }
    }

    /** Calls {@code listener} for each message the bot sends (on the server's request thread). */
    public void onMessage(Consumer<SentMessage> listener) {
        lock.lock();
        try {
            this.listener = listener;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the bot confirmed (by the offset of a later getUpdates) every update queued so far. */
    public boolean allUpdatesConfirmed() {
        lock.lock();
        try {
            return pendingUpdates.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** The webhook currently set, if any. */
    public Optional<URI> webhookUrl() {
        lock.lock();
        try {
            return Optional.ofNullable(webhookUrl);
        } finally {
            lock.unlock();
        }
    }

    /** The secret token given with setWebhook, if any. */
    public Optional<String> webhookSecret() {
        lock.lock();
        try {
            return Optional.ofNullable(webhookSecret);
        } finally {
            lock.unlock();
        }
    }

    /** HTTP statuses of the server's own deliveries to the webhook. */
    public List<Integer> webhookStatuses() {
        lock.lock();
        try {
            return List.copyOf(webhookStatuses);
        } finally {
            lock.unlock();
        }
    }

    /** The commands registered with setMyCommands, by language code ("" for the default). */
    public Map<String, String> commands() {
        lock.lock();
        try {
            return Map.copyOf(commandsByLanguage);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- faults

    /** The next call of {@code method} fails with {@code fault}. */
    public void failNext(String method, Fault fault) {
        lock.lock();
        try {
            faults.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>()).add(fault);
        } finally {
            lock.unlock();
        }
    }

    /** Every call of {@code method} fails with {@code fault} from now on, until {@link #endOutage}: a long outage. */
    public void startOutage(String method, Fault fault) {
        lock.lock();
        try {
            outages.put(method.toLowerCase(Locale.ROOT), fault);
        } finally {
            lock.unlock();
        }
    }

    /**
     * getUpdates hangs: a call made from now on is not answered (its connection stays open, silent) until
     * {@link #releaseGetUpdates}: a Bot API server or a network that stops answering without closing.
     */
    public void hangGetUpdates() {
        lock.lock();
        try {
            hangingPolls = true;
        } finally {
            lock.unlock();
        }
    }

    /** getUpdates answers again; calls that hung are answered too (their client may have given up). */
    public void releaseGetUpdates() {
        lock.lock();
        try {
            hangingPolls = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Calls of {@code method} go through again. */
    public void endOutage(String method) {
        lock.lock();
        try {
            outages.remove(method.toLowerCase(Locale.ROOT));
        } finally {
            lock.unlock();
        }
    }

    /** The reader of this chat blocked the bot: sending to it fails with 403 from now on. */
    public void blockChat(long chatId) {
        lock.lock();
        try {
            blockedChats.add(chatId);
        } finally {
            lock.unlock();
        }
    }

    /**
     * After {@code delivered} more sendMessage calls go through, the following ones hang (not delivered) until
     * {@link #releaseHeld()}: a network outage in the middle of a batch.
     */
    public void holdSendMessagesAfter(int delivered) {
        lock.lock();
        try {
            deliverBeforeHold = delivered;
            releaseHeld = false;
        } finally {
            lock.unlock();
        }
    }

    /** How many sendMessage calls hang now. */
    public int heldCount() {
        lock.lock();
        try {
            return heldCount;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the outage: hanging sendMessage calls fail with 502 (their messages never arrived), later ones go through. */
    public void releaseHeld() {
        lock.lock();
        try {
            releaseHeld = true;
            deliverBeforeHold = -1;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        webhookClient.close();
    }

    // ---------------------------------------------------------------- the API

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (ex.getRequestURI().getPath().startsWith("/file/")) {
                serveFile(ex);
                return;
            }
            Matcher path = PATH.matcher(ex.getRequestURI().getPath());
            if (!path.matches()) {
                respond(ex, 404, error(404, "Not Found"));
                return;
            }
            if (!path.group(1).equals(token)) {
                respond(ex, 401, error(401, "Unauthorized"));
                return;
            }
            String method = path.group(2).toLowerCase(Locale.ROOT);
            JsonNode params = requests.params(ex);
            Result r;
            try {
                r = call(method, params);
            } catch (RuntimeException e) {
                r = new Result(500, error(500, "Internal Server Error: " + e.getMessage()), null);
            }
            Consumer<SentMessage> l;
            lock.lock();
            try {
                calls.add(new ApiCall(method, params, r.status()));
                if (r.message() != null) {
                    messages.add(r.message());
                }
                changed.signalAll();
                l = listener;
            } finally {
                lock.unlock();
            }
            if (r.message() != null && !r.message().edited()) {
                l.accept(r.message());
            }
            respond(ex, r.status(), r.body());
        }
    }

    /** A download of a file a reader sent: {@code /file/bot<token>/<file_path>}, as Telegram serves them. */
    private void serveFile(HttpExchange ex) throws IOException {
        String prefix = "/file/bot" + token + "/";
        String path = ex.getRequestURI().getPath();
        if (!path.startsWith(prefix)) {
            respond(ex, 401, error(401, "Unauthorized"));
            return;
        }
        String filePath = path.substring(prefix.length());
        StoredFile file;
        lock.lock();
        try {
            file = files.values().stream().filter(f -> f.path().equals(filePath)).findFirst().orElse(null);
            calls.add(new ApiCall("file", nodes.objectNode().put("file_path", filePath), file == null ? 404 : 200));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (file == null) {
            respond(ex, 404, error(404, "Not Found"));
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        ex.sendResponseHeaders(200, file.content().length);
        try (var out = ex.getResponseBody()) {
            out.write(file.content());
        }
    }

    /** getFile: the download path of a file, refused (as Telegram does) over the 20 MB download limit. */
    private Result getFile(JsonNode p) {
        String id = p.path("file_id").asText("");
        StoredFile file;
        lock.lock();
        try {
            file = files.get(id);
        } finally {
            lock.unlock();
        }
        if (file == null) {
            return new Result(400, error(400, "Bad Request: invalid file_id"));
        }
        if (file.size() > 20L * 1024 * 1024) {
            return new Result(400, error(400, "Bad Request: file is too big"));
        }
        ObjectNode f = nodes.objectNode();
        f.put("file_id", id).put("file_unique_id", "u" + id).put("file_size", file.size()).put("file_path", file.path());
        return ok(f);
    }

    /** The answer to a call, and the message it delivered (recorded together with the call). */
    private record Result(int status, ObjectNode body, SentMessage message) {
        Result(int status, ObjectNode body) {
            this(status, body, null);
        }
    }

    private Result call(String method, JsonNode p) {
        Fault fault = takeFault(method, p);
        if (fault != null) {
            ObjectNode body = error(fault.code(), fault.description());
            if (fault.retryAfter() != null) {
                body.putObject("parameters").put("retry_after", fault.retryAfter());
            }
            return new Result(fault.code(), body);
        }
        return switch (method) {
            case "getme" -> ok(readers.botUser().put("can_join_groups", true).put("can_read_all_group_messages", false)
                    .put("supports_inline_queries", false));
            case "getupdates" -> getUpdates(p);
            case "getfile" -> getFile(p);
            case "sendmessage" -> sendMessage(p);
            case "editmessagetext" -> editMessageText(p);
            case "answercallbackquery" -> answerCallbackQuery(p);
            case "sendchataction", "deletemycommands" -> ok(nodes.booleanNode(true));
            case "setmycommands" -> setMyCommands(p);
            case "setwebhook" -> setWebhook(p);
            case "deletewebhook" -> deleteWebhook();
            case "getwebhookinfo" -> webhookInfo();
            default -> new Result(404, error(404, "Not Found: method not found"));
        };
    }

    private Fault takeFault(String method, JsonNode p) {
        lock.lock();
        try {
            if ((method.equals("sendmessage") || method.equals("sendchataction") || method.equals("editmessagetext"))
                    && blockedChats.contains(p.path("chat_id").asLong())) {
                return Fault.blocked();
            }
            Queue<Fault> q = faults.get(method);
            Fault next = q == null ? null : q.poll();
            return next != null ? next : outages.get(method);
        } finally {
            lock.unlock();
        }
    }

    private Result getUpdates(JsonNode p) {
        long offset = p.path("offset").asLong(0);
        int limit = Math.clamp(p.path("limit").asInt(MAX_LIMIT), 1, MAX_LIMIT);
        long timeoutNanos = Duration.ofSeconds(Math.max(0, p.path("timeout").asInt(0))).toNanos();
        long deadline = System.nanoTime() + timeoutNanos;
        lock.lock();
        try {
            long hungUntil = System.nanoTime() + MAX_HANG.toNanos();
            while (hangingPolls && System.nanoTime() < hungUntil) {
                changed.awaitNanos(Duration.ofSeconds(1).toNanos());
            }
            deadline = System.nanoTime() + timeoutNanos;
            if (webhookUrl != null) {
                return new Result(409, error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"));
            }
            if (offset > 0) {
                pendingUpdates.removeIf(u -> u.get("update_id").asLong() < offset);
            }
            while (pendingUpdates.isEmpty() || hangingPolls) {
                if (hangingPolls) {
                    // a hang that starts while this call waits holds it too
                    if (System.nanoTime() >= hungUntil) break;
                    changed.awaitNanos(Duration.ofSeconds(1).toNanos());
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                changed.awaitNanos(left);
                if (offset > 0) {
                    pendingUpdates.removeIf(u -> u.get("update_id").asLong() < offset);
                }
            }
            ArrayNode out = nodes.arrayNode();
            pendingUpdates.stream().limit(limit).forEach(out::add);
            return ok(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(500, error(500, "Internal Server Error: stopping"));
        } finally {
            lock.unlock();
        }
    }

    private Result sendMessage(JsonNode p) {
        long chatId = p.path("chat_id").asLong();
        String html = p.path("text").asText("");
        Result invalid = checkText(html, p.path("parse_mode").asText(""));
        if (invalid != null) {
            return invalid;
        }
        if (!awaitDeliverable()) {
            return new Result(BAD_GATEWAY, error(BAD_GATEWAY, "Bad Gateway"));
        }
        Integer replyTo = null;
        if (p.path("reply_parameters").has("message_id")) {
            replyTo = p.path("reply_parameters").get("message_id").asInt();
        } else if (p.has("reply_to_message_id")) {
            replyTo = p.get("reply_to_message_id").asInt();
        }
        SentMessage m = new SentMessage(readers.nextMessageId(), chatId, html, visible(html, p), replyTo,
                buttons(p, "callback_data"), buttons(p, "text"), false);
        return new Result(200, ok(messageJson(m, p)).body(), m);
    }

    /** False if this sendMessage is caught in a held outage and then released (so not delivered). */
    private boolean awaitDeliverable() {
        lock.lock();
        try {
            if (deliverBeforeHold < 0) {
                return true;
            }
            if (deliverBeforeHold > 0) {
                deliverBeforeHold--;
                return true;
            }
            heldCount++;
            changed.signalAll();
            try {
                while (!releaseHeld) {
                    changed.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                heldCount--;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    private Result editMessageText(JsonNode p) {
        long chatId = p.path("chat_id").asLong();
        int messageId = p.path("message_id").asInt();
        String html = p.path("text").asText("");
        Result invalid = checkText(html, p.path("parse_mode").asText(""));
        if (invalid != null) {
            return invalid;
        }
        SentMessage original = find(chatId, messageId);
        if (original == null) {
            return new Result(400, error(400, "Bad Request: message to edit not found"));
        }
        List<String> buttons = buttons(p, "callback_data");
        if (original.html().equals(html) && original.buttons().equals(buttons)) {
            return new Result(400, error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"));
        }
        SentMessage edited = new SentMessage(messageId, chatId, html, visible(html, p), original.replyTo(), buttons,
                buttons(p, "text"), true);
        return new Result(200, ok(messageJson(edited, p)).body(), edited);
    }

    private Result answerCallbackQuery(JsonNode p) {
        String id = p.path("callback_query_id").asText("");
        lock.lock();
        try {
            if (!openCallbacks.remove(id)) {
                return new Result(400, error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid"));
            }
        } finally {
            lock.unlock();
        }
        return ok(nodes.booleanNode(true));
    }

    private Result setMyCommands(JsonNode p) {
        lock.lock();
        try {
            commandsByLanguage.put(p.path("language_code").asText(""), p.path("commands").toString());
        } finally {
            lock.unlock();
        }
        return ok(nodes.booleanNode(true));
    }

    private Result setWebhook(JsonNode p) {
        String url = p.path("url").asText("");
        lock.lock();
        try {
            if (url.isEmpty()) {
                webhookUrl = null;
                webhookSecret = null;
            } else {
                webhookUrl = URI.create(url);
                webhookSecret = p.hasNonNull("secret_token") ? p.get("secret_token").asText() : null;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return ok(nodes.booleanNode(true));
    }

    private Result deleteWebhook() {
        lock.lock();
        try {
            webhookUrl = null;
            webhookSecret = null;
        } finally {
            lock.unlock();
        }
        return ok(nodes.booleanNode(true));
    }

    private Result webhookInfo() {
        ObjectNode info = nodes.objectNode();
        lock.lock();
        try {
            info.put("url", webhookUrl == null ? "" : webhookUrl.toString());
            info.put("has_custom_certificate", false);
            info.put("pending_update_count", pendingUpdates.size());
        } finally {
            lock.unlock();
        }
        return ok(info);
    }

    private Result checkText(String html, String parseMode) {
        if (html.isBlank()) {
            return new Result(400, error(400, "Bad Request: message text is empty"));
        }
        String text;
        if (parseMode.equalsIgnoreCase("HTML")) {
            try {
                text = TelegramHtml.visibleText(html);
            } catch (IllegalArgumentException e) {
                return new Result(400, error(400, "Bad Request: can't parse entities: " + e.getMessage()));
            }
        } else {
            text = html;
        }
        if (text.length() > MAX_MESSAGE_LENGTH) {
            return new Result(400, error(400, "Bad Request: message is too long"));
        }
        return null;
    }

    private static String visible(String html, JsonNode p) {
        return p.path("parse_mode").asText("").equalsIgnoreCase("HTML") ? TelegramHtml.visibleText(html) : html;
    }

    private static List<String> buttons(JsonNode p, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : p.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode b : row) {
                out.add(b.path(field).asText(""));
            }
        }
        return out;
    }

    private ObjectNode messageJson(SentMessage m, JsonNode p) {
        ObjectNode out = nodes.objectNode();
        out.put("message_id", m.messageId());
        out.set("from", readers.botUser());
        ObjectNode chat = out.putObject("chat");
        chat.put("id", m.chatId());
        chat.put("type", m.chatId() > 0 ? "private" : "supergroup");
        out.put("date", ReaderUpdates.now());
        out.put("text", m.text());
        if (m.edited()) {
            out.put("edit_date", ReaderUpdates.now());
        }
        if (p.has("reply_markup")) {
            out.set("reply_markup", p.get("reply_markup"));
        }
        return out;
    }

    private SentMessage find(long chatId, int messageId) {
        lock.lock();
        try {
            SentMessage last = null;
            for (SentMessage m : messages) {
                if (m.chatId() == chatId && m.messageId() == messageId) {
                    last = m;
                }
            }
            return last;
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- webhook delivery

    private void deliver(URI hook, String secret, ObjectNode update) {
        for (int attempt = 1; attempt <= WEBHOOK_ATTEMPTS; attempt++) {
            int status = post(hook, secret, update);
            lock.lock();
            try {
                webhookStatuses.add(status);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            if (status >= 200 && status < 300) {
                return;
            }
            try {
                Thread.sleep(WEBHOOK_RETRY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int post(URI hook, String secret, ObjectNode update) {
        HttpRequest.Builder req = HttpRequest.newBuilder(hook)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(update.toString()));
        if (secret != null) {
            req.header(SECRET_HEADER, secret);
        }
        try {
            return webhookClient.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    // ---------------------------------------------------------------- JSON

    private Result ok(JsonNode result) {
        ObjectNode n = nodes.objectNode();
        n.put("ok", true);
        n.set("result", result);
        return new Result(200, n);
    }

    private ObjectNode error(int code, String description) {
        ObjectNode n = nodes.objectNode();
        n.put("ok", false);
        n.put("error_code", code);
        n.put("description", description);
        return n;
    }

    private void respond(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Drops everything recorded (calls, messages), keeping the queue of updates; for a benchmark's warm-up. */
    public void forgetCalls() {
        lock.lock();
        try {
            calls.clear();
            messages.clear();
        } finally {
            lock.unlock();
        }
    }
}
