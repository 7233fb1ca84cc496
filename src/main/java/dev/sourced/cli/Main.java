package dev.sourced.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sourced.answer.Answer;
import dev.sourced.answer.Citation;
import dev.sourced.answer.Question;
import dev.sourced.answer.SourceRef;
import dev.sourced.app.Sourced;
import dev.sourced.config.Config;
import dev.sourced.config.ConfigException;
import dev.sourced.corpus.CorpusException;
import dev.sourced.corpus.DocumentMeta;
import dev.sourced.corpus.DocumentIntake;
import dev.sourced.corpus.DocumentReader;
import dev.sourced.corpus.Lang;
import dev.sourced.corpus.SourceDocument;
import dev.sourced.index.IndexException;
import dev.sourced.store.Curation;
import dev.sourced.store.StoreException;
import dev.sourced.store.StoredDocument;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code sourced COMMAND ...}: the command line. Exit codes: 0 done, 1 failed (the reason on stderr), 2 usage. */
public final class Main {
    static final String USAGE = """
            usage: sourced [COMMAND] [ARGS]
              ask [--json] [--context "EARLIER QUESTION"]... "QUESTION"   answer a question with cited passages
              chat                                   ask questions in the terminal (a conversation)
              ingest [--id ID] [--title T] [--outlet O] [--url U] [--date D] [--lang fr|en] PATH|URL...
                                                     add or update documents (.txt, .md, .html, .pdf; directories;
                                                     the article of an http(s) web page)
              docs [--all]                           list the corpus documents (--all: removed ones too)
              remove ID | restore ID                 take a document out of the corpus / bring it back (7 days)
              edit ID FIELD VALUE                    correct title, outlet, url, date or language
              reindex                                rebuild the search index from the database
              eval FILE.jsonl [--json] [--signals OUT.jsonl]
                                                     score answers against a question set (--signals: write what
                                                     the ranker and the abstention model see, for calibrate)
              calibrate [--out DIR] SIGNALS.jsonl... fit the ranker and the abstention model on eval --signals files
              bench [--sizes 10000,100000] [--queries N] [--questions FILE.jsonl] [--million] [--json]
                                                     measure ingest, retrieval latency, index size, memory, start-up
              bench-bot [--questions FILE.jsonl] [--chats N] [--rate Q] [--repeat-questions] [--replicas N]
                                                     drive the bot with 100 concurrent chats through a local Bot API
                                                     server, each question distinct (FILE's, else made from the corpus's
                                                     passages; --repeat-questions: repeat them if too few); reports
                                                     questions/s, latency and the answer cache's hit rate. --replicas N:
                                                     N bot JVMs, latency end to end (N > 1: SOURCED_DATABASE_URL)
              bench-bot --kill-every 5s --rounds N [--chats N] [--rate Q]
                                                     soak: the bot as a child process, SIGKILLed every 5 s; lost/duplicated
              bot                                    run the Telegram bot (TELEGRAM_BOT_TOKEN)
              health [--deep]                        check that the store and the index answer (--deep: checksums, quick_check)
            With no command: the Telegram bot when TELEGRAM_BOT_TOKEN is set, else the terminal chat.
            Data lives in ./data unless SOURCED_DATA says otherwise; an empty store ingests ./corpus first.""";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Lucene's start-up notices (vector module, native access) are not for readers; warnings of our own still show. */
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

    private Main() {
    }

