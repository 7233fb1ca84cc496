package dev.sourced.answer;

import java.util.List;
import java.util.Map;

/**
 * The signals behind one answer, for fitting the models: the question's own signals and, for each retrieved
 * candidate in the order the ranker put them, its text and signals.
 */
public record Trace(Map<String, Double> question, List<Candidate> candidates) {
    public record Candidate(String text, Map<String, Double> signals) {
    }

    public Trace {
        question = Map.copyOf(question);
        candidates = List.copyOf(candidates);
    }
}
