package dev.sourced;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package directions of DESIGN.md, checked on the compiled classes: every class file's constant pool names the
 * classes it uses (in class entries, descriptors and signatures), so the dependencies read from it are those the JVM
 * will load. A package here is a top-level package under {@code dev.sourced} with its subpackages
 * ({@code answer.llm} is {@code answer}, {@code telegram.store} is {@code telegram}).
 */
class ArchitectureTest {
    private static final Path CLASSES = Path.of("target/classes");
    private static final Pattern OURS = Pattern.compile("dev/sourced/([a-z0-9]+)((?:/[a-z0-9]+)*)/([A-Z][A-Za-z0-9_$]*)");

    /**
     * What each package may use, besides itself: DESIGN.md's table. {@code config} is the leaf: {@code answer} uses it
     * for the LLM's own settings, {@code telegram} for the bot's and the admins'.
     */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "config", Set.of(),
            "corpus", Set.of("config"),
            "store", Set.of("corpus"),
            "index", Set.of("corpus", "store"),
            "answer", Set.of("index", "store", "corpus", "config"),
            "telegram", Set.of("answer", "corpus", "store", "config"),
            "botsim", Set.of("telegram", "answer", "corpus", "store"),
            "app", Set.of("telegram", "answer", "index", "corpus", "store", "config"),
            "cli", Set.of("app", "telegram", "botsim", "answer", "index", "corpus", "store", "config"));

    /** Class (binary name with slashes) to the classes of ours it uses. */
    private static Map<String, Set<String>> uses;

    @BeforeAll
    static void readClassFiles() throws IOException {
        assertThat(CLASSES).as("compiled classes (run after compile)").isDirectory();
        uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(f).toString().replace('\\', '/').replaceAll("\\.class$", "");
                Set<String> refs = new TreeSet<>();
                for (String text : utf8Constants(f)) {
                    Matcher m = OURS.matcher(text);
                    while (m.find()) refs.add(m.group());
                }
                refs.remove(name);
                uses.put(name, refs);
            }
        }
        assertThat(uses).as("class files read").hasSizeGreaterThan(50);
    }

    @Test
    void everyPackageUsesOnlyThePackagesItMayUse() {
        List<String> violations = new ArrayList<>();
        uses.forEach((from, refs) -> {
            String p = pkg(from);
            assertThat(ALLOWED).as("package of " + from + " is listed in ALLOWED").containsKey(p);
            for (String to : refs) {
                String q = pkg(to);
                if (!q.equals(p) && !ALLOWED.get(p).contains(q)) violations.add(from + " -> " + to);
            }
        });
        assertThat(violations).isEmpty();
    }

    @Test
    void corpusAndConfigDependOnNothingOfOursButConfig() {
        assertThat(packageGraph().getOrDefault("config", Set.of())).isEmpty();
        assertThat(packageGraph().getOrDefault("corpus", Set.of())).isSubsetOf("config");
    }

    @Test
    void thereIsNoCycleBetweenPackages() {
        assertAcyclic(graph(ArchitectureTest::pkg), "packages");
    }

    @Test
    void thereIsNoCycleBetweenSubpackagesEither() {
        assertAcyclic(graph(ArchitectureTest::subpackage), "subpackages");
    }

    private static void assertAcyclic(Map<String, Set<String>> graph, String what) {
        for (String start : graph.keySet()) {
            Set<String> reached = new HashSet<>();
            List<String> todo = new ArrayList<>(graph.get(start));
            while (!todo.isEmpty()) {
                String next = todo.remove(todo.size() - 1);
                if (reached.add(next)) todo.addAll(graph.getOrDefault(next, Set.of()));
            }
            assertThat(reached).as(what + " reached from " + start).doesNotContain(start);
        }
    }

    @Test
    void onlyMainUsesTheCompositionRoot() {
        List<String> users = uses.entrySet().stream()
                .filter(e -> !pkg(e.getKey()).equals("app"))
                .filter(e -> e.getValue().stream().anyMatch(to -> pkg(to).equals("app")))
                .map(Map.Entry::getKey).toList();
        assertThat(users).as("classes using app").allMatch(c -> c.equals("dev/sourced/cli/Main") || c.startsWith("dev/sourced/cli/Main$"));
        assertThat(users).contains("dev/sourced/cli/Main");
    }

    @Test
    void theBotHoldsNoFakeServerOrBenchmark() {
        assertThat(uses.keySet()).noneMatch(c -> c.startsWith("dev/sourced/telegram/")
                && (c.contains("LocalBotApiServer") || c.contains("Benchmark") || c.contains("ReaderUpdates")));
    }

    private static Map<String, Set<String>> packageGraph() {
        return graph(ArchitectureTest::pkg);
    }

    /** Which group (package or subpackage) uses which other groups. */
    private static Map<String, Set<String>> graph(Function<String, String> group) {
        Map<String, Set<String>> graph = new TreeMap<>();
        uses.forEach((from, refs) -> {
            for (String to : refs) {
                if (!group.apply(to).equals(group.apply(from))) {
                    graph.computeIfAbsent(group.apply(from), k -> new TreeSet<>()).add(group.apply(to));
                }
            }
        });
        return graph;
    }

    /** The top-level package under dev.sourced of a class. */
    private static String pkg(String className) {
        return className.split("/")[2];
    }

    private static String subpackage(String className) {
        return className.substring(0, className.lastIndexOf('/'));
    }

    /** The UTF-8 entries of a class file's constant pool (class names, descriptors, signatures, strings). */
    static List<String> utf8Constants(Path classFile) {
        try (InputStream raw = Files.newInputStream(classFile); DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != 0xCAFEBABE) throw new IOException(classFile + ": not a class file");
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            List<String> out = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> out.add(in.readUTF());
                    case 3, 4 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 15 -> in.skipNBytes(3);
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
