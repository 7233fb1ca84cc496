package dev.sourced.answer.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.sourced.answer.AnswerWriter;
import dev.sourced.answer.Citation;
import dev.sourced.answer.Question;
import dev.sourced.corpus.Lang;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Words the answer with an LLM through LangChain4j (OpenAI-compatible or Ollama), from the numbered passages only, in
 * the reader's language, then keeps only the sentences that {@link CitationVerifier} accepts. Any failure (timeout,
 * HTTP error, malformed or empty output, nothing verified) gives empty, so the engine keeps its extractive answer.
 *
 * <p>Each call runs on a virtual thread and is abandoned (and interrupted) after the configured timeout plus
 * {@link #MARGIN}, whatever the HTTP client does, so a hung connection cannot hold a reader. Thread-safe.
 */
public final class LlmAnswerWriter implements AnswerWriter, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LlmAnswerWriter.class.getName());
    /** Added to the HTTP timeout for the hard deadline of one call. */
    static final Duration MARGIN = Duration.ofMillis(500);

    private final ChatModel model;
    private final Duration deadline;
    private final String apiKey;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Lang, String> systemPrompts = new EnumMap<>(Lang.class);
    private final Map<Lang, CitationVerifier> verifiers = new EnumMap<>(Lang.class);

    public LlmAnswerWriter(LlmSettings settings) {
        this(ChatModels.create(settings), settings.timeout().plus(MARGIN), settings.apiKey());
    }

    /**
     * @param deadline how long one call may take in all
     * @param apiKey   masked in anything logged; may be null
     */
    LlmAnswerWriter(ChatModel model, Duration deadline, String apiKey) {
        this.model = model;
        this.deadline = deadline;
        this.apiKey = apiKey;
        for (Lang lang : List.of(Lang.FR, Lang.EN)) {
            String system = AnswerPrompt.system(lang);
            systemPrompts.put(lang, system);
            verifiers.put(lang, new CitationVerifier(List.of(system)));
        }
    }

    /** The writer the environment asks for, or empty when SOURCED_LLM is off or unset. */
    public static Optional<LlmAnswerWriter> fromEnvironment(Map<String, String> env) {
        return LlmSettings.fromEnvironment(env).map(LlmAnswerWriter::new);
    }

    @Override
    public Optional<String> write(Question question, Lang lang, List<Citation> citations) {
        if (question == null || citations == null || citations.isEmpty()) {
            return Optional.empty();
        }
        Lang target = lang == Lang.FR ? Lang.FR : Lang.EN;
        try {
            ChatRequest request = ChatRequest.builder()
                    .messages(SystemMessage.from(systemPrompts.get(target)),
                            UserMessage.from(AnswerPrompt.user(question, target, citations)))
                    .build();
            Optional<String> output = call(request);
            if (output.isEmpty()) {
                return Optional.empty();
            }
            CitationVerifier.Verification v = verifiers.get(target).verify(output.get(), AnswerPrompt.passagesByMarker(citations));
            if (v.leak() != null) {
                LOG.warning("LLM answer rejected: " + v.leak());
            } else if (!v.rejected().isEmpty()) {
                LOG.fine(() -> "LLM sentences removed: " + v.rejected());
            }
            return v.answer();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "LLM answer failed: " + describe(e));
            return Optional.empty();
        }
    }

    /** The model's text, or empty on timeout, error or no text. */
    Optional<String> call(ChatRequest request) {
        Future<ChatResponse> future = executor.submit(() -> model.chat(request));
        try {
            ChatResponse response = future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            AiMessage message = response == null ? null : response.aiMessage();
            String text = message == null ? null : message.text();
            if (text == null || text.isBlank()) {
                LOG.warning("LLM answer failed: empty output");
                return Optional.empty();
            }
            return Optional.of(text);
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.warning("LLM answer failed: no reply within " + deadline.toMillis() + " ms");
            return Optional.empty();
        } catch (ExecutionException e) {
            LOG.warning("LLM answer failed: " + describe(e.getCause() == null ? e : e.getCause()));
            return Optional.empty();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** A short description of a failure: its class and the start of its message, with the API key masked. */
    String describe(Throwable e) {
        String m = e.getMessage();
        if (m == null) return e.getClass().getSimpleName();
        if (apiKey != null && !apiKey.isEmpty()) m = m.replace(apiKey, "***");
        m = m.replaceAll("\\s+", " ");
        return e.getClass().getSimpleName() + ": " + (m.length() > 200 ? m.substring(0, 200) + "…" : m);
    }
}
