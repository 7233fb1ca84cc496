package dev.sourced.telegram;

import dev.sourced.botsim.LocalBotApiServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import dev.sourced.botsim.LocalBotApiServer.SentMessage;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and links nobody vouches for: each bad one gets a reply saying why and nothing is stored; a PDF is read; a huge
 * page is cut; the bot keeps answering throughout.
 */
class HostileInputTest {
    @TempDir
    static Path dir;
    static ModBotFixture f;
    static Person mod;
    static ChatRef chat;
    static HttpServer site;
    static int documentsBefore;

    @BeforeAll
    static void start() throws Exception {
        f = ModBotFixture.start(dir);
        mod = f.newModerator();
        chat = ChatRef.privateWith(mod);
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/tiny", ex -> ModerationFlowTest.respond(ex, 200, "text/html",
                "<html><head><title>Home</title></head><body><nav>Menu</nav><p>Welcome!</p></body></html>".getBytes(StandardCharsets.UTF_8)));
        site.createContext("/logo.png", ex -> ModerationFlowTest.respond(ex, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        site.createContext("/gone", ex -> ModerationFlowTest.respond(ex, 404, "text/html", "nope".getBytes(StandardCharsets.UTF_8)));
        site.createContext("/loop", ex -> {
            ex.getResponseHeaders().set("Location", "/loop");
            ModerationFlowTest.respond(ex, 302, "text/plain", new byte[0]);
        });
        site.start();
        documentsBefore = f.documents.countActive();
    }

    @AfterAll
    static void stop() {
        site.stop(0);
        f.close();
    }

    static String url(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    private static SentMessage file(String name, byte[] content) {
        return f.sendFile(chat, mod, name, content);
    }

    private static void nothingStored() {
        assertThat(f.documents.countActive()).isEqualTo(documentsBefore);
    }

    @Test
    void aBinaryFileNamedTxtAZipBombAndAnUnsupportedTypeAreRefused() throws Exception {
        byte[] binary = Files.readAllBytes(Path.of("src/test/resources/fixtures/binary.txt"));
        assertThat(file("report.txt", binary).text()).contains("Not done").contains("binary content");

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("bomb.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 50; i++) z.write(zeros);
            z.closeEntry();
        }
        assertThat(file("article.txt", zip.toByteArray()).text()).contains("binary content");
        assertThat(file("article.zip", zip.toByteArray()).text()).contains("unsupported type");
        assertThat(file("minutes.docx", "whatever".getBytes(StandardCharsets.UTF_8)).text()).contains("unsupported type");
        assertThat(file("empty.md", "   \n\n ".getBytes(StandardCharsets.UTF_8)).text()).contains("empty");
        nothingStored();
    }

    @Test
    void aFileOverTheLimitIsRefusedWhetherItsSizeIsAnnouncedOrNot() {
        int announced = f.server.sendDocument(chat, mod, "big.txt", "text/plain", "small".getBytes(StandardCharsets.UTF_8),
                null, 25L * 1024 * 1024);
        assertThat(f.server.awaitReplyTo(chat.id(), announced, ModBotFixture.WAIT).text()).contains("too large");

        byte[] big = "All work and no play. ".repeat(110_000).getBytes(StandardCharsets.UTF_8);
        assertThat((long) big.length).isGreaterThan(ModBotFixture.LIMITS.maxBytes());
        int understated = f.server.sendDocument(chat, mod, "big2.txt", "text/plain", big, null, 1000L);
        assertThat(f.server.awaitReplyTo(chat.id(), understated, ModBotFixture.WAIT).text()).contains("too large");
        nothingStored();
    }

    @Test
    void aMalformedPdfIsRefusedAndAGoodOneIsReadAndCitable() throws Exception {
        byte[] malformed = ("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Kids [2 0 R] /Count 99"
                + " >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(file("broken.pdf", malformed).text()).contains("Not done").contains("broken.pdf");
        assertThat(file("fake.pdf", "PK\u0003\u0004 not a pdf".getBytes(StandardCharsets.ISO_8859_1)).text()).contains("not a PDF");
        nothingStored();

        SentMessage preview = file("bridge.pdf", dev.sourced.corpus.TestPdf.of("Bridge over the Lys reopens",
                "The Saint-Venant bridge over the Lys reopened to traffic on Wednesday after seven months of repairs.",
                "The works cost 4.8 million euros and replaced the whole deck of the bridge."));
        assertThat(preview.text()).contains("Preview #").contains("Bridge over the Lys reopens");
        assertThat(f.press(chat, mod, preview, "ok").text()).contains("Added");
        documentsBefore = f.documents.countActive();
        assertThat(f.say(chat, mod, "When did the Saint-Venant bridge over the Lys reopen?").text())
                .contains("Bridge over the Lys reopens").contains("reopened to traffic on Wednesday");
    }

    @Test
    void aHugeHtmlPageIsCutAtTheTextLimitAndScriptsNeverReachTheText() {
        StringBuilder html = new StringBuilder("<html lang=\"en\"><head><title>Endless council minutes</title>"
                + "<script>var huge = 'script-marker';</script></head><body><article>");
        for (int i = 0; html.length() < 1_800_000; i++) {
            html.append("<p>Item ").append(i).append(": the council discussed the budget of the municipal library at length.</p>")
                    .append("<script>track(").append(i).append(")</script>");
        }
        html.append("</article></body></html>");
        SentMessage preview = file("minutes.html", html.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(preview.text()).contains("Preview #").contains("was cut there").doesNotContain("track(").doesNotContain("script-marker");
        nothingStored();
        assertThat(f.say(chat, mod, BotFixture.ENGLISH_QUESTION).text()).isNotBlank();
    }

    @Test
    void emptyTextBadLinksAndNonArticlePagesGetAReplySayingWhy() {
        assertThat(f.say(chat, mod, "/add Just a title").text()).contains("the text is empty");
        assertThat(f.say(chat, mod, "/add").text()).contains("send the file");
        assertThat(f.say(chat, mod, "/add ftp://example.org/article").text()).contains("only http and https");
        assertThat(f.say(chat, mod, "/add http://127.0.0.1:1/article").text()).contains("cannot be reached");
        assertThat(f.say(chat, mod, "/add " + url("/gone")).text()).contains("HTTP 404");
        assertThat(f.say(chat, mod, "/add " + url("/logo.png")).text()).contains("not an article page");
        assertThat(f.say(chat, mod, "/add " + url("/tiny")).text()).contains("almost no article text");
        assertThat(f.say(chat, mod, "/add " + url("/loop")).text()).contains("too many redirects");
        nothingStored();
    }

}
