package dev.sourced.answer;

import dev.sourced.corpus.Lang;
import java.util.Optional;

/** Translates a reader's question into French or English, so that retrieval can search articles of either language. */
public interface QueryTranslator {
    /**
     * @param question the reader's question
     * @param target   {@link Lang#FR} or {@link Lang#EN}
     * @return the question in {@code target}, or empty when it cannot be given (off, failed, timed out, not trusted)
     */
    Optional<String> translate(String question, Lang target);
}
