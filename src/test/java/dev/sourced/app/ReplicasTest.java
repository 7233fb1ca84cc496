package dev.sourced.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sourced.answer.Answer;
import dev.sourced.answer.Question;
import dev.sourced.botsim.LocalBotApiServer;
import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import dev.sourced.botsim.LocalBotApiServer.SentMessage;
import dev.sourced.config.Config;
import dev.sourced.corpus.DocumentMeta;
import dev.sourced.corpus.Lang;
import dev.sourced.corpus.SourceDocument;
import dev.sourced.store.Database;
import dev.sourced.store.TestPostgres;
import dev.sourced.store.TestStores;
import dev.sourced.store.Dialect;
import dev.sourced.telegram.BotConfig;
import dev.sourced.telegram.TelegramBot;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several replicas on one PostgreSQL (started by the test) and the local Bot API server: every update answered once,
 * each chat in order, also when a replica is killed with SIGKILL mid-batch (it runs as a process of its own) and when
 * the same update reaches two replicas; a document added or removed through one replica shows at the others within
 * 5 s.
 */
class ReplicasTest {
    private static final String TOKEN = "123456789:AAreplicas-test";
    private static final String QUESTION = "Combien de GPU Elon Musk a-t-il achetés ?";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private Map<String, String> env(String url, String replica) {
        Map<String, String> env = new HashMap<>();
        env.put(Sourced.ENV_DATABASE_URL, url);
        env.put(Sourced.ENV_DATABASE_USER, "postgres");
        env.put("SOURCED_DATA", dir.resolve(replica).toString());
        env.put("SOURCED_CORPUS", Path.of("corpus").toAbsolutePath().toString());
        env.put("SOURCED_EMBEDDING", "none");
        env.put("SOURCED_FREEDICT", "false");
        env.put(BotConfig.ENV_REPLICA, replica);
        env.put(BotConfig.ENV_RATE_LIMIT, "0");
        return env;
    }

