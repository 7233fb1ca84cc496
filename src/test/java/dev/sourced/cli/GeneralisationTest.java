package dev.sourced.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.answer.Answer;
import dev.sourced.answer.Question;
import dev.sourced.corpus.DocumentMeta;
import dev.sourced.corpus.Lang;
import dev.sourced.corpus.SourceDocument;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour that must hold on any corpus: misspellings, acronym spellings, small talk, and fitting the models. */
class GeneralisationTest {
    @TempDir
    Path data;

    private static SourceDocument doc(String id, Lang lang, String text) {
        return new SourceDocument(new DocumentMeta(id, "Titre " + id, "Le Journal", "", lang, "2024-03-01", "test:" + id), "text", text);
    }

    private static void fixtures(Engine e) {
        e.ingest(doc("pont", Lang.FR, "Le pont de Normandie relie Le Havre à Honfleur au-dessus de l'estuaire de la Seine. "
                + "Sa particularité est d'avoir été, à son ouverture en 1995, le plus long pont à haubans du monde."));
        e.ingest(doc("labo", Lang.EN, "The start-up X.AI hired twelve researchers in Paris last spring. "
                + "Its laboratory is located near the Gare de Lyon."));
        e.ingest(doc("vin", Lang.FR, "Les vendanges ont commencé tôt dans le Bordelais à cause de la chaleur de l'été."));
    }

    @Test
    void aMisspeltWordFindsTheCorpusSpelling() {
        try (Engine e = Engine.open(TestEngines.lexicalOnly(data), false)) {
            fixtures(e);
            Answer a = e.answerer().ask(Question.of("Quelle est la particuliarité du pont de Normandie ?"));
            assertThat(a.citations()).isNotEmpty();
            assertThat(a.citations().get(0).docId()).isEqualTo("pont");
        }
    }

    @Test
    void anAcronymWrittenWithOrWithoutDotsIsOneName() {
        try (Engine e = Engine.open(TestEngines.lexicalOnly(data), false)) {
            fixtures(e);
            Answer a = e.answerer().ask(Question.of("How many researchers did xAI hire?"));
            assertThat(a.abstained()).isFalse();
            assertThat(a.citations().get(0).docId()).isEqualTo("labo");
        }
    }

    @Test
    void greetingsAndThanksGetAFriendlyReplyNotAnAbstention() {
        try (Engine e = Engine.open(TestEngines.lexicalOnly(data), false)) {
            fixtures(e);
            Answer hello = e.answerer().ask(Question.of("bonjour"));
            assertThat(hello.text()).startsWith("Bonjour").doesNotContain("ne le dit pas");
            assertThat(hello.citations()).isEmpty();
            assertThat(e.answerer().ask(Question.of("who are you?")).text()).contains("3 articles");
        }
    }

    @Test
    void aQuestionInAnotherLanguageIsNotRefusedForItsCapitalisedNouns() {
        try (Engine e = Engine.open(TestEngines.lexicalOnly(data), false)) {
            fixtures(e);
            // German capitalises every noun: "Forscher" is not a name the corpus should know
            Answer a = e.answerer().ask(Question.of("Wie viele Forscher hat X.AI in Paris eingestellt?"));
            assertThat(a.text()).doesNotContain("never mentions");
        }
    }

    @Test
    void evalSignalsAndCalibrateWriteModelsTheEngineCanLoad() throws Exception {
        Path questions = data.resolve("q.jsonl");
        Files.writeString(questions, """
                {"id":"a","question":"Quand le pont de Normandie a-t-il ouvert ?","answerable":true,"gold_any":["ouverture en 1995"]}
                {"id":"b","question":"Pourquoi les vendanges ont-elles commencé tôt ?","answerable":true,"gold_any":["chaleur de l'été"]}
                {"id":"c","question":"Where is the X.AI laboratory?","answerable":true,"gold_any":["Gare de Lyon"]}
                {"id":"d","question":"Combien coûte le péage du pont de Normandie ?","answerable":false,"gold_any":[]}
                """);
        Path corpus = Files.createDirectories(data.resolve("corpus"));
        Files.writeString(corpus.resolve("pont.txt"), "Le pont de Normandie relie Le Havre à Honfleur au-dessus de l'estuaire de la Seine. "
                + "Sa particularité est d'avoir été, à son ouverture en 1995, le plus long pont à haubans du monde.");
        Files.writeString(corpus.resolve("vin.txt"), "Les vendanges ont commencé tôt dans le Bordelais à cause de la chaleur de l'été.");
        Files.writeString(corpus.resolve("labo.txt"), "The start-up X.AI hired twelve researchers in Paris last spring. Its laboratory is located near the Gare de Lyon.");
        Map<String, String> env = Map.of("SOURCED_DATA", data.resolve("d").toString(), "SOURCED_CORPUS", corpus.toString(),
                "SOURCED_EMBEDDING", "none", "SOURCED_FREEDICT", "false");
        Path signals = data.resolve("signals.jsonl");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(Main.run(new String[] {"eval", questions.toString(), "--signals", signals.toString()}, env, ps, ps)).isZero();
        assertThat(Files.readAllLines(signals)).hasSize(4).allMatch(l -> l.contains("\"candidates\""));
        Path models = data.resolve("models");
        assertThat(Main.run(new String[] {"calibrate", "--out", models.toString(), signals.toString()}, env, ps, ps)).isZero();
        assertThat(dev.sourced.answer.Logistic.parse(Files.readString(models.resolve("ranker.properties"))).weights()).isNotEmpty();
        assertThat(dev.sourced.answer.Logistic.parse(Files.readString(models.resolve("abstention.properties"))).weights()).isNotEmpty();
    }
}
