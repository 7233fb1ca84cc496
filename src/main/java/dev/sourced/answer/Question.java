package dev.sourced.answer;

import dev.sourced.corpus.Lang;
import java.util.List;
import java.util.Objects;

/**
 * A reader's question. {@code context} holds the earlier questions of the same conversation, oldest first, so that a
 * follow-up ("and before that?") can be resolved. {@code fallbackLang} is the language to frame the reply in when the
 * question's own language cannot be told (for example Telegram's {@code language_code}); null means English.
 */
public record Question(String text, List<String> context, Lang fallbackLang) {
    public Question {
        Objects.requireNonNull(text, "text");
        context = context == null ? List.of() : List.copyOf(context);
    }

    public static Question of(String text) {
        return new Question(text, List.of(), null);
    }
}
