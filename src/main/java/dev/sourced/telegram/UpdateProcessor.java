package dev.sourced.telegram;

import dev.sourced.answer.Answer;
import dev.sourced.answer.Answerer;
import dev.sourced.answer.Citation;
import dev.sourced.answer.CorpusView;
import dev.sourced.answer.Question;
import dev.sourced.corpus.Lang;
import dev.sourced.telegram.store.AnswerStore;
import dev.sourced.telegram.store.AnswerStore.StoredAnswer;
import dev.sourced.telegram.store.ChatStore;
import dev.sourced.telegram.store.UpdateJournal;
import dev.sourced.telegram.Incoming.Ask;
import dev.sourced.telegram.Incoming.Button;
import dev.sourced.telegram.Incoming.Command;
import dev.sourced.telegram.Incoming.Ignored;
import dev.sourced.telegram.Incoming.ModCommand;
import dev.sourced.telegram.Incoming.Refused;
import dev.sourced.telegram.Incoming.Upload;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;

/**
 * Processes one journaled update on its chat's queue: answers questions, runs commands and buttons, explains refusals,
 * then marks the update done. A chat that blocked the bot is marked inactive; during a Bot API outage the update is
 * tried again with a growing pause on its chat's queue (the chat's later updates wait behind it; it stays pending if the
 * bot stops); any other failure is logged and never reaches the polling loop.
 */
