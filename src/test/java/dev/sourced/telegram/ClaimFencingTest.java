package dev.sourced.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sourced.botsim.LocalBotApiServer;
import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import dev.sourced.store.Database;
import dev.sourced.store.Dialect;
import dev.sourced.store.TestStores;
import dev.sourced.telegram.store.UpdateJournal;
import dev.sourced.telegram.store.UpdateJournal.Incoming;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** A replica whose claim was taken over (it paused past its lease) does not send: the one holding the claim does. */
class ClaimFencingTest {
    private static final String TOKEN = "123456789:AAfencing-test";

    @TempDir
    Path dir;

    @Test
    void aReplicaThatLostItsClaimSendsNothing() throws Exception {
        TestStores.Location at = TestStores.fresh(Dialect.POSTGRESQL, dir);
        try (LocalBotApiServer server = LocalBotApiServer.start(TOKEN);
             Database dbA = at.openWithBotTables();
             Database dbB = at.openWithBotTables()) {
            OkHttpClient http = new OkHttpClient();
            BotApi api = new BotApi(new OkHttpTelegramClient(http, TOKEN, TelegramBot.telegramUrl(server.url())));
            UpdateJournal a = new UpdateJournal(dbA, "a");
            UpdateJournal b = new UpdateJournal(dbB, "b");
            ChatRef chat = ChatRef.privateWith(new Person(5150, "Paused", "en"));
            a.record(List.of(new Incoming(1, chat.id(), "{}")));
            UpdateJournal.Entry mine = a.claim(Duration.ofMillis(200), 1).get(0);
            Thread.sleep(400); // a pauses past its lease
            UpdateJournal.Entry theirs = b.claim(Duration.ofMinutes(1), 1).get(0);

            assertThatThrownBy(() -> new ReplySender(api, a).send(chat.id(), Reply.plain("from a"), null, mine))
                    .isInstanceOf(ReplySender.ClaimLostException.class);
            new ReplySender(api, b).send(chat.id(), Reply.plain("from b"), null, theirs);
            assertThat(server.messages(chat.id())).extracting(LocalBotApiServer.SentMessage::text).containsExactly("from b");
            http.dispatcher().executorService().shutdown();
        }
    }
}
