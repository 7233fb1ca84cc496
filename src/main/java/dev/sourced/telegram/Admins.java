package dev.sourced.telegram;

import dev.sourced.config.ConfigException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The admins: Telegram user ids listed in {@value #ENV}, comma-separated. Missing or empty: nobody. */
public final class Admins {
    public static final String ENV = "SOURCED_ADMINS";

    private Admins() {
    }

    public static Set<Long> fromEnv(Map<String, String> env) {
        return parse(env.get(ENV));
    }

    /** Parses a comma-separated list of user ids; anything else is a {@link ConfigException} naming the setting. */
    public static Set<Long> parse(String value) {
        Set<Long> out = new LinkedHashSet<>();
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        for (String part : value.split(",", -1)) {
            String t = part.strip();
            if (t.isEmpty()) {
                continue;
            }
            long id;
            try {
                id = Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new ConfigException(ENV + " must list Telegram user ids (numbers) separated by commas; '" + t + "' is not one");
            }
            if (id <= 0) {
                throw new ConfigException(ENV + " must list Telegram user ids (positive numbers); '" + t + "' is not one");
            }
            out.add(id);
        }
        return Set.copyOf(out);
    }
}
