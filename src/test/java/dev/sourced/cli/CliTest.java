package dev.sourced.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path data;
    private CliRun cli;
    private Map<String, String> env;
    private String out;
    private String err;

    @BeforeEach
    void setUp() {
        cli = new CliRun(data);
        env = cli.env;
    }

    private int run(String... args) {
        int code = cli.run(args);
        out = cli.out;
        err = cli.err;
        return code;
    }

    @Test
    void askJsonPrintsTheDocumentedFields() throws Exception {
        assertThat(run("ask", "--json", "Why did Musk leave OpenAI?")).isZero();
        JsonNode n = new ObjectMapper().readTree(out);
        assertThat(n.fieldNames()).toIterable().contains("question", "answer", "abstained", "citations", "took_ms");
        JsonNode c = n.get("citations").get(0);
        assertThat(c.fieldNames()).toIterable().contains("n", "doc_id", "title", "source", "url", "date", "text", "start", "end", "score");
        assertThat(n.get("abstained").asBoolean()).isFalse();
    }

    @Test
    void askWithContextAnswersAFollowUp() throws Exception {
        assertThat(run("ask", "--json", "--context", "Why did Musk leave OpenAI?", "How much had he donated before that?")).isZero();
        JsonNode n = new ObjectMapper().readTree(out);
        assertThat(n.get("abstained").asBoolean()).isFalse();
        assertThat(n.get("citations").toString()).contains("100 millions");
    }

    @Test
    void badFilesGetOneClearLineEachAndANonZeroExitAndNothingStoredIsLost() throws Exception {
        assertThat(run("docs")).isZero();
        assertThat(out).contains("5 document(s)");
        Path unsupported = Files.writeString(data.resolve("notes.docx"), "whatever");
        int code = run("ingest", "src/test/resources/fixtures/binary.txt", "src/test/resources/fixtures/empty.txt",
                "src/test/resources/fixtures/nope.txt", unsupported.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.lines().filter(l -> l.startsWith("sourced: ")).toList()).hasSize(4)
                .anySatisfy(l -> assertThat(l).contains("binary.txt"))
                .anySatisfy(l -> assertThat(l).contains("empty.txt"))
                .anySatisfy(l -> assertThat(l).contains("nope.txt"))
                .anySatisfy(l -> assertThat(l).contains("notes.docx").contains("unsupported"));
        assertThat(run("docs")).isZero();
        assertThat(out).contains("5 document(s)");
    }

    @Test
    void aCorruptIndexIsRebuiltFromTheDatabaseAtOpenAndReindexRebuildsItToo() throws Exception {
        assertThat(run("docs")).isZero();
        try (var files = Files.list(data.resolve(dev.sourced.app.Sourced.INDEX_DIR))) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(p, new byte[] {1, 2, 3});
            }
        }
        assertThat(run("ask", "What is TruthGPT?")).isZero();
        assertThat(out).contains("TruthGPT");
        assertThat(run("health", "--deep")).isZero();
        assertThat(run("reindex")).isZero();
        assertThat(run("ask", "--json", "What is TruthGPT?")).isZero();
        assertThat(out).contains("TruthGPT");
    }

    @Test
    void aMalformedSettingStopsStartUpNamingIt() {
        env.put("SOURCED_DENSE_WEIGHT", "lots");
        assertThat(run("docs")).isEqualTo(1);
        assertThat(err).contains("SOURCED_DENSE_WEIGHT");
    }

    @Test
    void ingestWithMetadataFlagsStoresThemAndTheDocumentIsCitedAtOnce() {
        assertThat(run("ingest", "--id", "volcan", "--outlet", "Island Herald", "src/test/resources/fixtures/english-article.md")).isZero();
        assertThat(run("ask", "--json", "How many residents left their homes after the volcano erupted?")).isZero();
        assertThat(out).contains("\"doc_id\" : \"volcan\"").contains("Island Herald").contains("4,500");
    }

    @Test
    void askJsonGivesTheAnswerSpanOfEachQuote() throws Exception {
        assertThat(run("ingest", "--id", "volcan", "--outlet", "Island Herald", "src/test/resources/fixtures/english-article.md")).isZero();
        assertThat(run("ask", "--json", "How many residents left their homes after the volcano erupted?")).isZero();
        JsonNode n = new ObjectMapper().readTree(out);
        JsonNode c = n.get("citations").get(0);
        String text = c.get("text").asText();
        JsonNode h = c.get("highlight");
        assertThat(text.substring(h.get("start").asInt(), h.get("end").asInt())).isEqualTo("4,500 residents");
        assertThat(n.get("answer").asText()).startsWith("According to [1]: 4,500 residents.");
        assertThat(c.fieldNames()).toIterable().containsExactly("n", "doc_id", "title", "source", "url", "date", "start", "end", "text",
                "score", "also_in", "highlight");
    }
}