    private Process replica(String url, String name, LocalBotApiServer server) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.sourced.cli.Main", "bot");
        pb.environment().putAll(env(url, name));
        pb.environment().put(BotConfig.ENV_TOKEN, TOKEN);
        pb.environment().put(BotConfig.ENV_API_URL, server.url().toString());
        Path logs = Path.of("target", "replicas-test");
        Files.createDirectories(logs);
        pb.redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile());
        return pb.start();
    }

    @Test
    void threeReplicasAnswerEveryUpdateOnceInEachChatsOrderAlsoWhenThePollerIsKilledMidBatch() throws Exception {
        String url = TestPostgres.get().newDatabase();
        try (Sourced seed = Sourced.open(Config.from(env(url, "seed")))) {
            assertThat(seed.corpus().documents()).isNotEmpty();
        }
        List<Process> replicas = new ArrayList<>();
        try (LocalBotApiServer server = LocalBotApiServer.start(TOKEN);
             Database shared = new TestStores.Location(Dialect.POSTGRESQL, dir.resolve("probe"), url).openWithBotTables()) {
            for (String name : List.of("r1", "r2", "r3")) {
                replicas.add(replica(url, name, server));
            }
            server.await(() -> server.calls("getMe").size() >= 3, WAIT, () -> "three replicas started");

            List<Person> readers = new ArrayList<>();
            List<ChatRef> chats = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                readers.add(new Person(70_000 + i, "Reader" + i, i % 2 == 0 ? "fr" : "en"));
                chats.add(ChatRef.privateWith(readers.get(i)));
            }
            Map<Long, List<Integer>> asked = new HashMap<>();
            // the first wave: 30 replies get through, then Telegram stops accepting them (held, never delivered)
            server.holdSendMessagesAfter(30);
            ask(server, readers, chats, asked, 0);
            server.await(() -> server.heldCount() > 0 && server.allMessages().size() >= 30, WAIT, () -> "replies held");
            String poller = shared.first("SELECT holder FROM leases WHERE name = 'poller'", rs -> rs.getString(1)).orElseThrow();
            server.await(() -> claimedBy(shared, poller) > 0, WAIT, () -> poller + " holding updates");
            // the kill comes once every delivered reply is recorded: a SIGKILL between Telegram accepting a message and
            // its record re-sends that one message (no Bot API call can be made idempotent); the soak measures that
            // rate, this test the hand-over of claims and of the poller lease
            server.await(() -> partsRecorded(shared) == server.allMessages().size(), WAIT, () -> "replies recorded");

            Process victim = replicas.get(Integer.parseInt(poller.substring(1)) - 1);
            victim.destroyForcibly().waitFor(); // SIGKILL: no claim released, no lease given up
            server.releaseHeld(); // the held replies failed (502): the survivors retry theirs, the victim's lapse
            ask(server, readers, chats, asked, 1);
            ask(server, readers, chats, asked, 2);

            for (ChatRef chat : chats) {
                List<Integer> questions = asked.get(chat.id());
                server.await(() -> server.messages(chat.id()).size() >= questions.size(), WAIT,
                        () -> "the replies of chat " + chat.id() + ": " + server.messages(chat.id()) + "; logs in " + dir);
            }
            Thread.sleep(1000); // a late duplicate would show now
            for (ChatRef chat : chats) {
                assertThat(server.messages(chat.id())).extracting(SentMessage::replyTo)
                        .as("chat %d: one reply per question, in order; journal %s; poller was %s", chat.id(),
                                shared.query("SELECT update_id, claimed_by, parts_sent, outcome FROM tg_updates WHERE chat_id = ?",
                                        rs -> rs.getLong(1) + "/" + rs.getString(2) + "/" + rs.getInt(3) + "/" + rs.getString(4), chat.id()),
                                poller)
                        .containsExactlyElementsOf(asked.get(chat.id()));
            }
            List<String> answeredBy = shared.query("SELECT DISTINCT claimed_by FROM tg_updates WHERE state = 'done'", rs -> rs.getString(1));
            assertThat(answeredBy).as("replicas that answered").hasSizeGreaterThanOrEqualTo(2);
            assertThat(shared.first("SELECT holder FROM leases WHERE name = 'poller'", rs -> rs.getString(1)))
                    .as("the poller lease moved to a survivor").isPresent().get().isNotEqualTo(poller);
        } finally {
            for (Process p : replicas) {
                p.destroy();
            }
            for (Process p : replicas) {
                if (!p.waitFor(15, TimeUnit.SECONDS)) p.destroyForcibly();
            }
        }
    }

    private static int partsRecorded(Database shared) {
        return shared.first("SELECT coalesce(sum(parts_sent), 0) FROM tg_updates", rs -> rs.getInt(1)).orElse(0);
    }

    private static int claimedBy(Database shared, String replica) {
        return shared.first("SELECT count(*) FROM tg_updates WHERE state = 'pending' AND claimed_by = ?", rs -> rs.getInt(1), replica)
                .orElse(0);
    }

    private static void ask(LocalBotApiServer server, List<Person> readers, List<ChatRef> chats, Map<Long, List<Integer>> asked, int wave) {
        for (int i = 0; i < chats.size(); i++) {
            int id = server.send(chats.get(i), readers.get(i), wave == 0 ? QUESTION : "Question " + wave + " : " + QUESTION);
            asked.computeIfAbsent(chats.get(i).id(), k -> new ArrayList<>()).add(id);
        }
    }

    @Test
    void theSameUpdateDeliveredToTwoReplicasIsAnsweredOnce() throws Exception {
        String url = TestPostgres.get().newDatabase();
        String secret = "replicas_webhook_secret";
        int[] ports = {freePort(), freePort()};
        try (LocalBotApiServer server = LocalBotApiServer.start(TOKEN);
             Sourced a = Sourced.open(Config.from(env(url, "a")));
             Sourced b = Sourced.open(Config.from(env(url, "b")))) {
            List<URI> hooks = new ArrayList<>();
            List<TelegramBot> bots = new ArrayList<>();
            Sourced[] replicas = {a, b};
            for (int i = 0; i < 2; i++) {
                URI hook = URI.create("http://127.0.0.1:" + ports[i] + "/telegram/updates");
                hooks.add(hook);
                bots.add(replicas[i].startBot(BotConfig.of(TOKEN).withApiUrl(server.url()).withWebhook(hook, secret, "127.0.0.1", ports[i])
                        .withReplica(i == 0 ? "a" : "b").withShutdownGrace(Duration.ofSeconds(1)).withTypingDelay(Duration.ZERO)
                        .withRateLimitPerMinute(0), Set.of(), replicas[i].intake()));
            }
            try {
                ExecutorService pool = Executors.newFixedThreadPool(4);
                List<long[]> sent = new ArrayList<>();
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    Person reader = new Person(80_000 + i, "Twice" + i, "fr");
                    ChatRef chat = ChatRef.privateWith(reader);
                    ObjectNode update = server.textUpdate(chat, reader, QUESTION);
                    server.postTo(hooks.get(0), secret, update); // assigns the update_id
                    statuses.add(pool.submit(() -> server.postTo(hooks.get(1), secret, update.deepCopy())));
                    sent.add(new long[] {chat.id(), update.get("message").get("message_id").asInt()});
                }
                for (Future<Integer> f : statuses) assertThat(f.get()).isEqualTo(200);
                pool.shutdown();
                for (long[] s : sent) {
                    server.awaitReplyTo(s[0], (int) s[1], WAIT);
                }
                Thread.sleep(1000);
                for (long[] s : sent) {
                    assertThat(server.messages(s[0])).as("chat %d", s[0]).hasSize(1);
                }
            } finally {
                bots.forEach(TelegramBot::close);
            }
        }
    }

    @Test
    void aDocumentAddedOrRemovedThroughOneReplicaShowsAtTheOtherWithinFiveSeconds() throws Exception {
        String url = TestPostgres.get().newDatabase();
        try (Sourced a = Sourced.open(Config.from(env(url, "a")));
             Sourced b = Sourced.open(Config.from(env(url, "b")))) {
            b.watchOutsideWrites(Sourced.OUTSIDE_WRITES_EVERY);
            String question = "What did the Harbourton council vote for the tram depot?";
            a.curation().ingest(new SourceDocument(new DocumentMeta("depot", "Harbourton votes its tram depot", "The Courier", "",
                    Lang.EN, "2024-03-01", "test:depot"), "text",
                    "The Harbourton council voted 14 million euros for the tram depot on Tuesday. Work starts in June."));
            long added = System.nanoTime();
            Answer seen = awaitAnswer(b, question, ans -> ans.citations().stream().anyMatch(c -> c.source().docId().equals("depot")));
            assertThat(Duration.ofNanos(System.nanoTime() - added)).isLessThan(Duration.ofSeconds(5));
            assertThat(seen.text()).contains("14");

            a.curation().remove("depot");
            long removed = System.nanoTime();
            awaitAnswer(b, question, ans -> ans.citations().stream().noneMatch(c -> c.source().docId().equals("depot")));
            assertThat(Duration.ofNanos(System.nanoTime() - removed)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aNewReplicaBuildsItsIndexFromTheSharedStore() {
        String url = TestPostgres.get().newDatabase();
        try (Sourced a = Sourced.open(Config.from(env(url, "a")))) {
            a.curation().ingest(new SourceDocument(new DocumentMeta("quay", "A new quay", "The Courier", "", Lang.EN, "2024-03-02",
                    "test:quay"), "text", "The port of Harbourton opened a new quay for container ships in March."));
            try (Sourced late = Sourced.open(Config.from(env(url, "late")), false)) {
                assertThat(late.health().passagesIndexed()).isEqualTo(a.health().passagesIndexed()).isPositive();
                assertThat(late.answerer().ask(Question.of("When did Harbourton open its new quay?")).citations())
                        .anySatisfy(c -> assertThat(c.source().docId()).isEqualTo("quay"));
            }
        }
    }

    private static Answer awaitAnswer(Sourced s, String question, java.util.function.Predicate<Answer> done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Answer ans = s.answerer().ask(Question.of(question));
            if (done.test(ans) || System.nanoTime() > deadline) {
                return ans;
            }
            Thread.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
