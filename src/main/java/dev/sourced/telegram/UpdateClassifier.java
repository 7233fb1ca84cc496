package dev.sourced.telegram;

import dev.sourced.telegram.Incoming.Ask;
import dev.sourced.telegram.Incoming.Button;
import dev.sourced.telegram.Incoming.Command;
import dev.sourced.telegram.Incoming.CommandName;
import dev.sourced.telegram.Incoming.Ignored;
import dev.sourced.telegram.Incoming.ModCommand;
import dev.sourced.telegram.Incoming.Refusal;
import dev.sourced.telegram.Incoming.Refused;
import dev.sourced.telegram.Incoming.Upload;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.EntityType;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Decides what an update asks of the bot. In a private chat every text message is a question; in a group the bot
 * answers only when mentioned, when a message replies to it, or with /ask, and leaves other chatter alone. Edits,
 * channel posts and messages from bots are ignored on purpose. With moderation, the moderators' commands and the
 * files sent to be added are told apart too (who may use them is checked later, on the sender's role).
 */
final class UpdateClassifier {
    /** The longest question taken; longer messages get a polite refusal. */
    static final int MAX_QUESTION_CHARS = 1000;
    private static final String PRIVATE = "private";

    /** The moderators' commands. */
    static final Set<String> MOD_COMMANDS = Set.of("mod", "audit", "add", "docs", "doc", "edit", "remove", "restore");

    private final BotIdentity bot;
    private final boolean moderation;

    UpdateClassifier(BotIdentity bot) {
        this(bot, false);
    }

    /** With {@code moderation}, moderation commands and files to add are classified as such. */
    UpdateClassifier(BotIdentity bot, boolean moderation) {
        this.bot = bot;
        this.moderation = moderation;
    }

    /** The chat an update belongs to, 0 if none. */
    static long chatIdOf(Update u) {
        if (u.hasMessage()) {
            return u.getMessage().getChatId();
        }
        if (u.hasCallbackQuery()) {
            CallbackQuery q = u.getCallbackQuery();
            return q.getMessage() != null ? q.getMessage().getChatId() : q.getFrom().getId();
        }
        if (u.hasEditedMessage()) {
            return u.getEditedMessage().getChatId();
        }
        if (u.hasChannelPost()) {
            return u.getChannelPost().getChatId();
        }
        if (u.hasEditedChannelPost()) {
            return u.getEditedChannelPost().getChatId();
        }
        return 0;
    }

    Incoming classify(Update u) {
        long chat = chatIdOf(u);
        if (u.hasCallbackQuery()) {
            CallbackQuery q = u.getCallbackQuery();
            Integer messageId = q.getMessage() == null ? null : q.getMessage().getMessageId();
            String messageText = q.getMessage() instanceof Message m ? m.getText() : null;
            return new Button(chat, q.getFrom().getId(), messageId, q.getId(), q.getData(), q.getFrom().getLanguageCode(),
                    messageText);
        }
        if (u.hasEditedMessage()) {
            return new Ignored(chat, "edited message: questions are answered once, as first sent");
        }
        if (u.hasChannelPost() || u.hasEditedChannelPost()) {
            return new Ignored(chat, "channel post");
        }
        if (!u.hasMessage()) {
            return new Ignored(chat, "update without a message");
        }
        return message(u.getMessage());
    }

    private Incoming message(Message m) {
        long chat = m.getChatId();
        User from = m.getFrom();
        if (from == null || Boolean.TRUE.equals(from.getIsBot()) && m.getSenderChat() == null) {
            return new Ignored(chat, "message from a bot or without a sender");
        }
        String lang = from.getLanguageCode();
        boolean privateChat = PRIVATE.equals(m.getChat().getType());
        boolean person = !Boolean.TRUE.equals(from.getIsBot());
        if (moderation && person && m.hasDocument() && (privateChat || "add".equals(captionCommand(m)))) {
            var d = m.getDocument();
            String name = d.getFileName() == null || d.getFileName().isBlank() ? "file" : d.getFileName();
            return new Upload(chat, from.getId(), m.getMessageId(), d.getFileId(), name, d.getMimeType(), d.getFileSize(), lang);
        }
        if (!m.hasText()) {
            return privateChat && isContent(m) ? new Refused(chat, m.getMessageId(), Refusal.TEXT_ONLY, 0, lang)
                    : new Ignored(chat, privateChat ? "service message" : "non-text message in a group");
        }
        String text = m.getText();
        String command = commandAtStart(m);
        if (command != null) {
            return command(m, command, text, privateChat, lang);
        }
        if (privateChat) {
            return question(m, stripMention(m, text), lang);
        }
        if (mentionsBot(m) || repliesToBot(m)) {
            return question(m, stripMention(m, text), lang);
        }
        return new Ignored(chat, "group chatter");
    }

    private Incoming command(Message m, String command, String text, boolean privateChat, String lang) {
        long chat = m.getChatId();
        String name = command;
        int at = command.indexOf('@');
        if (at >= 0) {
            if (!command.substring(at + 1).equalsIgnoreCase(bot.username())) {
                return new Ignored(chat, "command for another bot");
            }
            name = command.substring(0, at);
        }
        String argument = text.substring(Math.min(text.length(), command.length() + 1)).strip();
        String lower = name.toLowerCase(Locale.ROOT);
        if (moderation && !Boolean.TRUE.equals(m.getFrom().getIsBot()) && MOD_COMMANDS.contains(lower)) {
            return new ModCommand(chat, m.getFrom().getId(), m.getMessageId(), lower, argument, lang);
        }
        return switch (lower) {
            case "ask" -> argument.isEmpty() ? new Refused(chat, m.getMessageId(), Refusal.ASK_USAGE, 0, lang)
                    : question(m, argument, lang);
            case "start" -> new Command(chat, m.getFrom().getId(), m.getMessageId(), CommandName.START, lang);
            case "help" -> new Command(chat, m.getFrom().getId(), m.getMessageId(), CommandName.HELP, lang);
            case "sources" -> new Command(chat, m.getFrom().getId(), m.getMessageId(), CommandName.SOURCES, lang);
            case "new" -> new Command(chat, m.getFrom().getId(), m.getMessageId(), CommandName.NEW, lang);
            default -> privateChat || at >= 0 ? new Refused(chat, m.getMessageId(), Refusal.UNKNOWN_COMMAND, 0, lang)
                    : new Ignored(chat, "unknown command in a group, maybe for another bot");
        };
    }

    private static Incoming question(Message m, String text, String lang) {
        String q = text.strip();
        if (q.isEmpty()) {
            return new Refused(m.getChatId(), m.getMessageId(), Refusal.EMPTY, 0, lang);
        }
        if (q.length() > MAX_QUESTION_CHARS) {
            return new Refused(m.getChatId(), m.getMessageId(), Refusal.TOO_LONG, q.length(), lang);
        }
        return new Ask(m.getChatId(), m.getFrom().getId(), m.getMessageId(), q, lang);
    }

    /** The command (lower case) at the start of a caption, if addressed to this bot (captions carry no entities we rely on). */
    private String captionCommand(Message m) {
        String caption = m.getCaption() == null ? "" : m.getCaption().strip();
        if (!caption.startsWith("/")) return null;
        String word = caption.substring(1).split("\\s+", 2)[0];
        if (word.isEmpty()) return null;
        int at = word.indexOf('@');
        if (at >= 0) {
            if (!word.substring(at + 1).equalsIgnoreCase(bot.username())) return null;
            word = word.substring(0, at);
        }
        return word.toLowerCase(Locale.ROOT);
    }

    /** The command ("ask" or "ask@somebot") when the text starts with a bot command, else null. */
    private static String commandAtStart(Message m) {
        for (MessageEntity e : entities(m)) {
            if (EntityType.BOTCOMMAND.equals(e.getType()) && e.getOffset() == 0 && e.getLength() > 1
                    && e.getLength() <= m.getText().length()) {
                return m.getText().substring(1, e.getLength());
            }
        }
        return null;
    }

    private boolean mentionsBot(Message m) {
        for (MessageEntity e : entities(m)) {
            if (isBotMention(m, e)) {
                return true;
            }
        }
        return false;
    }

    private boolean isBotMention(Message m, MessageEntity e) {
        if (EntityType.MENTION.equals(e.getType())) {
            String mention = slice(m.getText(), e);
            return mention != null && mention.equalsIgnoreCase("@" + bot.username());
        }
        return EntityType.TEXTMENTION.equals(e.getType()) && e.getUser() != null && e.getUser().getId() == bot.id();
    }

    private boolean repliesToBot(Message m) {
        Message replied = m.getReplyToMessage();
        return replied != null && replied.getFrom() != null && replied.getFrom().getId() == bot.id();
    }

    /** The text without the mentions of the bot. */
    private String stripMention(Message m, String text) {
        StringBuilder sb = new StringBuilder(text);
        List<MessageEntity> mentions = entities(m).stream().filter(e -> isBotMention(m, e))
                .sorted((a, b) -> Integer.compare(b.getOffset(), a.getOffset())).toList();
        for (MessageEntity e : mentions) {
            if (e.getOffset() >= 0 && e.getOffset() + e.getLength() <= sb.length()) {
                sb.delete(e.getOffset(), e.getOffset() + e.getLength());
            }
        }
        return sb.toString().replaceAll("^[\\s,:;]+", "").strip();
    }

    private static String slice(String text, MessageEntity e) {
        if (e.getOffset() < 0 || e.getOffset() + e.getLength() > text.length()) {
            return null;
        }
        return text.substring(e.getOffset(), e.getOffset() + e.getLength());
    }

    private static List<MessageEntity> entities(Message m) {
        return m.getEntities() == null ? List.of() : m.getEntities();
    }

    /** A message a reader sent on purpose (sticker, photo, voice…), as opposed to a service message. */
    private static boolean isContent(Message m) {
        return m.hasSticker() || m.hasPhoto() || m.hasVoice() || m.hasDocument() || m.hasVideo() || m.hasAudio()
                || m.hasAnimation() || m.hasVideoNote() || m.hasContact() || m.hasLocation() || m.hasPoll() || m.hasDice()
                || m.getCaption() != null;
    }
}
