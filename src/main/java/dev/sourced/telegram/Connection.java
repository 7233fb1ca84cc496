package dev.sourced.telegram;

/** How updates reach the bot: long polling or a webhook. */
interface Connection extends AutoCloseable {
    /** Updates the bot asks Telegram for; edits and channel posts are received only to be ignored on purpose. */
    java.util.List<String> ALLOWED_UPDATES = java.util.List.of("message", "edited_message", "channel_post",
            "callback_query");

    /** Starts receiving updates. */
    void start() throws Exception;

    /** "polling" or "webhook". */
    String mode();

    /** Whether updates can currently come in. */
    boolean running();

    /** Stops receiving updates, quickly (well within the 10 s a stop may take). */
    @Override
    void close();
}
