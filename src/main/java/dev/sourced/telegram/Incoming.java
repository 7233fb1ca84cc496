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

    /**
     * A moderation command ({@code /add}, {@code /docs}, {@code /remove}…) addressed to this bot; {@code argument} is
     * the rest of the message. Only when the bot runs with moderation.
     */
    record ModCommand(long chatId, long userId, int messageId, String name, String argument, String languageCode)
            implements Incoming {
    }

    /** A file sent to be added to the corpus (in a private chat, or captioned /add). Only when the bot runs with moderation. */
    record Upload(long chatId, long userId, int messageId, String fileId, String fileName, String mimeType, Long fileSize,
                  String languageCode) implements Incoming {
    }

    /** An inline button pressed under one of the bot's messages ({@code messageText}: that message's text, if known). */
    record Button(long chatId, long userId, Integer messageId, String callbackId, String data, String languageCode,
                  String messageText) implements Incoming {
    }

    /** A message the bot explains it cannot take; {@code length} is the message's length for {@link Refusal#TOO_LONG}. */
    record Refused(long chatId, int messageId, Refusal reason, int length, String languageCode) implements Incoming {
    }

    /** An update the bot leaves alone on purpose (group chatter, edits, channel posts, service messages…). */
    record Ignored(long chatId, String why) implements Incoming {
    }
}
