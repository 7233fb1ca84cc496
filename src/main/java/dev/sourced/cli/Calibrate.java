package dev.sourced.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sourced.answer.AnswerEngine;
import dev.sourced.answer.Calibration;
import dev.sourced.answer.Models;
import dev.sourced.answer.Trace;
import dev.sourced.config.ConfigException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code eval --signals} writes, for each question of a set, what the ranker and the abstention model see (with the
 * labels the set gives: answerable, and which candidates hold a gold answer); {@code calibrate} fits both models on
 * such files, from several corpora, and writes them where the build ships them.
 */
final class Calibrate {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path DEFAULT_OUT = Path.of("src/main/resources/dev/sourced/answer");

    private Calibrate() {
    }

    static int writeSignals(AnswerEngine engine, List<Evaluation.Item> items, Path file) {
        int n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Evaluation.Item it : items) {
                Trace t = engine.trace(Evaluation.question(it));
                if (t == null) continue;
                ObjectNode o = JSON.createObjectNode();
                o.put("id", it.id());
                o.put("answerable", it.answerable());
                o.set("question", JSON.valueToTree(t.question()));
                var cands = o.putArray("candidates");
                for (Trace.Candidate c : t.candidates()) {
                    ObjectNode co = cands.addObject();
                    co.put("hit", Evaluation.score(it, false, List.of(c.text()), 0).firstHit() == 1);
                    co.set("signals", JSON.valueToTree(c.signals()));
                }
                w.write(JSON.writeValueAsString(o));
                w.newLine();
                n++;
            }
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be written (" + e.getMessage() + ")");
        }
        return n;
    }

    static int run(List<String> args, PrintStream out) {
        Path dir = DEFAULT_OUT;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--out")) {
                if (i + 1 >= args.size()) throw new Main.UsageException("--out needs a directory");
                dir = Path.of(args.get(++i));
            } else {
                files.add(Path.of(args.get(i)));
            }
        }
        if (files.isEmpty()) throw new Main.UsageException("calibrate needs at least one SIGNALS.jsonl (from eval --signals; one file per question set)");
        List<List<Calibration.Labelled>> sets = new ArrayList<>();
        for (Path f : files) sets.add(read(f));
        Models m = Calibration.fit(sets);
        String from = "fitted by `sourced calibrate` on " + sets.stream().mapToInt(List::size).sum() + " questions: "
                + String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList());
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("ranker.properties"), m.ranker().toProperties("ranker: probability that a passage answers the question\n" + from));
            Files.writeString(dir.resolve("abstention.properties"), m.abstention().toProperties("abstention: probability that the corpus answers the question\n" + from));
        } catch (IOException e) {
            throw new ConfigException(dir + ": cannot be written (" + e.getMessage() + ")");
        }
        out.println(m.ranker().toProperties("ranker"));
        out.println(m.abstention().toProperties("abstention"));
        out.printf("wrote ranker.properties and abstention.properties to %s%n", dir);
        return 0;
    }

    static List<Calibration.Labelled> read(Path file) {
        List<Calibration.Labelled> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                JsonNode n = JSON.readTree(line);
                List<Trace.Candidate> cands = new ArrayList<>();
                List<Boolean> hits = new ArrayList<>();
                for (JsonNode c : n.path("candidates")) {
                    cands.add(new Trace.Candidate("", doubles(c.path("signals"))));
                    hits.add(c.path("hit").asBoolean());
                }
                out.add(new Calibration.Labelled(new Trace(doubles(n.path("question")), cands), n.path("answerable").asBoolean(), hits));
            }
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read as signals (" + e.getMessage() + ")");
        }
        return out;
    }

    private static Map<String, Double> doubles(JsonNode o) {
        Map<String, Double> m = new LinkedHashMap<>();
        o.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asDouble()));
        return m;
    }
}
