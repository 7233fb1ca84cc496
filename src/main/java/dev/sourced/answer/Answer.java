package dev.sourced.answer;

import dev.sourced.corpus.Lang;
import java.util.List;

/**
 * The reply to a question. {@code text} is the short answer in plain text with citation markers such as [1];
 * it does not repeat the quotes, which are in {@code citations}. When {@code abstained} is true the corpus does not
 * support an answer, {@code citations} is empty, and {@code text} says so (it may mention the closest thing the
 * corpus does say, without citing it).
 */
public record Answer(String question, Lang lang, String text, boolean abstained, List<Citation> citations, long tookMs) {
    public Answer {
        citations = List.copyOf(citations);
    }
}
