package dev.sourced.telegram;

import dev.sourced.corpus.Lang;
import dev.sourced.telegram.store.UpdateJournal;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/** How moderation answers: replies in the moderator's chat, button acknowledgements, edits, and small text helpers. */
final class ModerationReplies {
    private static final Logger LOG = LoggerFactory.getLogger(ModerationReplies.class);

    /** Where a request came from, where its reply goes, and the language it is framed in. */
    record Ctx(long chatId, long userId, Integer messageId, UpdateJournal.Entry entry, Lang lang) {
        static Ctx of(long chatId, long userId, Integer messageId, UpdateJournal.Entry entry, String languageCode) {
            return new Ctx(chatId, userId, messageId, entry, Phrase.framing(null, languageCode));
        }

        String say(Phrase phrase, Object... args) {
            return phrase.in(lang, args);
        }
    }

    private final BotApi api;
    private final ReplySender sender;

    ModerationReplies(BotApi api, ReplySender sender) {
        this.api = api;
        this.sender = sender;
    }

    void reply(Ctx ctx, Reply reply) {
        sender.send(ctx.chatId(), reply, ctx.messageId(), ctx.entry());
    }

    void plain(Ctx ctx, Phrase phrase, Object... args) {
        reply(ctx, Reply.plain(ctx.say(phrase, args)));
    }

    /** Replaces the message a button is under (or sends {@code reply} when there is none). */
    void replace(Ctx ctx, Reply reply) {
        if (ctx.messageId() != null) sender.edit(ctx.chatId(), ctx.messageId(), reply);
        else sender.send(ctx.chatId(), reply, null, ctx.entry());
    }

    /** Edits a message; a refusal by Telegram (other than an outage) is only logged. */
    void editQuietly(long chatId, int messageId, Reply reply) {
        try {
            sender.edit(chatId, messageId, reply);
        } catch (SendFailure f) {
            if (f.kind() == SendFailure.Kind.UNAVAILABLE) throw f;
            LOG.debug("cannot edit message: {}", f.getMessage());
        }
    }

    /** Answers the callback query, always (a button otherwise keeps spinning); a stale query is not an error. */
    void acknowledge(String callbackId, String text) {
        try {
            api.call(AnswerCallbackQuery.builder().callbackQueryId(callbackId).text(text).build());
        } catch (SendFailure f) {
            if (f.kind() == SendFailure.Kind.UNAVAILABLE) throw f;
            LOG.debug("answerCallbackQuery refused: {}", f.getMessage());
        }
    }

    static InlineKeyboardButton button(String label, CallbackData data) {
        return InlineKeyboardButton.builder().text(label).callbackData(data.encode()).build();
    }

    static String or(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    static String day(String iso) {
        return iso == null ? "" : iso.length() >= 10 ? iso.substring(0, 10) : iso;
    }

    static String attribution(String outlet, String date) {
        List<String> parts = new ArrayList<>();
        if (!outlet.isBlank()) parts.add(outlet);
        if (!date.isBlank()) parts.add(date);
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    static String shorten(String s, int max) {
        if (s == null) return "";
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
