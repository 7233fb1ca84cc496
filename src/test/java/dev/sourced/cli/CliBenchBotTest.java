package dev.sourced.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench-bot's options, refused before anything is opened when they cannot work. */
class CliBenchBotTest {
    @TempDir
    Path data;

    @Test
    void severalReplicasNeedASharedDatabase() {
        CliRun cli = new CliRun(data);
        assertThat(cli.run("bench-bot", "--replicas", "2")).isEqualTo(2);
        assertThat(cli.err).contains("--replicas N > 1 needs a shared PostgreSQL: set SOURCED_DATABASE_URL");
    }

    @Test
    void withASharedDatabaseReplicasChatsAndRepeatsAreRead() {
        BenchBot.Args a = BenchBot.parse(java.util.List.of("--replicas", "3", "--chats", "7", "--repeat-questions"),
                java.util.Map.of("SOURCED_DATABASE_URL", "jdbc:postgresql://db/sourced"));
        assertThat(a.replicas()).isEqualTo(3);
        assertThat(a.options().chats()).isEqualTo(7);
        assertThat(a.options().allowRepeats()).isTrue();
    }

    @Test
    void badValuesAreUsageErrors() {
        CliRun cli = new CliRun(data);
        assertThat(cli.run("bench-bot", "--replicas", "0")).isEqualTo(2);
        assertThat(cli.err).contains("--replicas must be positive");
        assertThat(cli.run("bench-bot", "--chats", "many")).isEqualTo(2);
        assertThat(cli.run("bench-bot", "--frobnicate", "1")).isEqualTo(2);
        assertThat(cli.err).contains("unknown option --frobnicate");
    }

    @Test
    void eachReplicaHasItsOwnDataDirectoryAndNameAndTheSameDatabase() {
        java.util.Map<String, String> env = new java.util.HashMap<>(new CliRun(data).env);
        env.put("SOURCED_DATABASE_URL", "jdbc:postgresql://db/sourced");
        env.put("SOURCED_DATABASE_USER", "bench");
        env.put("SOURCED_DATABASE_PASSWORD", "secret");
        java.util.List<java.util.Map<String, String>> envs = BenchBot.replicaEnvironments(
                dev.sourced.config.Config.from(env), 3, data.resolve("replicas"));

        assertThat(envs).extracting(e -> e.get("SOURCED_REPLICA")).containsExactly("replica-1", "replica-2", "replica-3");
        assertThat(envs).extracting(e -> e.get("SOURCED_DATA")).doesNotHaveDuplicates()
                .allMatch(d -> java.nio.file.Files.isDirectory(Path.of(d)));
        assertThat(envs).allSatisfy(e -> {
            assertThat(e).containsEntry("SOURCED_DATABASE_URL", "jdbc:postgresql://db/sourced")
                    .containsEntry("SOURCED_DATABASE_USER", "bench").containsEntry("SOURCED_DATABASE_PASSWORD", "secret");
            assertThat(Path.of(e.get("SOURCED_CORPUS"))).isAbsolute();
        });
    }
}
