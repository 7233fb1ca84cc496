package dev.sourced.telegram;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test with a bot running against the local Bot API server over a data directory of its own, stopped after each test. */
abstract class RunningBot {
    @TempDir
    Path dataDir;
    BotFixture f;

    @BeforeEach
    void startBot() throws Exception {
        f = BotFixture.start(dataDir);
    }

    @AfterEach
    void stopBot() {
        f.close();
    }
}
