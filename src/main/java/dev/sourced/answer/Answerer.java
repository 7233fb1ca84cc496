package dev.sourced.answer;

/** Answers questions from the corpus. Implementations are thread-safe. */
public interface Answerer {
    Answer ask(Question question);
}
