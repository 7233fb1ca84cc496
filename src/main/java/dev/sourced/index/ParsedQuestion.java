package dev.sourced.index;

import dev.sourced.corpus.Lang;
import java.util.List;
import java.util.Set;

/**
 * A question taken apart for retrieval: its language, the terms it asks about (question words and stop words
 * removed), the terms carried over from earlier questions of the conversation, and the kinds of fact the answer is
 * expected to hold (see {@link Features}). {@code followUp} is true when the question leans on the conversation
 * (a pronoun, or nothing of its own to search for): the carried terms then count as much as its own.
 */
public record ParsedQuestion(String text, Lang lang, List<QueryTerm> terms, List<QueryTerm> contextTerms,
                             Set<String> expects, String embeddingText, boolean followUp) {
    public ParsedQuestion {
        terms = List.copyOf(terms);
        contextTerms = List.copyOf(contextTerms);
        expects = Set.copyOf(expects);
    }
}
