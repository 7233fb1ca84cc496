package dev.sourced.answer.llm;

import dev.sourced.answer.AnswerWriter;
import dev.sourced.answer.Citation;
import dev.sourced.answer.Question;
import dev.sourced.corpus.Lang;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Words the answer with an LLM through LangChain4j (OpenAI-compatible or Ollama), from the numbered passages only, in
 * the reader's language, then keeps only the sentences that {@link CitationVerifier} accepts. Any failure (timeout,
 * HTTP error, malformed or empty output, nothing verified) gives empty, so the engine keeps its extractive answer.
 * Each call is bounded by the configured timeout plus {@link BoundedChat#MARGIN}. Thread-safe; close it on shutdown.
 */
public final class LlmAnswerWriter implements AnswerWriter, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LlmAnswerWriter.class.getName());

    private final BoundedChat chat;
    private final Map<Lang, String> systemPrompts = new EnumMap<>(Lang.class);
    private final Map<Lang, CitationVerifier> verifiers = new EnumMap<>(Lang.class);

    public LlmAnswerWriter(LlmSettings settings) {
        this(new BoundedChat(settings));
    }

    LlmAnswerWriter(BoundedChat chat) {
        this.chat = chat;
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
            Optional<String> output = chat.chat("LLM answer", systemPrompts.get(target),
                    AnswerPrompt.user(question, target, citations));
            if (output.isEmpty()) {
                return Optional.empty();
            }
            CitationVerifier.Verification v = verifiers.get(target).verify(output.get(), AnswerPrompt.passagesByMarker(citations));
            if (v.leak() != null) {
                LOG.warning("LLM answer rejected: " + v.leak());
            } else if (!v.rejected().isEmpty()) {
                LOG.fine(() -> "LLM answer: sentences removed: " + v.rejected());
            }
            return v.answer();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "LLM answer failed: " + chat.describe(e));
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        chat.close();
    }
}
