package dev.sourced.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sourced.answer.Answer;
import dev.sourced.answer.Answerer;
import dev.sourced.answer.Citation;
import dev.sourced.answer.Question;
import dev.sourced.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scoring of {@code shared/eval/README.md}: hit@1/3/5 and MRR@5 over answerable questions (a cited passage hits
 * when its normalised text contains a normalised gold string), abstention accuracy over all questions, and the
 * wall time per question after a warm-up.
 */
public final class Evaluation {
    public record Item(String id, String question, List<String> conversation, boolean answerable, List<String> gold) {
    }

    public record Result(Item item, boolean abstained, int firstHit, List<String> cited, long micros) {
        /** True when the bot abstained exactly when it should have. */
        public boolean abstainedCorrectly() {
            return abstained == !item.answerable();
        }
    }

    /**
     * {@code abstainPrecision}: of the questions it abstained on, the share that the set marks unanswerable;
     * {@code abstainRecall}: of the unanswerable questions, the share it abstained on (NaN when there are none).
     */
    public record Metrics(double hit1, double hit3, double hit5, double mrr5, double abstainAccuracy, double p50Ms,
                          double p95Ms, int n, List<Result> results, double abstainPrecision, double abstainRecall, double maxMs) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Questions asked before timing (the set repeated as needed). */
    static final int WARM_UP_QUESTIONS = 300;

    private Evaluation() {
    }

    public static List<Item> read(Path file) {
        List<Item> items = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        int no = 0;
        for (String line : lines) {
            no++;
            if (line.isBlank()) continue;
            try {
                JsonNode n = JSON.readTree(line);
                List<String> conv = new ArrayList<>();
                n.path("conversation").forEach(c -> conv.add(c.asText()));
                List<String> gold = new ArrayList<>();
                n.path("gold_any").forEach(g -> gold.add(g.asText()));
                if (!n.hasNonNull("question")) throw new IOException("no \"question\"");
                items.add(new Item(n.path("id").asText("line" + no), n.get("question").asText(), conv,
                        n.path("answerable").asBoolean(true), gold));
            } catch (IOException e) {
                throw new ConfigException(file + ":" + no + ": not a valid question line (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
        }
        if (items.isEmpty()) throw new ConfigException(file + ": no questions");
        return items;
    }

    /**
     * Asks every question once to warm up, then again timed, and scores the timed run. {@code forget} runs between
     * the two, so that the timed run answers anew rather than from the answers the warm-up left in caches.
     */
    public static Metrics run(Answerer answerer, List<Item> items, Runnable forget) {
        // warm-up: enough questions for the JIT compiler to have compiled the answer path, caches cleared each round
        for (int asked = 0; asked < WARM_UP_QUESTIONS; ) {
            for (Item it : items) {
                answerer.ask(question(it));
                asked++;
            }
            forget.run();
        }
        List<Result> results = new ArrayList<>();
        for (Item it : items) {
            long t0 = System.nanoTime();
            Answer a = answerer.ask(question(it));
            long micros = (System.nanoTime() - t0) / 1000;
            results.add(score(it, a.abstained(), a.citations().stream().map(Citation::text).toList(), micros));
        }
        return metrics(results);
    }

    /** A question with a conversation is asked after the earlier questions, as the bot would see it. */
    static Question question(Item it) {
        return new Question(it.question(), it.conversation(), null);
    }

    public static Result score(Item item, boolean abstained, List<String> cited, long micros) {
        int first = 0;
        List<String> gold = item.gold().stream().map(Evaluation::normalize).toList();
        for (int i = 0; i < cited.size() && first == 0; i++) {
            String t = normalize(cited.get(i));
            if (gold.stream().anyMatch(t::contains)) first = i + 1;
        }
        return new Result(item, abstained, first, cited, micros);
    }

    public static Metrics metrics(List<Result> results) {
        int answerable = 0, h1 = 0, h3 = 0, h5 = 0, abstainOk = 0;
        double mrr = 0;
        for (Result r : results) {
            if (r.abstainedCorrectly()) abstainOk++;
            if (!r.item().answerable()) continue;
            answerable++;
            int f = r.firstHit();
            if (f == 1) h1++;
            if (f >= 1 && f <= 3) h3++;
            if (f >= 1 && f <= 5) {
                h5++;
                mrr += 1.0 / f;
            }
        }
        List<Long> times = results.stream().map(Result::micros).sorted().toList();
        long abstained = results.stream().filter(Result::abstained).count();
        long rightlyAbstained = results.stream().filter(r -> r.abstained() && !r.item().answerable()).count();
        long unanswerable = results.stream().filter(r -> !r.item().answerable()).count();
        return new Metrics(ratio(h1, answerable), ratio(h3, answerable), ratio(h5, answerable), answerable == 0 ? 0 : mrr / answerable,
                ratio(abstainOk, results.size()), percentile(times, 50) / 1000.0, percentile(times, 95) / 1000.0, results.size(), results,
                abstained == 0 ? Double.NaN : (double) rightlyAbstained / abstained,
                unanswerable == 0 ? Double.NaN : (double) rightlyAbstained / unanswerable,
                times.isEmpty() ? 0 : times.get(times.size() - 1) / 1000.0);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    /** Nearest-rank percentile. */
    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** NFKC, ’ and ‘ to ', non-breaking spaces to spaces, lower case, runs of white space to one space. */
    public static String normalize(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        n = n.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u00A0', ' ').replace('\u202F', ' ');
        return n.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
