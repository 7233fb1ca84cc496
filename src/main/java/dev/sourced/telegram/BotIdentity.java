package dev.sourced.telegram;

/** Who the bot is on Telegram, as told by getMe at start. */
record BotIdentity(long id, String username) {
    BotIdentity {
        username = username == null ? "" : username;
    }
}
