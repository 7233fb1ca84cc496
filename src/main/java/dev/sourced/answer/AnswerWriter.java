package dev.sourced.answer;

import dev.sourced.corpus.Lang;
import java.util.List;
import java.util.Optional;

/**
 * Writes the short answer from retrieved quotes, for example with an LLM. The engine has already chosen the
 * citations; a writer only words the answer. Empty means "use the extractive answer" (off, failed, timed out, or
 * nothing it wrote survived verification). Implementations must be thread-safe and bounded in time.
 */
public interface AnswerWriter {
    /**
     * @param question  the reader's question (and its conversation)
     * @param lang      the language to write in
     * @param citations the numbered quotes the answer may cite, as [n]
     * @return plain text whose every sentence ends with citation markers such as [1] or [1][2]
     */
    Optional<String> write(Question question, Lang lang, List<Citation> citations);
}
