package dev.sourced.telegram;

import dev.sourced.cli.Engine;
import dev.sourced.telegram.moderation.Admins;
import dev.sourced.telegram.moderation.PageFetcher;
import dev.sourced.telegram.moderation.UntrustedParser;
import java.util.Map;
import java.util.Set;

/**
 * What the bot needs to let moderators curate the corpus from Telegram: the engine whose corpus they change, the admins
 * ({@value Admins#ENV}), and the bounded readers of untrusted files and pages.
 */
public record Moderation(Engine engine, Set<Long> admins, UntrustedParser parser, PageFetcher fetcher) {
    public Moderation {
        admins = Set.copyOf(admins);
    }

    /** Admins from {@value Admins#ENV} (a malformed list is a configuration error naming it), default limits. */
    public static Moderation fromEnv(Engine engine, Map<String, String> env) {
        return new Moderation(engine, Admins.fromEnv(env), new UntrustedParser(), new PageFetcher());
    }
}
