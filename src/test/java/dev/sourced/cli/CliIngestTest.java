package dev.sourced.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sourced ingest} reads what the bot's moderators can send, with the same reader and the same messages: a PDF
 * file (made here with PDFBox) and a web page (served here by the JDK's HTTP server on 127.0.0.1).
 */
class CliIngestTest {
    private static final String ARTICLE = "<html><head><title>Ferry line to Ile Verte reopens</title>"
            + "<meta property=\"og:site_name\" content=\"Coastal Herald\"></head><body><article>"
            + "<h1>Ferry line to Ile Verte reopens</h1>"
            + "<p>The ferry line between Port Malo and the island of Ile Verte reopened on Saturday after eight months of"
            + " repairs to the northern jetty, the harbour authority said.</p>"
            + "<p>Four crossings a day are planned until October, and the fare stays at nine euros for residents.</p>"
            + "<script>document.write('tracking')</script></article></body></html>";

    @TempDir
    Path data;
    @TempDir
    Path files;
    private CliRun cli;
    private Map<String, String> env;
    private HttpServer web;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliRun(data);
        env = cli.env;
        web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/ferry", "text/html; charset=utf-8", ARTICLE);
        serve("/tiny", "text/html", "<html><body><p>Subscribe!</p></body></html>");
        web.start();
    }

    @AfterEach
    void tearDown() {
        web.stop(0);
    }

    private void serve(String path, String type, String body) {
        web.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(bytes);
            }
        });
    }

    private String url(String path) {
        return "http://127.0.0.1:" + web.getAddress().getPort() + path;
    }

    @Test
    void aPdfIsIngestedWithItsTitleAndThenCited() throws Exception {
        Path report = files.resolve("report.pdf");
        Files.write(report, dev.sourced.corpus.TestPdf.of("Lighthouse keepers return to Kerbrat",
                "The lighthouse of Kerbrat will again have two resident keepers from March, the maritime office announced.",
                "The keepers will guide the fishing fleet during winter storms and run a small museum in summer."));

        assertThat(cli.run("ingest", report.toString())).isZero();
        assertThat(cli.out).contains("added").contains("report").contains("report.pdf");
        assertThat(cli.run("docs")).isZero();
        assertThat(cli.out).contains("Lighthouse keepers return to Kerbrat");
        assertThat(cli.run("ask", "--json", "How many keepers will the Kerbrat lighthouse have?")).isZero();
        assertThat(cli.out).contains("\"doc_id\" : \"report\"");
    }

    @Test
    void aFileNamedPdfThatIsNotOneIsRefusedWithTheBotsMessage() throws Exception {
        Path fake = Files.writeString(files.resolve("fake.pdf"), "just some text, no PDF header");
        assertThat(cli.run("ingest", fake.toString())).isEqualTo(1);
        assertThat(cli.err).contains("fake.pdf").contains("not a PDF file (no %PDF header)");
    }

    @Test
    void aWebPageIsFetchedReadAndCitedWithItsUrl() {
        env.put("SOURCED_FETCH_LOCAL", "true");
        assertThat(cli.run("ingest", url("/ferry"))).isZero();
        assertThat(cli.out).contains("added").contains(url("/ferry"));
        assertThat(cli.run("ask", "--json", "When did the ferry to Ile Verte reopen?")).isZero();
        assertThat(cli.out).contains("\"url\" : \"" + url("/ferry") + "\"").doesNotContain("tracking");
    }

    @Test
    void pagesAreRefusedForTheSameReasonsAsInTheBot() {
        assertThat(cli.run("ingest", url("/ferry"))).isEqualTo(1);
        assertThat(cli.err).contains("links to the local network are not fetched");
        env.put("SOURCED_FETCH_LOCAL", "true");
        assertThat(cli.run("ingest", url("/tiny"))).isEqualTo(1);
        assertThat(cli.err).contains("almost no article text");
        assertThat(cli.run("ingest", "ftp://example.org/article")).isEqualTo(1);
        assertThat(cli.err).contains("only http and https");
        env.put("SOURCED_FETCH_LOCAL", "sometimes");
        assertThat(cli.run("ingest", url("/ferry"))).isEqualTo(1);
        assertThat(cli.err).contains("SOURCED_FETCH_LOCAL");
    }

    @Test
    void metadataFlagsApplyToAPageToo() {
        env.put("SOURCED_FETCH_LOCAL", "true");
        assertThat(cli.run("ingest", "--id", "ferry", "--date", "2024-04-06", url("/ferry"))).isZero();
        assertThat(cli.run("docs")).isZero();
        assertThat(cli.out).contains("ferry").contains("2024-04-06").contains("Ferry line to Ile Verte reopens");
    }
}
