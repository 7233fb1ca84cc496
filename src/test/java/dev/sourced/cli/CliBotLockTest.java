package dev.sourced.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sourced.app.Sourced;
import dev.sourced.app.TestEngines;
import dev.sourced.botsim.LocalBotApiServer;
import dev.sourced.telegram.BotConfig;
import dev.sourced.telegram.TelegramBot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `sourced bot` on a data directory another bot holds says which one and exits. */
class CliBotLockTest {
    private static final String TOKEN = "123456789:AAcli-lock-test";

    @TempDir
    Path data;

    @Test
    void aSecondBotOnTheSameDataDirectoryExitsWithOneLineNamingTheHolder() throws Exception {
        try (LocalBotApiServer server = LocalBotApiServer.start(TOKEN);
             Sourced first = Sourced.open(TestEngines.lexicalOnly(data))) {
            TelegramBot bot = first.startBot(BotConfig.of(TOKEN).withApiUrl(server.url()).withPollTimeoutSeconds(1)
                    .withShutdownGrace(Duration.ofSeconds(1)), Set.of(), first.intake());
            try {
                CliRun cli = new CliRun(data);
                cli.env.put("TELEGRAM_BOT_TOKEN", TOKEN);
                cli.env.put("SOURCED_TELEGRAM_API_URL", server.url().toString());

                int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> cli.run("bot"));

                assertThat(code).isEqualTo(1);
                assertThat(cli.err.lines().filter(l -> l.startsWith("sourced: ")).toList()).singleElement().asString()
                        .contains("another Sourced bot already runs on " + data.toAbsolutePath())
                        .contains("pid " + ProcessHandle.current().pid());
            } finally {
                bot.close();
            }
        }
    }
}
