package dev.sourced.cli;

import dev.sourced.config.Config;
import java.io.PrintStream;

/** Commands that reach beyond the engine: the Telegram bot and the health check. */
final class Commands {
    private Commands() {
    }

    static int bot(Config config, PrintStream out) {
        throw new Main.UsageException("the Telegram bot is not part of this build yet");
    }

    static int health(Config config, PrintStream out) {
        try (Engine engine = Engine.open(config, false)) {
            int docs = engine.corpus().documents().size();
            int passages = engine.index().passageCount();
            out.println("ok: " + docs + " documents, " + passages + " passages indexed"
                    + (engine.index().readOnly() ? " (index read-only: another process holds it)" : ""));
            return 0;
        }
    }
}
