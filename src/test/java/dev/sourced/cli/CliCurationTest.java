package dev.sourced.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.store.Database;
import dev.sourced.telegram.store.ModerationStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Curation from the command line: ingest with metadata, docs, edit, remove, restore, each in the audit trail. */
class CliCurationTest {
    @TempDir
    Path data;
    private String out;
    private String err;

    private int run(String... args) {
        CliRun cli = new CliRun(data);
        int code = cli.run(args);
        out = cli.out;
        err = cli.err;
        return code;
    }

    @Test
    void aDocumentIsIngestedListedEditedRemovedAndRestoredAndTheAnswersFollow() {
        String q = "How many residents left their homes after the volcano erupted?";
        assertThat(run("docs")).isZero();
        assertThat(run("ingest", "--id", "volcan", "--date", "2023-06-11", "src/test/resources/fixtures/english-article.md")).isZero();
        assertThat(run("docs")).isZero();
        assertThat(out).contains("volcan").contains("2023-06-11").contains("6 document(s)");

        assertThat(run("edit", "volcan", "outlet", "Island", "Courier")).isZero();
        assertThat(run("ask", "--json", q)).isZero();
        assertThat(out).contains("\"doc_id\" : \"volcan\"").contains("Island Courier");
        assertThat(run("edit", "volcan", "colour", "blue")).isEqualTo(2);
        assertThat(err).contains("unknown 'colour'");

        assertThat(run("remove", "volcan")).isZero();
        assertThat(run("ask", "--json", q)).isZero();
        assertThat(out).doesNotContain("\"doc_id\" : \"volcan\"");
        assertThat(run("docs")).isZero();
        assertThat(out).doesNotContain("volcan").contains("5 document(s)");
        assertThat(run("docs", "--all")).isZero();
        assertThat(out).contains("volcan").contains("[removed");
        assertThat(run("remove", "volcan")).isEqualTo(1);
        assertThat(err).contains("no active document 'volcan'");

        assertThat(run("restore", "volcan")).isZero();
        assertThat(run("ask", "--json", q)).isZero();
        assertThat(out).contains("\"doc_id\" : \"volcan\"");
        assertThat(run("restore", "volcan")).isEqualTo(1);

        try (Database db = dev.sourced.telegram.store.BotTables.open(data.resolve(dev.sourced.app.Sourced.DB_FILE))) {
            assertThat(new ModerationStore(db).latestAudit(10)).extracting(e -> e.action() + " " + e.docId())
                    .containsExactly("restore volcan", "remove volcan", "edit volcan");
        }
    }

    @Test
    void theBotRefusesToStartWithAMalformedAdminsListNamingIt() {
        CliRun cli = new CliRun(data);
        cli.env.put("TELEGRAM_BOT_TOKEN", "123:abc");
        cli.env.put("SOURCED_ADMINS", "12345, alice");
        assertThat(cli.run("bot")).isEqualTo(1);
        assertThat(cli.err).contains("SOURCED_ADMINS").contains("alice");
    }
}
