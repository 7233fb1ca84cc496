package dev.sourced.botsim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import dev.sourced.botsim.LocalBotApiServer.SentMessage;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Updates as Telegram builds them when readers act: messages (with their command and mention entities), replies,
 * media, edits, channel posts and button presses. Numbers messages and callback queries; the server numbers updates.
 */
final class ReaderUpdates {
    private static final Pattern MENTION = Pattern.compile("@[A-Za-z0-9_]{3,}");
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final AtomicInteger nextMessageId = new AtomicInteger(1);
    private final AtomicInteger nextCallbackId = new AtomicInteger(1);

    int nextMessageId() {
        return nextMessageId.getAndIncrement();
    }

    ObjectNode text(ChatRef chat, Person from, String text) {
        ObjectNode m = message(chat, from);
        m.put("text", text);
        ArrayNode entities = entities(text);
        if (!entities.isEmpty()) {
            m.set("entities", entities);
        }
        return update("message", m);
    }

    /** A reply to {@code replied}, a message of the bot if known, else of the reader. */
    ObjectNode reply(ChatRef chat, Person from, String text, int repliedId, SentMessage replied) {
        ObjectNode u = text(chat, from, text);
        ObjectNode r = nodes.objectNode();
        r.put("message_id", repliedId);
        r.put("date", now());
        r.set("chat", chat(chat));
        r.set("from", replied != null ? botUser() : user(from));
        if (replied != null) {
            r.put("text", replied.text());
        }
        ((ObjectNode) u.get("message")).set("reply_to_message", r);
        return u;
    }

    /** A message without text: "sticker", "photo" or "voice". */
    ObjectNode media(ChatRef chat, Person from, String kind) {
        ObjectNode m = message(chat, from);
        switch (kind) {
            case "sticker" -> m.putObject("sticker").put("file_id", "sticker-1").put("file_unique_id", "s1").put("type", "regular")
                    .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false).put("emoji", "👍");
            case "photo" -> m.putArray("photo").addObject().put("file_id", "photo-1").put("file_unique_id", "p1")
                    .put("width", 90).put("height", 90);
            case "voice" -> m.putObject("voice").put("file_id", "voice-1").put("file_unique_id", "v1").put("duration", 3);
            default -> throw new IllegalArgumentException("unknown media kind " + kind);
        }
        return update("message", m);
    }

    /** A file sent as a Telegram "document", with an optional caption. */
    ObjectNode document(ChatRef chat, Person from, String fileId, long size, String fileName, String mimeType, String caption) {
        ObjectNode m = message(chat, from);
        ObjectNode d = m.putObject("document");
        d.put("file_id", fileId).put("file_unique_id", "u" + fileId).put("file_size", size);
        if (fileName != null) d.put("file_name", fileName);
        if (mimeType != null) d.put("mime_type", mimeType);
        if (caption != null) m.put("caption", caption);
        return update("message", m);
    }

    ObjectNode edit(ChatRef chat, Person from, int messageId, String newText) {
        ObjectNode m = message(chat, from);
        m.put("message_id", messageId);
        m.put("text", newText);
        m.put("edit_date", now());
        return update("edited_message", m);
    }

    ObjectNode channelPost(ChatRef channel, String text) {
        ObjectNode m = nodes.objectNode();
        m.put("message_id", nextMessageId());
        m.put("date", now());
        m.set("chat", chat(channel));
        m.set("sender_chat", chat(channel));
        m.put("text", text);
        return update("channel_post", m);
    }

    /** A press on a button of the bot's message {@code pressed} (its text, if known). */
    ObjectNode press(ChatRef chat, Person from, int messageId, SentMessage pressed, String callbackData) {
        ObjectNode q = nodes.objectNode();
        q.put("id", "cb" + nextCallbackId.getAndIncrement());
        q.set("from", user(from));
        q.put("chat_instance", "ci" + chat.id());
        q.put("data", callbackData);
        ObjectNode m = q.putObject("message");
        m.put("message_id", messageId);
        m.put("date", now());
        m.set("chat", chat(chat));
        m.set("from", botUser());
        m.put("text", pressed == null ? "" : pressed.text());
        return update("callback_query", q);
    }

    /** The message id of a message update. */
    static int messageId(ObjectNode update) {
        return update.path("message").path("message_id").asInt();
    }

    ObjectNode botUser() {
        ObjectNode n = nodes.objectNode();
        n.put("id", LocalBotApiServer.BOT_ID);
        n.put("is_bot", true);
        n.put("first_name", "Sourced");
        n.put("username", LocalBotApiServer.BOT_USERNAME);
        return n;
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    private ObjectNode update(String kind, ObjectNode payload) {
        ObjectNode u = nodes.objectNode();
        u.set(kind, payload);
        return u;
    }

    private ObjectNode message(ChatRef chat, Person from) {
        ObjectNode m = nodes.objectNode();
        m.put("message_id", nextMessageId());
        m.put("date", now());
        m.set("chat", chat(chat));
        m.set("from", user(from));
        return m;
    }

    private ObjectNode chat(ChatRef c) {
        ObjectNode n = nodes.objectNode();
        n.put("id", c.id());
        n.put("type", c.type());
        n.put(c.type().equals("private") ? "first_name" : "title", c.title());
        return n;
    }

    private ObjectNode user(Person p) {
        ObjectNode n = nodes.objectNode();
        n.put("id", p.id());
        n.put("is_bot", false);
        n.put("first_name", p.firstName());
        if (p.languageCode() != null) {
            n.put("language_code", p.languageCode());
        }
        return n;
    }

    /** Entities as Telegram marks them: a leading bot command and @mentions (offsets in UTF-16 code units). */
    private ArrayNode entities(String text) {
        ArrayNode out = nodes.arrayNode();
        int commandEnd = 0;
        if (text.startsWith("/") && text.length() > 1) {
            commandEnd = 1;
            while (commandEnd < text.length() && !Character.isWhitespace(text.charAt(commandEnd))) {
                commandEnd++;
            }
            out.addObject().put("type", "bot_command").put("offset", 0).put("length", commandEnd);
        }
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            boolean wordStart = m.start() == 0 || !Character.isLetterOrDigit(text.charAt(m.start() - 1));
            if (wordStart && m.start() >= commandEnd) {
                out.addObject().put("type", "mention").put("offset", m.start()).put("length", m.end() - m.start());
            }
        }
        return out;
    }
}
