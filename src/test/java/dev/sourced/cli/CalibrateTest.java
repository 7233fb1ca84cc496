package dev.sourced.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.answer.Logistic;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** eval --signals and calibrate, run as an operator runs them on a question set of their own. */
class CalibrateTest {
    @TempDir
    Path data;

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
        CliRun cli = new CliRun(data.resolve("d"));
        cli.env.put("SOURCED_CORPUS", corpus.toString());
        Path signals = data.resolve("signals.jsonl");
        assertThat(cli.run("eval", questions.toString(), "--signals", signals.toString())).as(cli.err).isZero();
        assertThat(Files.readAllLines(signals)).hasSize(4).allMatch(l -> l.contains("\"candidates\""));
        Path models = data.resolve("models");
        assertThat(cli.run("calibrate", "--out", models.toString(), signals.toString())).as(cli.err).isZero();
        assertThat(Logistic.parse(Files.readString(models.resolve("ranker.properties"))).weights()).isNotEmpty();
        assertThat(Logistic.parse(Files.readString(models.resolve("abstention.properties"))).weights()).isNotEmpty();
        assertThat(cli.run("calibrate", data.resolve("missing.jsonl").toString())).isEqualTo(1);
        assertThat(cli.err).contains("missing.jsonl");
    }
}
