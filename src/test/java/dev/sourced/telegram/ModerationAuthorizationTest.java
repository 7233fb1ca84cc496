package dev.sourced.telegram;

import dev.sourced.botsim.LocalBotApiServer;
import static dev.sourced.telegram.ModBotFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.telegram.store.ModerationStore;
import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import dev.sourced.botsim.LocalBotApiServer.SentMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may do what: readers no moderator command, moderators everything but appointing moderators, admins everything;
 * in private and in groups alike, decided by the sender's user id. Every refusal is a short reply and an audit entry.
 */
class ModerationAuthorizationTest {
    @TempDir
    static Path dir;
    static ModBotFixture f;
    static Person moderator;
    static String docId;

    @BeforeAll
    static void start() throws Exception {
        f = ModBotFixture.start(dir);
        moderator = f.newModerator();
        docId = f.documents.list(false).get(0).id();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    enum Who { READER, MODERATOR, ADMIN }

    /** A moderator command and whether moderators (not only admins) may use it. */
    record Cmd(String text, boolean forModerators) {
        @Override
        public String toString() {
            return text;
        }
    }

    static final List<Cmd> COMMANDS = List.of(
            new Cmd("/mod list", false), new Cmd("/mod add 4242", false), new Cmd("/mod remove 4242", false),
            new Cmd("/audit", true), new Cmd("/add", true), new Cmd("/add Title\nSome text about nothing in particular.", true),
            new Cmd("/docs", true), new Cmd("/doc DOC", true), new Cmd("/edit DOC outlet Same Outlet", true),
            new Cmd("/remove no-such-doc", true), new Cmd("/restore no-such-doc", true), new Cmd("FILE", true));

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (Who who : Who.values()) {
            for (Cmd c : COMMANDS) {
                for (boolean group : new boolean[] {false, true}) {
                    out.add(Arguments.of(who, c, group));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} (group: {2})")
    @MethodSource("matrix")
    void everyModeratorCommandIsCheckedOnTheSendersRole(Who who, Cmd cmd, boolean inGroup) {
        Person p = switch (who) {
            case READER -> BotFixture.reader("en");
            case MODERATOR -> moderator;
            case ADMIN -> ModBotFixture.ADMIN;
        };
        ChatRef chat = inGroup ? BotFixture.group() : ChatRef.privateWith(p);
        String text = cmd.text().replace("DOC", docId);
        int sent = text.equals("FILE")
                ? f.server.sendDocument(chat, p, "note.txt", "text/plain",
                        "Note\nA short note that will not be confirmed.".getBytes(StandardCharsets.UTF_8), inGroup ? "/add" : null, null)
                : f.server.send(chat, p, text);
        SentMessage reply = f.server.awaitReplyTo(chat.id(), sent, WAIT);

        boolean allowed = who == Who.ADMIN || who == Who.MODERATOR && cmd.forModerators();
        if (allowed) {
            assertThat(reply.text()).doesNotContain("moderators only").doesNotContain("Only admins");
        } else {
            assertThat(reply.text()).containsAnyOf("for the corpus moderators only", "Only admins can appoint");
            assertThat(reply.text().length()).isLessThan(100);
            assertThat(f.store.latestAudit(20)).anySatisfy(e -> {
                assertThat(e.userId()).isEqualTo(p.id());
                assertThat(e.chatId()).isEqualTo(chat.id());
                assertThat(e.outcome()).isEqualTo("refused");
            });
        }
    }

    @Test
    void aReaderCannotConfirmAPreviewAndTheRefusalIsRecorded() {
        ChatRef group = BotFixture.group();
        SentMessage preview = f.say(group, moderator, "/add Harvest festival in Pleyben\nThe harvest festival of Pleyben drew"
                + " 6,000 visitors on Sunday, twice as many as last year, the organisers said.");
        Person reader = BotFixture.reader("en");
        int before = f.store.latestAudit(1000).size();
        f.server.press(group, reader, preview.messageId(), "mod:ok:" + ModBotFixture.previewNumber(preview));
        f.server.await(() -> f.store.latestAudit(1000).size() > before, WAIT, () -> "the refusal recorded");

        ModerationStore.AuditEntry e = f.store.latestAudit(1).get(0);
        assertThat(e.userId()).isEqualTo(reader.id());
        assertThat(e.action()).isEqualTo("confirm");
        assertThat(e.outcome()).isEqualTo("refused");
        assertThat(f.store.draft(ModBotFixture.previewNumber(preview)).orElseThrow().pending()).isTrue();
        assertThat(f.documents.list(false)).noneMatch(d -> d.title().contains("Pleyben"));
    }

    @Test
    void aRevokedModeratorIsAReaderAgainAndAModeratorCommandForAnotherBotIsLeftAlone() {
        Person p = f.newModerator();
        ChatRef chat = ChatRef.privateWith(p);
        assertThat(f.say(chat, p, "/docs").text()).contains("newest first");
        ChatRef adminChat = ChatRef.privateWith(ModBotFixture.ADMIN);
        assertThat(f.say(adminChat, ModBotFixture.ADMIN, "/mod remove " + p.id()).text()).contains("no longer a moderator");
        assertThat(f.say(adminChat, ModBotFixture.ADMIN, "/mod list").text()).doesNotContain(String.valueOf(p.id()));
        assertThat(f.say(chat, p, "/docs").text()).contains("moderators only");

        ChatRef group = BotFixture.group();
        int other = f.server.send(group, p, "/remove@some_other_bot " + docId);
        f.say(group, p, "/ask " + BotFixture.ENGLISH_QUESTION);
        assertThat(f.server.replyTo(group.id(), other)).isEmpty();
        assertThat(f.documents.get(docId).orElseThrow().removed()).isFalse();
    }
}
