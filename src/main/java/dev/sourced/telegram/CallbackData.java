package dev.sourced.telegram;

import java.util.Optional;

/**
 * What an inline button asks for, as carried in its {@code callback_data} (at most 64 bytes, so it names a stored
 * answer by id rather than carrying the quote).
 */
sealed interface CallbackData {
    String encode();

    /** Show the sentences around quote {@code n} of an answer. */
    record ShowContext(long answerId, int n) implements CallbackData {
        public String encode() {
            return "ctx:" + answerId + ":" + n;
        }
    }

    /** Show the citations of an answer beyond those shown under it. */
    record MoreSources(long answerId) implements CallbackData {
        public String encode() {
            return "more:" + answerId;
        }
    }

    /** A reader's 👍 (+1) or 👎 (-1) on an answer. */
    record Feedback(long answerId, int vote) implements CallbackData {
        public String encode() {
            return "fb:" + answerId + ":" + (vote > 0 ? "up" : "down");
        }
    }

    /** A page of the /sources list. */
    record SourcesPage(int page) implements CallbackData {
        public String encode() {
            return "src:" + page;
        }
    }

    /** What a moderator's button does. */
    enum ModAction {
        CONFIRM("ok"), CANCEL("no"), EDIT_METADATA("meta"), DOCS_PAGE("docs"), UNKNOWN("");

        private final String code;

        ModAction(String code) {
            this.code = code;
        }

        static ModAction of(String code) {
            for (ModAction a : values()) {
                if (a != UNKNOWN && a.code.equals(code)) return a;
            }
            return UNKNOWN;
        }
    }

    /**
     * A moderator's button: confirm, cancel or correct preview {@code value}, or show page {@code value} of /docs. Any
     * data under the {@value #MOD_PREFIX} prefix parses to one, so that who pressed it is checked before what it says;
     * {@code value} is null when there is none, and {@code action} {@link ModAction#UNKNOWN} when it is not ours.
     */
    record ModButton(ModAction action, String code, String value) implements CallbackData {
        ModButton(ModAction action, long number) {
            this(action, action.code, Long.toString(number));
        }

        public String encode() {
            return MOD_PREFIX + code + (value == null ? "" : ":" + value);
        }

        /** The preview or page number, -1 when the value is not a number. */
        long number() {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        boolean wellFormed() {
            return value != null && action != ModAction.UNKNOWN;
        }
    }

    String MOD_PREFIX = "mod:";

    /** Parses button data; empty for anything we did not produce. */
    static Optional<CallbackData> parse(String data) {
        if (data != null && data.startsWith(MOD_PREFIX)) {
            String[] f = data.substring(MOD_PREFIX.length()).split(":", 2);
            return Optional.of(new ModButton(ModAction.of(f[0]), f[0], f.length == 2 ? f[1] : null));
        }
        if (data == null || data.length() > 64) {
            return Optional.empty();
        }
        String[] f = data.split(":", -1);
        try {
            return switch (f[0]) {
                case "ctx" -> f.length == 3 ? Optional.of(new ShowContext(Long.parseLong(f[1]), Integer.parseInt(f[2]))) : Optional.empty();
                case "more" -> f.length == 2 ? Optional.of(new MoreSources(Long.parseLong(f[1]))) : Optional.empty();
                case "fb" -> f.length == 3 && (f[2].equals("up") || f[2].equals("down"))
                        ? Optional.of(new Feedback(Long.parseLong(f[1]), f[2].equals("up") ? 1 : -1)) : Optional.empty();
                case "src" -> f.length == 2 ? Optional.of(new SourcesPage(Math.max(0, Integer.parseInt(f[1])))) : Optional.empty();
                default -> Optional.empty();
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
