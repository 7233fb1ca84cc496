package dev.sourced.telegram;

import dev.sourced.botsim.LocalBotApiServer;
import static dev.sourced.telegram.ModBotFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sourced.telegram.store.ModerationStore;
import dev.sourced.store.StoredDocument;
import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import dev.sourced.botsim.LocalBotApiServer.SentMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moderators add documents (a file, pasted text, a link) through a preview they confirm, and the very next question
 * cites the new document; they edit, remove and restore documents; every action lands in the audit trail.
 */
class ModerationFlowTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/moderation");
    @TempDir
    static Path dir;
    static ModBotFixture f;
    static HttpServer site;

    @BeforeAll
    static void start() throws Exception {
        f = ModBotFixture.start(dir);
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] article = Files.readAllBytes(FIXTURES.resolve("article.html"));
        site.createContext("/news/apiculteurs", ex -> respond(ex, 200, "text/html; charset=utf-8", article));
        site.createContext("/old-link", ex -> {
            ex.getResponseHeaders().set("Location", "/news/apiculteurs");
            respond(ex, 301, "text/plain", new byte[0]);
        });
        site.start();
    }

    static void respond(com.sun.net.httpserver.HttpExchange ex, int status, String type, byte[] body) throws IOException {
        try (ex) {
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) ex.getResponseBody().write(body);
        }
    }

    @AfterAll
    static void stop() {
        site.stop(0);
        f.close();
    }

    static String siteUrl(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    @Test
    void aFileSentByAModeratorIsPreviewedThenConfirmedAndTheNextQuestionCitesIt() throws Exception {
        Person mod = f.newModerator();
        ChatRef chat = ChatRef.privateWith(mod);
        SentMessage preview = f.sendFile(chat, mod, "ferry.txt", Files.readAllBytes(FIXTURES.resolve("ferry.txt")));

        assertThat(preview.text()).contains("Preview #").contains("Night ferry on Lake Varn breaks its passenger record")
                .contains("Language: en").contains("Passages: ").contains("The night ferry between Ostrel and Kemby");
        assertThat(preview.buttons()).hasSize(3).allSatisfy(b -> assertThat(b).startsWith("mod:"));
        assertThat(f.server.calls("getFile")).isNotEmpty();
        assertThat(f.documents.list(false)).noneMatch(d -> d.title().contains("Lake Varn"));

        SentMessage added = f.press(chat, mod, preview, "ok");
        assertThat(added.text()).contains("Added").contains("searchable now");
        SentMessage answer = f.say(chat, mod, "How many passengers did the night ferry on Lake Varn carry?");
        assertThat(answer.text()).contains("1,240");
        assertThat(f.server.messages(chat.id())).anySatisfy(m -> {
            assertThat(m.edited()).isTrue();
            assertThat(m.buttons()).isEmpty();
            assertThat(m.text()).contains("Confirmed by " + mod.id());
        });
        assertThat(f.store.latestAudit(50)).anySatisfy(e -> {
            assertThat(e.userId()).isEqualTo(mod.id());
            assertThat(e.action()).isEqualTo("confirm");
            assertThat(e.outcome()).isEqualTo("ok");
            assertThat(e.docId()).startsWith("night-ferry-on-lake-varn");
        });

        // the same file again is refused, nothing stored twice
        SentMessage again = f.sendFile(chat, mod, "ferry-copy.txt", Files.readAllBytes(FIXTURES.resolve("ferry.txt")));
        assertThat(again.text()).contains("already in the corpus").contains("night-ferry-on-lake-varn");
        // a lightly changed version is flagged as a near-duplicate in its preview
        String changed = Files.readString(FIXTURES.resolve("ferry.txt")).replace("Friday", "Saturday");
        SentMessage near = f.sendFile(chat, mod, "ferry-v2.txt", changed.getBytes(StandardCharsets.UTF_8));
        assertThat(near.text()).contains("Near-duplicate").contains("night-ferry-on-lake-varn");
        f.server.press(chat, mod, near.messageId(), "mod:no:" + ModBotFixture.previewNumber(near));
        f.server.await(() -> f.server.messages(chat.id()).stream().anyMatch(m -> m.edited() && m.text().contains("Cancelled")),
                WAIT, () -> "the preview closed as cancelled");
        assertThat(f.documents.list(false).stream().filter(d -> d.title().contains("Lake Varn"))).hasSize(1);
    }

    @Test
    void pastedTextIsAddedWithItsFirstLineAsTitleAndMetadataCanBeCorrectedBeforeConfirming() {
        Person mod = f.newModerator();
        ChatRef chat = ChatRef.privateWith(mod);
        SentMessage preview = f.say(chat, mod, """
                /add Tramway de Quillan : la ligne 3 ouvrira en juin
                La ligne 3 du tramway de Quillan ouvrira le 14 juin avec neuf stations entre la gare et l'hôpital.
                Le chantier a coûté 212 millions d'euros, financés pour moitié par la métropole.
                Les rames circuleront toutes les six minutes aux heures de pointe.""");
        assertThat(preview.text()).contains("Title: Tramway de Quillan : la ligne 3 ouvrira en juin").contains("Language: fr");
        long n = ModBotFixture.previewNumber(preview);

        SentMessage help = f.press(chat, mod, preview, "meta");
        assertThat(help.text()).contains("/edit #" + n);
        SentMessage updated = f.say(chat, mod, "/edit #" + n + " outlet La Gazette de Quillan");
        SentMessage dated = f.say(chat, mod, "/edit #" + n + " date 2024-05-02");
        SentMessage badDate = f.say(chat, mod, "/edit #" + n + " date next tuesday");
        assertThat(updated.text()).contains("Outlet: La Gazette de Quillan");
        assertThat(dated.text()).contains("Date: 2024-05-02").contains("Outlet: La Gazette de Quillan");
        assertThat(badDate.text()).contains("YYYY-MM-DD");

        SentMessage added = f.press(chat, mod, dated, "ok");
        assertThat(added.text()).contains("Added");
        SentMessage answer = f.say(chat, mod, "Combien a coûté la ligne 3 du tramway de Quillan ?");
        assertThat(answer.text()).contains("212 millions");
        StoredDocument d = f.documents.list(false).stream().filter(x -> x.title().startsWith("Tramway de Quillan")).findFirst().orElseThrow();
        assertThat(d.outlet()).isEqualTo("La Gazette de Quillan");
        assertThat(d.published()).isEqualTo("2024-05-02");
        // a preview is acted on once
        f.server.press(chat, mod, dated.messageId(), "mod:ok:" + n);
        f.server.await(() -> f.server.calls("answerCallbackQuery").stream()
                .anyMatch(c -> c.params().path("text").asText("").contains("already confirmed")), WAIT, () -> "already confirmed");
    }

    @Test
    void aLinkIsFetchedThroughARedirectWithItsMetadataAndNeverItsScripts() {
        Person mod = f.newModerator();
        ChatRef chat = ChatRef.privateWith(mod);
        SentMessage preview = f.say(chat, mod, "/add " + siteUrl("/old-link"));

        assertThat(preview.text()).contains("Les apiculteurs de Brénod comptent leurs ruches après l'hiver")
                .contains("Outlet: Le Courrier du Lac").contains("Date: 2024-03-18").contains("Language: fr")
                .contains("URL: https://courrier-du-lac.example/2024/03/apiculteurs-brenod")
                .doesNotContain("trackingMarker").doesNotContain("injected-script-text").doesNotContain("Accueil");
        SentMessage added = f.press(chat, mod, preview, "ok");
        assertThat(added.text()).contains("Added");

        SentMessage answer = f.say(chat, mod, "Combien de colonies les apiculteurs de Brénod ont-ils perdu pendant l'hiver ?");
        assertThat(answer.text()).contains("37 %");
        StoredDocument d = f.documents.list(false).stream().filter(x -> x.outlet().equals("Le Courrier du Lac")).findFirst().orElseThrow();
        assertThat(d.text()).doesNotContain("do-not-index-this-script").doesNotContain("injected-script-text")
                .doesNotContain("hidden-style-marker").doesNotContain("Tous droits réservés");
        assertThat(f.documents.passages(d.id())).allSatisfy(p -> assertThat(p.text()).doesNotContain("script"));
    }

    @Test
    void aDocumentIsShownEditedRemovedAndRestoredAndTheIndexFollowsAtOnce() throws Exception {
        Person mod = f.newModerator();
        ChatRef chat = ChatRef.privateWith(mod);
        SentMessage preview = f.sendFile(chat, mod, "hostile.html", Files.readAllBytes(FIXTURES.resolve("hostile.html")));
        f.press(chat, mod, preview, "ok");
        String id = f.documents.list(false).stream().filter(d -> d.title().startsWith("Harbour dredging")).findFirst()
                .orElseThrow().id();

        SentMessage docs = f.say(chat, mod, "/docs");
        assertThat(docs.text()).contains("newest first").contains(id);
        SentMessage doc = f.say(chat, mod, "/doc " + id);
        assertThat(doc.text()).contains("Harbour dredging contract").contains("Passages: ");

        assertThat(f.say(chat, mod, "/edit " + id + " outlet Port Aldane Gazette").text()).contains("Done");
        assertThat(f.documents.get(id).orElseThrow().outlet()).isEqualTo("Port Aldane Gazette");
        assertThat(f.say(chat, mod, "/edit " + id + " colour blue").text()).contains("unknown field");

        String question = "Who won the dredging contract of the Port Aldane harbour?";
        String source = "Harbour dredging contract awarded";
        assertThat(f.say(chat, mod, question).text()).contains(source);
        assertThat(f.say(chat, mod, "/remove " + id).text()).contains("Removed " + id);
        assertThat(f.say(chat, mod, question).text()).doesNotContain(source);
        assertThat(f.say(chat, mod, "/doc " + id).text()).contains("Removed on");
        assertThat(f.say(chat, mod, "/remove " + id).text()).contains("There is no document");
        assertThat(f.say(chat, mod, "/restore " + id).text()).contains("Restored " + id);
        assertThat(f.say(chat, mod, question).text()).contains(source);
        assertThat(f.say(chat, mod, "/restore " + id).text()).contains("No document");

        SentMessage audit = f.say(chat, mod, "/audit");
        assertThat(audit.text()).contains("remove · " + id + " · ok").contains("restore · " + id + " · ok")
                .contains("edit · " + id + " · ok").contains("user " + mod.id());
    }

    @Test
    void aModeratorWhoseTelegramIsInFrenchIsAnsweredInFrench() {
        Person mod = f.newModerator("fr");
        ChatRef chat = ChatRef.privateWith(mod);
        assertThat(f.say(chat, mod, "/docs").text()).contains("Documents, du plus récent");
        assertThat(f.say(chat, mod, "/remove pas-de-tel-document").text()).contains("Il n'y a pas de document 'pas-de-tel-document'");
        SentMessage preview = f.say(chat, mod, "/add Marché de Noël prolongé à Vesoul\nLe marché de Noël de Vesoul restera"
                + " ouvert jusqu'au 4 janvier, a annoncé la mairie, après une fréquentation record en décembre.");
        assertThat(preview.text()).contains("Aperçu n°").contains("pas dans le corpus avant confirmation").contains("Titre :");
        assertThat(preview.buttons()).anyMatch(b -> b.startsWith("mod:ok:"));
        assertThat(f.press(chat, mod, preview, "ok").text()).contains("est ajouté sous").contains("cherchables dès maintenant");

        Person reader = BotFixture.reader("fr");
        assertThat(f.say(ChatRef.privateWith(reader), reader, "/audit").text()).contains("Désolé, /audit est réservé aux modérateurs");
    }

    @Test
    void previewsSurviveARestartAndExpireUnconfirmed() throws Exception {
        Person mod = f.newModerator();
        ChatRef chat = ChatRef.privateWith(mod);
        SentMessage preview = f.say(chat, mod, "/add Snow closes the Col de Vars\nThe Col de Vars pass was closed on Monday"
                + " after 80 centimetres of fresh snow fell overnight, the prefecture said.");
        f.restart();
        SentMessage added = f.press(chat, mod, preview, "ok");
        assertThat(added.text()).contains("Added");

        ModerationStore later = new ModerationStore(f.db,
                java.time.Clock.offset(java.time.Clock.systemUTC(), ModerationStore.PENDING_LIFETIME.plusMinutes(1)));
        SentMessage other = f.say(chat, mod, "/add Fog at Gap airport\nFog kept all flights at Gap airport grounded for six hours on Sunday.");
        long n = ModBotFixture.previewNumber(other);
        assertThat(later.draft(n).orElseThrow().state()).isEqualTo("expired");
        assertThat(later.close(n, "confirmed")).isFalse();
    }
}