    public static void main(String[] args) {
        LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.log.ai.djl", System.getProperty("org.slf4j.simpleLogger.log.ai.djl", "error"));
        // the bot returns only once it has stopped, so every command ends the process with its code
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            Config config = Config.from(env);
            if (args.length == 0) {
                String token = env.get("TELEGRAM_BOT_TOKEN");
                if (token != null && !token.isBlank()) {
                    return bot(config, out);
                }
                out.println("No TELEGRAM_BOT_TOKEN is set, so this is a chat in the terminal over the same engine.");
                out.println("To connect Telegram: create a bot with @BotFather, then run: TELEGRAM_BOT_TOKEN=... ./sourced");
                return chat(config, out);
            }
            String cmd = args[0];
            List<String> rest = List.of(args).subList(1, args.length);
            return switch (cmd) {
                case "ask" -> ask(config, rest, out);
                case "chat" -> chat(config, out);
                case "ingest" -> ingest(config, rest, out, err);
                case "docs" -> docs(config, rest, out);
                case "remove", "restore" -> removeOrRestore(config, cmd, rest, out, err);
                case "edit" -> edit(config, rest, out, err);
                case "reindex" -> reindex(config, out);
                case "eval" -> eval(config, rest, out);
                case "calibrate" -> Calibrate.run(rest, out);
                case "bench" -> Bench.run(config, rest, out);
                case "bench-bot" -> benchBot(config, rest, out);
                case "bot" -> bot(config, out);
                case "health" -> health(config, rest, out);
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> usage(err, "unknown command '" + cmd + "'");
            };
        } catch (UsageException e) {
            return usage(err, e.getMessage());
        } catch (ConfigException | CorpusException | StoreException | IndexException e) {
            err.println("sourced: " + e.getMessage());
            return 1;
        }
    }

    static int usage(PrintStream err, String message) {
        err.println("sourced: " + message);
        err.println(USAGE);
        return 2;
    }

    /** A command line that does not fit its command. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private static int bot(Config config, PrintStream out) {
        dev.sourced.telegram.BotConfig botConfig = Commands.botConfig(config);
        try (Sourced sourced = Sourced.open(config)) {
            return Commands.bot(botConfig, sourced::startBot, sourced.corpus(), out);
        }
    }

    private static int health(Config config, List<String> args, PrintStream out) {
        boolean deep = false;
        for (String a : args) {
            if (a.equals("--deep")) deep = true;
            else throw new UsageException("health: unknown option " + a);
        }
        try (Sourced sourced = Sourced.open(config, false)) {
            Sourced.Health h = sourced.health(deep);
            int code = Commands.health(h.bot(), h.passagesIndexed(), h.indexReadOnly(), h.outboxLag(), "replica=" + h.replica()
                    + " pollerLease=" + h.pollerLease() + " pollerHolder=" + (h.pollerHolder().isEmpty() ? "none" : h.pollerHolder()), out);
            h.damage().forEach(d -> out.println("damaged: " + d));
            return h.damage().isEmpty() ? code : 1;
        }
    }

    private static int benchBot(Config config, List<String> args, PrintStream out) {
        if (BenchBot.isSoak(args)) {
            return Commands.soak(config, args, env -> {
                try (Sourced sourced = Sourced.open(Config.from(env))) {
                    return dev.sourced.botsim.BotBenchmark.questions(sourced.corpus().documents());
                }
            }, out);
        }
        BenchBot.Args a = BenchBot.parse(args, config.environment());
        if (a.replicas() > 0) {
            return BenchBot.replicas(config, a, env -> {
                try (Sourced sourced = Sourced.open(Config.from(env))) {
                    return BenchBot.questions(a, sourced.curation().documents(false));
                }
            }, out);
        }
        try (Sourced sourced = Sourced.open(config)) {
            List<String> questions = BenchBot.questions(a, sourced.curation().documents(false));
            return BenchBot.inProcess(new dev.sourced.botsim.BotBenchmark.Subject(sourced.answerer(), sourced.corpus(),
                    sourced.internals().answerEngine()::cacheStats), questions, a, out);
        }
    }

    private static int ask(Config config, List<String> args, PrintStream out) {
        boolean json = false;
        List<String> context = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--json" -> json = true;
                case "--context" -> {
                    if (i + 1 >= args.size()) throw new UsageException("--context needs a question");
                    context.add(args.get(++i));
                }
                default -> {
                    if (a.startsWith("--")) throw new UsageException("ask: unknown option " + a);
                    words.add(a);
                }
            }
        }
        String question = String.join(" ", words).strip();
        if (question.isEmpty()) throw new UsageException("ask needs a question, e.g. sourced ask \"Why did Musk leave OpenAI?\"");
        try (Sourced sourced = Sourced.open(config)) {
            Answer a = sourced.answerer().ask(new Question(question, context, null));
            if (json) {
                out.println(toJson(a));
            } else {
                out.print(render(a));
            }
        }
        return 0;
    }

    static String toJson(Answer a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("question", a.question());
        o.put("answer", a.text());
        o.put("abstained", a.abstained());
        ArrayNode cites = o.putArray("citations");
        for (Citation c : a.citations()) {
            ObjectNode n = cites.addObject();
            n.put("n", c.n());
            putRef(n, c.source());
            n.put("text", c.text());
            n.put("score", c.score());
            ArrayNode also = n.putArray("also_in");
            for (SourceRef r : c.alsoIn()) putRef(also.addObject(), r);
            ObjectNode highlight = n.putObject("highlight");
            highlight.put("start", c.highlightStart());
            highlight.put("end", c.highlightEnd());
            if (!c.translation().isEmpty()) n.put("translation", c.translation());
        }
        o.put("took_ms", a.tookMs());
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putRef(ObjectNode n, SourceRef r) {
        n.put("doc_id", r.docId());
        n.put("title", r.title());
        n.put("source", r.source());
        n.put("url", r.url());
        n.put("date", r.date());
        n.put("start", r.start());
        n.put("end", r.end());
    }

    /** The answer for people: the short answer, then the numbered quotes with their sources. */
    static String render(Answer a) {
        StringBuilder sb = new StringBuilder(a.text()).append("\n");
        for (Citation c : a.citations()) {
            sb.append("\n[").append(c.n()).append("] “").append(c.text().strip().replace("\n", " ")).append("”\n");
            if (!c.translation().isEmpty()) sb.append("    (machine translation) ").append(c.translation()).append("\n");
            sb.append("    — ").append(label(c.source())).append("\n");
            for (SourceRef r : c.alsoIn()) {
                sb.append("    also in: ").append(label(r)).append("\n");
            }
        }
        return sb.toString();
    }

    static String label(SourceRef r) {
        StringBuilder sb = new StringBuilder(r.title());
        if (!r.source().isEmpty()) sb.append(", ").append(r.source());
        if (!r.date().isEmpty()) sb.append(", ").append(r.date());
        if (!r.url().isEmpty()) sb.append(" · ").append(r.url());
        return sb.toString();
    }

    private static int chat(Config config, PrintStream out) {
        try (Sourced sourced = Sourced.open(config);
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            out.println("Sourced — ask about " + sourced.corpus().documents().size() + " articles. /new forgets the conversation, /quit leaves.");
            List<String> context = new ArrayList<>();
            while (true) {
                out.print("> ");
                out.flush();
                String line = in.readLine();
                if (line == null || line.strip().equals("/quit")) break;
                String q = line.strip();
                if (q.isEmpty()) continue;
                if (q.equals("/new")) {
                    context.clear();
                    out.println("(conversation forgotten)");
                    continue;
                }
                Answer a = sourced.answerer().ask(new Question(q, context, null));
                out.println(render(a));
                context.add(q);
                if (context.size() > 5) context.remove(0);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return 0;
    }

    private static int ingest(Config config, List<String> args, PrintStream out, PrintStream err) {
        DocumentMeta meta = DocumentMeta.empty();
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                if (i + 1 >= args.size()) throw new UsageException(a + " needs a value");
                String v = args.get(++i);
                meta = switch (a) {
                    case "--id" -> meta.withId(DocumentReader.slug(v));
                    case "--title" -> meta.withTitle(v);
                    case "--outlet" -> meta.withOutlet(v);
                    case "--url" -> meta.withUrl(v);
                    case "--date" -> meta.withPublished(v);
                    case "--lang" -> meta.withLanguage(Lang.fromCode(v));
                    default -> throw new UsageException("ingest: unknown option " + a);
                };
            } else {
                sources.add(a);
            }
        }
        if (sources.isEmpty()) throw new UsageException("ingest needs at least one PATH or URL");
        boolean metaGiven = !meta.equals(DocumentMeta.empty());
        String first = sources.get(0);
        if (metaGiven && (sources.size() > 1 || !DocumentIntake.isLink(first) && java.nio.file.Files.isDirectory(Path.of(first)))) {
            throw new UsageException("metadata flags apply to a single file");
        }
        int failed = 0;
        try (Sourced sourced = Sourced.open(config, false)) {
            Curation curation = sourced.curation();
            List<Curation.IngestResult> results = new ArrayList<>();
            if (metaGiven) {
                Curation.IngestResult r;
                try {
                    SourceDocument d = DocumentIntake.isLink(first) ? sourced.intake().page(first).document()
                            : sourced.intake().file(Path.of(first)).document();
                    r = curation.ingest(new SourceDocument(meta.orElse(d.meta()), d.format(), d.text()));
                } catch (CorpusException | StoreException e) {
                    r = new Curation.IngestResult(first, null, null, 0, e.getMessage());
                }
                results.add(r);
            } else if (sources.stream().noneMatch(DocumentIntake::isLink)) {
                results.addAll(curation.ingestAll(sources.stream().map(Path::of).toList()));
            } else {
                for (String source : sources) {
                    results.addAll(DocumentIntake.isLink(source) ? List.of(curation.ingestPage(source))
                            : curation.ingestAll(List.of(Path.of(source))));
                }
            }
            for (Curation.IngestResult r : results) {
                if (r.failed()) {
                    failed++;
                    err.println("sourced: " + r.error());
                } else {
                    out.printf("%-9s %s (%d passages) ← %s%n", r.outcome().name().toLowerCase(), r.docId(), r.passages(), r.origin());
                }
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static int docs(Config config, List<String> args, PrintStream out) {
        boolean all = args.contains("--all");
        try (Sourced sourced = Sourced.open(config)) {
            List<StoredDocument> docs = sourced.curation().documents(all);
            for (StoredDocument d : docs) {
                out.printf("%-24s %-3s %-10s %3d passages  %s%s%s%n", d.id(), d.language().code(), d.published().isEmpty() ? "-" : d.published(),
                        d.passages(), d.title(), d.outlet().isEmpty() ? "" : " — " + d.outlet(), d.removed() ? "  [removed " + d.removedAt() + "]" : "");
            }
            out.println(docs.size() + " document(s)");
        }
        return 0;
    }

    /** Removing and restoring from the command line, which the audit trail records as the operator's. */
    private static int removeOrRestore(Config config, String cmd, List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) throw new UsageException(cmd + " needs one document ID");
        boolean remove = cmd.equals("remove");
        String id = args.get(0);
        try (Sourced sourced = Sourced.open(config, false)) {
            boolean ok = remove ? sourced.curation().remove(id) : sourced.curation().restore(id);
            if (!ok) {
                err.println("sourced: " + (remove ? "no active document '" + id + "'" : "no document '" + id + "' removed in the last 7 days"));
                return 1;
            }
            out.println((remove ? "removed " : "restored ") + id);
        }
        return 0;
    }

    private static int edit(Config config, List<String> args, PrintStream out, PrintStream err) {
        if (args.size() < 3) throw new UsageException("edit needs ID FIELD VALUE");
        String value = String.join(" ", args.subList(2, args.size()));
        try (Sourced sourced = Sourced.open(config, false)) {
            boolean ok;
            try {
                ok = sourced.curation().edit(args.get(0), args.get(1), value);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            if (!ok) {
                err.println("sourced: no active document '" + args.get(0) + "'");
                return 1;
            }
            out.println("edited " + args.get(0) + ": " + args.get(1) + " = " + value);
        }
        return 0;
    }

    private static int reindex(Config config, PrintStream out) {
        long t0 = System.nanoTime();
        int n;
        try (Sourced sourced = Sourced.open(config, false)) {
            n = sourced.curation().reindex();
        } catch (IndexException e) {
            out.println("the index cannot be opened (" + e.getMessage() + "); rebuilding it from the database");
            n = Sourced.rebuildCorruptIndex(config);
        }
        out.printf("reindexed %d passages in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);
        return 0;
    }

    private static int eval(Config config, List<String> args, PrintStream out) {
        boolean json = args.contains("--json");
        Path signals = null;
        List<String> files = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--signals")) {
                if (i + 1 >= args.size()) throw new UsageException("--signals needs a file");
                signals = Path.of(args.get(++i));
            } else if (!a.startsWith("--")) {
                files.add(a);
            }
        }
        if (files.size() != 1) throw new UsageException("eval needs one FILE.jsonl");
        List<Evaluation.Item> items = Evaluation.read(Path.of(files.get(0)));
        try (Sourced sourced = Sourced.open(config)) {
            if (signals != null) {
                int n = Calibrate.writeSignals(sourced.internals().answerEngine(), items, signals);
                out.printf("wrote the signals of %d questions to %s%n", n, signals);
                return 0;
            }
            Evaluation.Metrics m = Evaluation.run(sourced.answerer(), items, sourced.internals().clearCaches());
            if (json) {
                ObjectNode o = JSON.createObjectNode();
                o.put("hit@1", m.hit1());
                o.put("hit@3", m.hit3());
                o.put("hit@5", m.hit5());
                o.put("mrr@5", m.mrr5());
                o.put("abstain_accuracy", m.abstainAccuracy());
                o.put("abstain_precision", m.abstainPrecision());
                o.put("abstain_recall", m.abstainRecall());
                o.put("max_ms", m.maxMs());
                o.put("p50_ms", m.p50Ms());
                o.put("p95_ms", m.p95Ms());
                o.put("n", m.n());
                ArrayNode rs = o.putArray("results");
                for (Evaluation.Result r : m.results()) {
                    ObjectNode n = rs.addObject();
                    n.put("id", r.item().id());
                    n.put("question", r.item().question());
                    n.put("answerable", r.item().answerable());
                    n.put("abstained", r.abstained());
                    n.put("first_hit", r.firstHit());
                    n.put("ms", r.micros() / 1000.0);
                    ArrayNode cited = n.putArray("cited");
                    r.cited().forEach(cited::add);
                }
                out.println(toJsonString(o));
            } else {
                for (Evaluation.Result r : m.results()) {
                    String verdict = !r.item().answerable() ? (r.abstained() ? "abstained ok" : "ANSWERED (should abstain)")
                            : r.abstained() ? "ABSTAINED" : r.firstHit() == 0 ? "MISS" : "hit@" + r.firstHit();
                    out.printf("%-6s %-26s %6.1f ms  %s%n", r.item().id(), verdict, r.micros() / 1000.0, r.item().question());
                }
                out.printf("%nhit@1 %.3f  hit@3 %.3f  hit@5 %.3f  mrr@5 %.3f  abstain_accuracy %.3f  p50 %.1f ms  p95 %.1f ms  n %d%n",
                        m.hit1(), m.hit3(), m.hit5(), m.mrr5(), m.abstainAccuracy(), m.p50Ms(), m.p95Ms(), m.n());
                out.printf("abstain_precision %.3f  abstain_recall %.3f  max %.1f ms%n", m.abstainPrecision(), m.abstainRecall(), m.maxMs());
            }
        }
        return 0;
    }

    /** Sourced opened for the benchmark, which measures its parts one by one. */
    static Engine openForBench(Config config, boolean seed) {
        Sourced sourced = Sourced.open(config, seed);
        Sourced.Internals parts = sourced.internals();
        return new Engine() {
            public List<Curation.IngestResult> ingestDocuments(List<SourceDocument> sources) {
                return sourced.curation().ingestDocuments(sources);
            }

            public dev.sourced.index.PassageIndex index() {
                return parts.index();
            }

            public dev.sourced.index.QuestionParser parser() {
                return parts.parser();
            }

            public dev.sourced.index.HybridRetriever retriever() {
                return parts.retriever();
            }

            public dev.sourced.answer.Answerer answerer() {
                return sourced.answerer();
            }

            public void clearCaches() {
                parts.clearCaches().run();
            }

            public void close() {
                sourced.close();
            }
        };
    }

    static String toJsonString(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
