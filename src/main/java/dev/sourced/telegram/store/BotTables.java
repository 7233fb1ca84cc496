package dev.sourced.telegram.store;

import dev.sourced.store.Database;
import dev.sourced.store.Database.Migration;
import java.nio.file.Path;
import java.util.List;

/**
 * The bot's own tables, kept in the store's database after its own: V002 (updates, chats, answers, feedback,
 * status), V003 (moderators, audit trail, previews) and V004 (claims on updates, leases, rate limits shared by
 * replicas). Their numbers and scripts are those of earlier releases, so
 * existing databases open unchanged.
 */
public final class BotTables {
    public static final List<Migration> MIGRATIONS = List.of(
            new Migration("V002__telegram.sql", BotTables.class),
            new Migration("V003__moderation.sql", BotTables.class),
            new Migration("V004__replicas.sql", BotTables.class));

    private BotTables() {
    }

    /** Opens (creating if needed) a database with the store's tables and the bot's. */
    public static Database open(Path file) {
        return Database.open(file, MIGRATIONS);
    }
}
