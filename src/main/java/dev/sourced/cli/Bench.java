package dev.sourced.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sourced.config.Config;
import dev.sourced.corpus.DocumentMeta;
import dev.sourced.corpus.DocumentReader;
import dev.sourced.corpus.Lang;
import dev.sourced.corpus.SourceDocument;
import dev.sourced.index.ParsedQuestion;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * {@code sourced bench}: builds synthetic corpora (French and English words drawn with a Zipf distribution from the
 * seed articles' own vocabulary, so that term statistics look like news) at several sizes and measures ingest
 * throughput with and without embeddings, lexical/dense/hybrid retrieval latency, index size, peak heap, and the time
 * from process start to first answer over the existing index.
 */
final class Bench {
    static final int PASSAGES_PER_DOC = 20;
    static final double ZIPF_EXPONENT = 1.07;
    static final long SEED = 20230412L;

    private Bench() {
    }

    static int run(Config config, List<String> args, PrintStream out) {
        List<Integer> sizes = new ArrayList<>(List.of(10_000, 100_000));
        int queries = 300;
        boolean json = false;
        List<String> real = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--questions" -> real = Evaluation.read(java.nio.file.Path.of(next(args, ++i))).stream().map(Evaluation.Item::question).toList();
                case "--sizes" -> sizes = parseSizes(next(args, ++i));
                case "--million" -> sizes.add(1_000_000);
                case "--queries" -> queries = Integer.parseInt(next(args, ++i));
                case "--json" -> json = true;
                default -> throw new Main.UsageException("bench: unknown option " + args.get(i));
            }
        }
        Vocabulary vocab = Vocabulary.from(config.corpusDir());
        ObjectNode report = Main.JSON.createObjectNode();
        report.put("machine", machine());
        ArrayNode runs = report.putArray("runs");
        for (int size : sizes) {
            out.println("== " + size + " passages");
            runs.add(runSize(config, size, queries, vocab, real, out));
        }
        if (json) out.println(Main.toJsonString(report));
        return 0;
    }

    private static String next(List<String> args, int i) {
        if (i >= args.size()) throw new Main.UsageException("bench: option needs a value");
        return args.get(i);
    }

    private static List<Integer> parseSizes(String s) {
        List<Integer> out = new ArrayList<>();
        for (String p : s.split(",")) out.add(Integer.parseInt(p.strip().replace("_", "")));
        return out;
    }

    static String machine() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, Java " + System.getProperty("java.version");
    }

    /** {@code real}: readers' questions to time (cycled to {@code queryCount}), or null for questions made from the vocabulary. */
    private static ObjectNode runSize(Config base, int size, int queryCount, Vocabulary vocab, List<String> real, PrintStream out) {
        ObjectNode r = Main.JSON.createObjectNode();
        r.put("passages", size);
        List<SourceDocument> docs = vocab.documents(size, new Random(SEED + size));
        Path root = tempDir();
        try {
            // 1. ingest without embeddings (analysis, SQLite, Lucene)
            resetPeaks();
            long t0 = System.nanoTime();
            try (Engine e = Engine.open(base.withDataDir(root.resolve("lexical")).withEmbedding("none"), false)) {
                e.ingestDocuments(docs);
                double s = (System.nanoTime() - t0) / 1e9;
                int passages = e.index().passageCount();
                r.put("ingest_passages_per_s_no_embedding", Math.round(passages / s));
                out.printf("ingest without embedding: %d passages in %.1f s = %.0f passages/s%n", passages, s, passages / s);
            }
            // 2. ingest with embeddings: the index used for every query below
            Path data = root.resolve("hybrid");
            t0 = System.nanoTime();
            Config cfg = base.withDataDir(data);
            try (Engine e = Engine.open(cfg, false)) {
                e.ingestDocuments(docs);
                double s = (System.nanoTime() - t0) / 1e9;
                int passages = e.index().passageCount();
                r.put("ingest_passages_per_s_with_embedding", Math.round(passages / s));
                out.printf("ingest with embedding:    %d passages in %.1f s = %.0f passages/s%n", passages, s, passages / s);
                r.put("index_bytes", e.index().sizeOnDisk());
                r.put("database_bytes", size(data.resolve(Engine.DB_FILE)));
                out.printf("index on disk: %.1f MB, database: %.1f MB%n", e.index().sizeOnDisk() / 1e6, size(data.resolve(Engine.DB_FILE)) / 1e6);

                // 3. retrieval latency
                List<String> questions = real == null ? vocab.questions(queryCount, new Random(SEED))
                        : java.util.stream.IntStream.range(0, queryCount).mapToObj(i -> real.get(i % real.size())).toList();
                List<ParsedQuestion> parsed = questions.stream().map(q -> e.parser().parse(q, List.of(), null)).toList();
                Map<String, java.util.function.IntFunction<Object>> kinds = new LinkedHashMap<>();
                kinds.put("lexical", i -> e.retriever().lexical(parsed.get(i), 10));
                kinds.put("dense", i -> e.retriever().dense(parsed.get(i), 10));
                kinds.put("hybrid", i -> e.retriever().retrieve(parsed.get(i), 10));
                kinds.put("answer", i -> e.answerer().ask(dev.sourced.answer.Question.of(questions.get(i))));
                for (var k : kinds.entrySet()) {
                    for (int i = 0; i < Math.min(50, questions.size()); i++) k.getValue().apply(i); // warm-up
                    e.clearCaches();
                    List<Long> micros = new ArrayList<>();
                    for (int i = 0; i < questions.size(); i++) {
                        long q0 = System.nanoTime();
                        k.getValue().apply(i);
                        micros.add((System.nanoTime() - q0) / 1000);
                    }
                    micros.sort(Comparator.naturalOrder());
                    ObjectNode lat = r.putObject(k.getKey() + "_ms");
                    lat.put("p50", Evaluation.percentile(micros, 50) / 1000.0);
                    lat.put("p95", Evaluation.percentile(micros, 95) / 1000.0);
                    lat.put("p99", Evaluation.percentile(micros, 99) / 1000.0);
                    lat.put("max", micros.get(micros.size() - 1) / 1000.0);
                    out.printf("%-8s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", k.getKey(), lat.get("p50").asDouble(),
                            lat.get("p95").asDouble(), lat.get("p99").asDouble(), lat.get("max").asDouble());
                }
            }
            long peak = peakHeap();
            r.put("peak_heap_bytes", peak);
            out.printf("peak heap: %.0f MB%n", peak / 1e6);
            // 4. start to first answer, in a new process, over the existing index
            double startup = firstAnswerSeconds(data);
            r.put("start_to_first_answer_s", startup);
            out.printf("start to first answer (new JVM, existing index): %.2f s%n", startup);
        } finally {
            deleteTree(root);
        }
        return r;
    }

    /**
     * Wall time of `ask` in a new JVM over the existing index, started as the launcher starts it (with its class data
     * sharing archive, made by a first untimed run, and the quick compiler only).
     */
    private static double firstAnswerSeconds(Path data) {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path archive = data.resolve("bench.jsa");
        double seconds = -1;
        for (int run = 0; run < 2; run++) {
            ProcessBuilder pb = new ProcessBuilder(java, "-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive",
                    "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "ask", "--json", "Pourquoi Musk a-t-il quitté OpenAI ?");
            pb.environment().put("SOURCED_DATA", data.toString());
            pb.environment().put("SOURCED_CORPUS", data.resolve("no-corpus").toString());
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            long t0 = System.nanoTime();
            try {
                if (pb.start().waitFor() != 0) return -1;
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            seconds = Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
        }
        return seconds;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("sourced-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary directory: the OS cleans it eventually
        }
    }

    /** Words of the seed articles with their frequencies, French, and an English vocabulary for English documents. */
    record Vocabulary(List<String> french, List<String> english, List<String> names) {
        static Vocabulary from(Path corpusDir) {
            Map<String, Integer> fr = new LinkedHashMap<>();
            Map<String, Integer> names = new LinkedHashMap<>();
            try (Stream<Path> s = Files.isDirectory(corpusDir) ? Files.walk(corpusDir) : Stream.empty()) {
                for (Path f : s.filter(DocumentReader::isSupported).toList()) {
                    String text = DocumentReader.read(f).text();
                    for (String w : text.split("[^\\p{L}\\p{N}'’-]+")) {
                        if (w.isEmpty()) continue;
                        if (Character.isUpperCase(w.charAt(0)) && w.length() > 2) names.merge(w, 1, Integer::sum);
                        fr.merge(w.toLowerCase(Locale.ROOT), 1, Integer::sum);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (fr.isEmpty()) {
                throw new dev.sourced.config.ConfigException("SOURCED_CORPUS: bench builds its vocabulary from the corpus, and " + corpusDir + " has no documents");
            }
            List<String> french = byFrequency(fr);
            List<String> english = englishWords();
            return new Vocabulary(french, english, byFrequency(names));
        }

        /** The English headwords of the shipped lexicon: general vocabulary for the English synthetic articles. */
        private static List<String> englishWords() {
            List<String> out = new ArrayList<>();
            try (var in = Bench.class.getResourceAsStream(dev.sourced.index.Lexicon.BUILT_IN_RESOURCE);
                 var r = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    int tab = line.indexOf('\t');
                    if (!line.startsWith("#") && tab > 0 && line.indexOf(' ') < 0) out.add(line.substring(0, tab));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }

        private static List<String> byFrequency(Map<String, Integer> m) {
            return m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        }

        /** Synthetic articles until they hold {@code passages} passages, as the ingest pipeline cuts them. */
        List<SourceDocument> documents(int passages, Random rnd) {
            Zipf zf = new Zipf(french.size(), ZIPF_EXPONENT);
            Zipf ze = new Zipf(english.size(), ZIPF_EXPONENT);
            List<SourceDocument> out = new ArrayList<>();
            int total = 0;
            for (int d = 0; total < passages; d++) {
                boolean en = rnd.nextInt(10) < 3;
                StringBuilder sb = new StringBuilder();
                for (int p = 0; p < PASSAGES_PER_DOC; p++) {
                    int words = 20 + rnd.nextInt(18);
                    for (int w = 0; w < words; w++) {
                        String word = rnd.nextInt(12) == 0 ? names.get(rnd.nextInt(Math.min(200, names.size())))
                                : en ? english.get(ze.sample(rnd)) : french.get(zf.sample(rnd));
                        if (w == 0) word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                        sb.append(word).append(w == words - 1 ? ".\n" : " ");
                    }
                }
                DocumentMeta meta = new DocumentMeta("bench-" + d, "Synthetic article " + d, "Bench", "", en ? Lang.EN : Lang.FR,
                        "2023-04", "bench:" + d);
                SourceDocument doc = new SourceDocument(meta, "text", sb.toString());
                total += dev.sourced.corpus.PreparedDocument.prepare(doc).passages().size();
                out.add(doc);
            }
            return out;
        }

        List<String> questions(int count, Random rnd) {
            Zipf zf = new Zipf(french.size(), ZIPF_EXPONENT);
            Zipf ze = new Zipf(english.size(), ZIPF_EXPONENT);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                boolean en = rnd.nextBoolean();
                StringBuilder sb = new StringBuilder(en ? "What about " : "Que dit-on de ");
                sb.append(names.get(rnd.nextInt(Math.min(50, names.size()))));
                for (int w = 0; w < 3 + rnd.nextInt(4); w++) {
                    // skip the most frequent words, as a reader would
                    sb.append(' ').append(en ? english.get(Math.min(english.size() - 1, 20 + ze.sample(rnd)))
                            : french.get(Math.min(french.size() - 1, 50 + zf.sample(rnd))));
                }
                out.add(sb.append(" ?").toString());
            }
            return out;
        }
    }

    /** Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                cumulative[i] = sum;
            }
            for (int i = 0; i < n; i++) cumulative[i] /= sum;
        }

        int sample(Random rnd) {
            int i = java.util.Arrays.binarySearch(cumulative, rnd.nextDouble());
            return Math.min(cumulative.length - 1, i < 0 ? -i - 1 : i);
        }
    }
}
