package dev.sourced.telegram;

/** What an update asks of the bot, decided by {@link UpdateClassifier}. */
sealed interface Incoming {
    /** The chat any reply goes to (the key of the per-chat queue); 0 when there is none. */
    long chatId();

    /** Why a message gets a short explanation instead of an answer. */
    enum Refusal { TEXT_ONLY, EMPTY, TOO_LONG, ASK_USAGE, UNKNOWN_COMMAND }

    /** The commands the bot knows. */
    enum CommandName { START, HELP, SOURCES, NEW }

    /** A question to answer from the corpus. */
    record Ask(long chatId, long userId, int messageId, String text, String languageCode) implements Incoming {
    }

    record Command(long chatId, long userId, int messageId, CommandName name, String languageCode) implements Incoming {
    }

    /** An inline button pressed under one of the bot's messages. */
    record Button(long chatId, long userId, Integer messageId, String callbackId, String data, String languageCode)
            implements Incoming {
    }

    /** A message the bot explains it cannot take; {@code length} is the message's length for {@link Refusal#TOO_LONG}. */
    record Refused(long chatId, int messageId, Refusal reason, int length, String languageCode) implements Incoming {
    }

    /** An update the bot leaves alone on purpose (group chatter, edits, channel posts, service messages…). */
    record Ignored(long chatId, String why) implements Incoming {
    }
}