final class UpdateProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateProcessor.class);
    /** Earlier questions given as context to a follow-up. */
    static final int CONTEXT_TURNS = 5;

    /** What processing needs besides the update itself. */
    record Deps(BotApi api, UpdateJournal journal, ChatStore chats, AnswerStore answers, Answerer answerer,
                CorpusView corpus, CorpusFacts facts, UpdateClassifier classifier, ReplyFormatter formatter,
                RateLimiter limiter, TypingIndicator typing, BotMetrics metrics, BotIdentity identity) {
    }

    /** The first pause before an update whose reply could not be sent (Bot API unavailable) is tried again. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    /** The longest pause between two tries of an update whose reply could not be sent. */
    static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final Deps d;
    private final ReplySender sender;
    private final BooleanSupplier stopping;
    /** Moderators' commands, files and buttons; null when the bot runs without moderation. */
    private final ModerationHandler moderation;

    UpdateProcessor(Deps deps, ModerationHandler moderation, BooleanSupplier stopping) {
        this.d = deps;
        this.stopping = stopping;
        this.sender = new ReplySender(deps.api(), deps.journal());
        this.moderation = moderation;
    }

    /**
     * Processes an update; {@code receivedNanos} is when it arrived ({@link System#nanoTime()}), or a negative number
     * for an update recovered from the journal (not measured).
     */
    void process(UpdateJournal.Entry entry, Update update, long receivedNanos) {
        Duration pause = FIRST_RETRY;
        UpdateJournal.Entry current = entry;
        while (!attempt(current, update, receivedNanos)) {
            // the Bot API is unavailable: try again here, on the chat's queue, so that no later update of this chat
            // overtakes this one; other chats go on
            if (stopping.getAsBoolean()) {
                LOG.info("stopping: update {} stays pending for the next start", entry.updateId());
                return;
            }
            LOG.warn("update {}: retrying in {} s", entry.updateId(), pause.toSeconds());
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.info("interrupted: update {} stays pending for the next start", entry.updateId());
                return;
            }
            pause = pause.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : pause.multipliedBy(2);
            try {
                current = d.journal().entry(entry.updateId()).orElse(current);
            } catch (RuntimeException e) {
                LOG.warn("update {}: cannot read its journal entry ({}); retrying", entry.updateId(), e.getMessage());
            }
        }
    }

    /** One try at an update; false if the Bot API was unavailable and the update stays pending. */
    private boolean attempt(UpdateJournal.Entry entry, Update update, long receivedNanos) {
        Incoming in;
        try {
            in = d.classifier().classify(update);
        } catch (RuntimeException e) {
            LOG.warn("update {} is malformed; ignored: {}", entry.updateId(), e.toString());
            finish(entry, "malformed");
            return true;
        }
        try {
            noteChat(update);
            String outcome = switch (in) {
                case Ask a -> ask(a, entry, receivedNanos);
                case Command c -> command(c, entry);
                case ModCommand c -> moderation.command(c, entry);
                case Upload u -> moderation.upload(u, entry);
                case Button b -> button(b, entry);
                case Refused r -> refuse(r, entry);
                case Ignored i -> {
                    d.metrics().ignored();
                    yield "ignored: " + i.why();
                }
            };
            finish(entry, outcome);
        } catch (SendFailure f) {
            switch (f.kind()) {
                case CHAT_UNAVAILABLE -> {
                    LOG.info("chat {} is unavailable (403); marked inactive", in.chatId());
                    d.chats().markInactive(in.chatId());
                    finish(entry, "chat unavailable");
                }
                case REJECTED -> {
                    d.metrics().failed();
                    LOG.error("update {}: Telegram refused the reply: {}", entry.updateId(), f.getMessage());
                    finish(entry, "rejected: " + f.code());
                }
                case UNAVAILABLE -> {
                    LOG.warn("update {} stays pending: {}", entry.updateId(), f.getMessage());
                    return false;
                }
            }
        } catch (ReplySender.ClaimLostException lost) {
            LOG.warn("{}; this replica leaves it", lost.getMessage());
            return true;
        } catch (RuntimeException e) {
            d.metrics().failed();
            LOG.error("update {} failed", entry.updateId(), e);
            finish(entry, "failed: " + e.getClass().getSimpleName());
        }
        return true;
    }

    private void finish(UpdateJournal.Entry entry, String outcome) {
        try {
            d.journal().done(entry.updateId(), outcome);
        } catch (RuntimeException e) {
            LOG.error("cannot mark update {} done", entry.updateId(), e);
        }
    }

    private void noteChat(Update update) {
        if (update.hasMessage()) {
            Chat chat = update.getMessage().getChat();
            d.chats().markActive(chat.getId(), chat.getType());
        }
    }

    private String ask(Ask a, UpdateJournal.Entry entry, long receivedNanos) {
        d.metrics().questionReceived();
        Optional<StoredAnswer> earlier = d.answers().forUpdate(entry.updateId());
        if (earlier.isEmpty()) {
            RateLimiter.Verdict verdict = d.limiter().check(a.userId());
            if (verdict != RateLimiter.Verdict.ALLOW) {
                if (verdict == RateLimiter.Verdict.REFUSE_WITH_NOTICE) {
                    Lang lang = Phrase.framing(null, a.languageCode());
                    sender.send(a.chatId(), Reply.plain(Phrase.RATE_LIMITED.in(lang)), a.messageId(), entry);
                }
                return "rate limited";
            }
        }
        StoredAnswer stored = earlier.orElseGet(() -> answerAndStore(a, entry));
        if (stored == null) {
            d.metrics().failed();
            Lang lang = Phrase.framing(null, a.languageCode());
            sender.send(a.chatId(), Reply.plain(Phrase.FAILED.in(lang)), a.messageId(), entry);
            return "answer failed";
        }
        d.chats().addTurn(a.chatId(), entry.updateId(), a.text(), CONTEXT_TURNS);
        Lang lang = Phrase.framing(stored.lang(), a.languageCode());
        Reply reply = d.formatter().answer(stored, lang, stored.lang() == Lang.OTHER);
        Runnable measure = receivedNanos < 0 ? null : () -> d.metrics().answerIssued(System.nanoTime() - receivedNanos);
        sender.send(a.chatId(), reply, a.messageId(), entry, measure);
        return stored.abstained() ? "abstained" : "answered";
    }

    /** Asks the answerer (the chat shows "typing…" if it takes a while) and stores the answer; null if it failed. */
    private StoredAnswer answerAndStore(Ask a, UpdateJournal.Entry entry) {
        List<String> context = d.chats().recentQuestions(a.chatId(), entry.updateId(), CONTEXT_TURNS);
        TypingIndicator.Handle typing = d.typing().start(a.chatId());
        Answer answer;
        try {
            answer = d.answerer().ask(new Question(a.text(), context, readerLang(a.languageCode())));
        } catch (RuntimeException e) {
            LOG.error("answering update {} failed", entry.updateId(), e);
            return null;
        } finally {
            typing.close();
        }
        return d.answers().save(entry.updateId(), a.chatId(), answer);
    }

    private String command(Command c, UpdateJournal.Entry entry) {
        Lang lang = Phrase.framing(null, c.languageCode());
        Reply reply = switch (c.name()) {
            case START -> d.formatter().welcome(d.facts().overview(lang), lang);
            case HELP -> d.formatter().help(d.identity().username(), lang);
            case SOURCES -> d.formatter().sourcesPage(d.facts().documents(), 0, lang);
            case NEW -> {
                d.chats().clearTurns(c.chatId());
                yield Reply.plain(Phrase.CONVERSATION_CLEARED.in(lang));
            }
        };
        sender.send(c.chatId(), reply, c.messageId(), entry);
        return "command " + c.name().name().toLowerCase(java.util.Locale.ROOT);
    }

    private String refuse(Refused r, UpdateJournal.Entry entry) {
        Lang lang = Phrase.framing(null, r.languageCode());
        String text = switch (r.reason()) {
            case TEXT_ONLY -> Phrase.TEXT_ONLY.in(lang);
            case EMPTY -> Phrase.EMPTY_QUESTION.in(lang, d.facts().exampleQuestion(lang));
            case TOO_LONG -> Phrase.TOO_LONG.in(lang, r.length(), UpdateClassifier.MAX_QUESTION_CHARS);
            case ASK_USAGE -> Phrase.ASK_USAGE.in(lang, d.facts().exampleQuestion(lang));
            case UNKNOWN_COMMAND -> Phrase.UNKNOWN_COMMAND.in(lang);
        };
        sender.send(r.chatId(), Reply.plain(text), r.messageId(), entry);
        return "refused: " + r.reason().name().toLowerCase(java.util.Locale.ROOT);
    }

    private String button(Button b, UpdateJournal.Entry entry) {
        Optional<CallbackData> data = CallbackData.parse(b.data());
        if (data.isEmpty()) {
            acknowledge(b, null);
            return "unknown button";
        }
        return switch (data.get()) {
            case CallbackData.ShowContext ctx -> showContext(b, ctx, entry);
            case CallbackData.MoreSources more -> moreSources(b, more, entry);
            case CallbackData.Feedback fb -> feedback(b, fb);
            case CallbackData.SourcesPage page -> sourcesPage(b, page, entry);
            case CallbackData.ModButton mod -> {
                if (moderation != null) yield moderation.button(b, mod, entry);
                acknowledge(b, null);
                yield "unknown button";
            }
        };
    }

    private String showContext(Button b, CallbackData.ShowContext ctx, UpdateJournal.Entry entry) {
        Optional<StoredAnswer> answer = d.answers().byId(ctx.answerId());
        Lang lang = Phrase.framing(answer.map(StoredAnswer::lang).orElse(null), b.languageCode());
        Optional<Citation> citation = answer.flatMap(a -> a.citations().stream().filter(c -> c.n() == ctx.n()).findFirst());
        if (citation.isEmpty()) {
            acknowledge(b, Phrase.ANSWER_GONE.in(lang));
            return "context: answer gone";
        }
        Citation c = citation.get();
        Optional<String> context = d.corpus().contextAround(c.docId(), c.start(), c.end());
        if (context.isEmpty()) {
            acknowledge(b, Phrase.CONTEXT_GONE.in(lang));
            return "context: document gone";
        }
        acknowledge(b, null);
        sender.send(b.chatId(), d.formatter().context(c, context.get(), lang), b.messageId(), entry);
        return "context shown";
    }

    private String moreSources(Button b, CallbackData.MoreSources more, UpdateJournal.Entry entry) {
        Optional<StoredAnswer> answer = d.answers().byId(more.answerId());
        Lang lang = Phrase.framing(answer.map(StoredAnswer::lang).orElse(null), b.languageCode());
        if (answer.isEmpty()) {
            acknowledge(b, Phrase.ANSWER_GONE.in(lang));
            return "more sources: answer gone";
        }
        acknowledge(b, null);
        sender.send(b.chatId(), d.formatter().moreSources(answer.get(), lang), b.messageId(), entry);
        return "more sources shown";
    }

    private String feedback(Button b, CallbackData.Feedback fb) {
        Optional<StoredAnswer> answer = d.answers().byId(fb.answerId());
        Lang lang = Phrase.framing(answer.map(StoredAnswer::lang).orElse(null), b.languageCode());
        if (answer.isEmpty()) {
            acknowledge(b, Phrase.ANSWER_GONE.in(lang));
            return "feedback: answer gone";
        }
        d.answers().vote(fb.answerId(), b.userId(), fb.vote());
        acknowledge(b, (fb.vote() > 0 ? Phrase.FEEDBACK_UP : Phrase.FEEDBACK_DOWN).in(lang));
        return fb.vote() > 0 ? "feedback up" : "feedback down";
    }

    private String sourcesPage(Button b, CallbackData.SourcesPage page, UpdateJournal.Entry entry) {
        Lang lang = Phrase.framing(null, b.languageCode());
        Reply reply = d.formatter().sourcesPage(d.facts().documents(), page.page(), lang);
        acknowledge(b, null);
        if (b.messageId() != null && reply.messages().size() == 1) {
            sender.edit(b.chatId(), b.messageId(), reply);
        } else {
            sender.send(b.chatId(), reply, null, entry);
        }
        return "sources page " + page.page();
    }

    /** Answers the callback query, always (a button otherwise keeps spinning); a stale query is not an error. */
    private void acknowledge(Button b, String text) {
        try {
            d.api().call(AnswerCallbackQuery.builder().callbackQueryId(b.callbackId()).text(text).build());
        } catch (SendFailure f) {
            if (f.kind() == SendFailure.Kind.UNAVAILABLE) {
                throw f;
            }
            LOG.debug("answerCallbackQuery refused (query too old?): {}", f.getMessage());
        }
    }

    private static Lang readerLang(String languageCode) {
        Lang l = Lang.fromCode(languageCode);
        return l == Lang.OTHER ? null : l;
    }
}
