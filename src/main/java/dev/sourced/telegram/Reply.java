package dev.sourced.telegram;

import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * What the bot sends for one update: HTML messages in order, the inline keyboard (if any) under the last one.
 */
record Reply(List<String> messages, InlineKeyboardMarkup keyboard) {
    Reply {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a reply has at least one message");
        }
    }

    static Reply text(List<String> messages) {
        return new Reply(messages, null);
    }

    /** A reply made of one short sentence of plain text. */
    static Reply plain(String text) {
        return new Reply(List.of(Html.escape(text)), null);
    }
}
