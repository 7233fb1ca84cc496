package dev.sourced.answer.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * One chat call with a hard deadline: it runs on a virtual thread and is abandoned (and interrupted) when the deadline
 * passes, whatever the HTTP client does, so a hung connection cannot hold the caller. Failures give empty and are
 * logged briefly, with the API key masked. Thread-safe.
 */
final class BoundedChat implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BoundedChat.class.getName());
    /** Added to the HTTP timeout for the hard deadline of one call. */
    static final Duration MARGIN = Duration.ofMillis(500);

    private final ChatModel model;
    private final Duration deadline;
    private final String apiKey;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    BoundedChat(LlmSettings settings) {
        this(ChatModels.create(settings), settings.timeout().plus(MARGIN), settings.apiKey());
    }

    /**
     * @param deadline how long one call may take in all
     * @param apiKey   masked in anything logged; may be null
     */
    BoundedChat(ChatModel model, Duration deadline, String apiKey) {
        this.model = model;
        this.deadline = deadline;
        this.apiKey = apiKey;
    }

    /** The model's text, or empty on timeout, error or no text. */
    Optional<String> chat(String what, String system, String user) {
        Future<ChatResponse> future;
        try {
            ChatRequest request = ChatRequest.builder()
                    .messages(SystemMessage.from(system), UserMessage.from(user))
                    .build();
            future = executor.submit(() -> model.chat(request));
        } catch (RuntimeException e) {
            LOG.warning(what + " failed: " + describe(e));
            return Optional.empty();
        }
        try {
            ChatResponse response = future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            AiMessage message = response == null ? null : response.aiMessage();
            String text = message == null ? null : message.text();
            if (text == null || text.isBlank()) {
                LOG.warning(what + " failed: empty output");
                return Optional.empty();
            }
            return Optional.of(text);
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.warning(what + " failed: no reply within " + deadline.toMillis() + " ms");
            return Optional.empty();
        } catch (ExecutionException e) {
            LOG.warning(what + " failed: " + describe(e.getCause() == null ? e : e.getCause()));
            return Optional.empty();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A short description of a failure: its class and the start of its message, with the API key masked. */
    String describe(Throwable e) {
        String m = e.getMessage();
        if (m == null) return e.getClass().getSimpleName();
        if (apiKey != null && !apiKey.isEmpty()) m = m.replace(apiKey, "***");
        m = m.replaceAll("\\s+", " ");
        return e.getClass().getSimpleName() + ": " + (m.length() > 200 ? m.substring(0, 200) + "…" : m);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
