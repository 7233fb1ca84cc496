package dev.sourced.telegram;

import dev.sourced.telegram.store.UpdateJournal;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;

/**
 * Sends the messages of a {@link Reply} in order, the keyboard under the last one. Each message accepted by Telegram is
 * noted in the journal at once (its own small transaction, before anything else is done), so that an update
 * re-processed after a crash or an outage sends only the messages not sent yet: at most the one in flight twice.
 */
final class ReplySender {
    private static final LinkPreviewOptions NO_PREVIEW = LinkPreviewOptions.builder().isDisabled(true).build();

    private final BotApi api;
    private final UpdateJournal journal;

    ReplySender(BotApi api, UpdateJournal journal) {
        this.api = api;
        this.journal = journal;
    }

    /**
     * Sends {@code reply} to the chat, the first message as a reply to {@code replyTo} (if not null), skipping the
     * messages the journal says were already sent; {@code beforeFirst} runs just before the first message goes out.
     */
    void send(long chatId, Reply reply, Integer replyTo, UpdateJournal.Entry entry, Runnable beforeFirst) {
        List<String> messages = reply.messages();
        for (int i = entry.partsSent(); i < messages.size(); i++) {
            boolean last = i == messages.size() - 1;
            SendMessage.SendMessageBuilder<?, ?> m = SendMessage.builder()
                    .chatId(chatId)
                    .text(messages.get(i))
                    .parseMode(ParseMode.HTML)
                    .linkPreviewOptions(NO_PREVIEW);
            if (i == 0 && replyTo != null) {
                m.replyParameters(ReplyParameters.builder().messageId(replyTo).allowSendingWithoutReply(true).build());
            }
            if (last && reply.keyboard() != null) {
                m.replyMarkup(reply.keyboard());
            }
            if (i == 0 && beforeFirst != null) {
                beforeFirst.run();
            }
            if (!journal.holds(entry.updateId())) {
                // this replica was too slow to renew its claim (a long pause) and another took the update over
                throw new ClaimLostException(entry.updateId());
            }
            api.call(m.build());
            journal.partsSent(entry.updateId(), i + 1);
        }
    }

    /** The update's claim went to another replica: this one must not send (the other does). */
    static final class ClaimLostException extends RuntimeException {
        ClaimLostException(long updateId) {
            super("update " + updateId + " was taken over by another replica");
        }
    }

    void send(long chatId, Reply reply, Integer replyTo, UpdateJournal.Entry entry) {
        send(chatId, reply, replyTo, entry, null);
    }

    /** Replaces the text and keyboard of one of the bot's messages with the first message of {@code reply}. */
    void edit(long chatId, int messageId, Reply reply) {
        try {
            api.call(EditMessageText.builder()
                    .chatId(chatId)
                    .messageId(messageId)
                    .text(reply.messages().get(0))
                    .parseMode(ParseMode.HTML)
                    .linkPreviewOptions(NO_PREVIEW)
                    .replyMarkup(reply.keyboard())
                    .build());
        } catch (SendFailure f) {
            if (f.kind() != SendFailure.Kind.REJECTED || !String.valueOf(f.getMessage()).contains("not modified")) {
                throw f;
            }
        }
    }
}
