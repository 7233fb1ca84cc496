package dev.sourced.answer;

/**
 * The two fitted models that decide an answer: {@code ranker} orders candidate passages by the probability that they
 * answer the question; {@code abstention} tells from the question's and its best passage's signals whether the corpus
 * answers at all. Both are fitted by {@code sourced calibrate} on labelled questions of several corpora.
 */
public record Models(Logistic ranker, Logistic abstention) {
    public static final String RANKER_RESOURCE = "/dev/sourced/answer/ranker.properties";
    public static final String ABSTENTION_RESOURCE = "/dev/sourced/answer/abstention.properties";

    public static Models shipped() {
        return new Models(Logistic.resource(RANKER_RESOURCE), Logistic.resource(ABSTENTION_RESOURCE));
    }
}
