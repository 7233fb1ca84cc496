package dev.sourced.app;

import dev.sourced.config.Config;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Configurations for tests: a data directory of the test's own, the project's corpus, and chosen settings. */
public final class TestEngines {
    private TestEngines() {
    }

    public static Config config(Path dataDir, String... settings) {
        Map<String, String> env = new HashMap<>();
        env.put("SOURCED_DATA", dataDir.toString());
        env.put("SOURCED_CORPUS", Path.of("corpus").toAbsolutePath().toString());
        env.put("SOURCED_FREEDICT", "false");
        for (int i = 0; i + 1 < settings.length; i += 2) {
            env.put(settings[i], settings[i + 1]);
        }
        return Config.from(env);
    }

    /** Without embeddings: fast to open, for tests about everything but the dense retriever. */
    public static Config lexicalOnly(Path dataDir) {
        return config(dataDir, "SOURCED_EMBEDDING", "none");
    }
}
