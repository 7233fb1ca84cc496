package dev.sourced.telegram;

import dev.sourced.answer.CorpusView;
import dev.sourced.answer.DocumentSummary;
import dev.sourced.corpus.Lang;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The corpus's document list and overview, re-read at most every {@link #TTL} (the corpus changes rarely). */
final class CorpusFacts {
    static final Duration TTL = Duration.ofSeconds(30);

    private record Cached(long atNanos, List<DocumentSummary> documents) {
    }

    private final CorpusView corpus;
    private volatile Cached cached;
    private final Map<Lang, CorpusOverview> overviews = new ConcurrentHashMap<>();

    CorpusFacts(CorpusView corpus) {
        this.corpus = corpus;
    }

    List<DocumentSummary> documents() {
        Cached c = cached;
        long now = System.nanoTime();
        if (c == null || now - c.atNanos() > TTL.toNanos()) {
            c = new Cached(now, List.copyOf(corpus.documents()));
            cached = c;
            overviews.clear();
        }
        return c.documents();
    }

    CorpusOverview overview(Lang lang) {
        List<DocumentSummary> docs = documents();
        return overviews.computeIfAbsent(lang, l -> CorpusOverview.of(docs, l));
    }

    /** An example question for refusals and usage hints. */
    String exampleQuestion(Lang lang) {
        List<String> examples = overview(lang).exampleQuestions(lang);
        return examples.isEmpty() ? Phrase.EXAMPLE_ABOUT.in(lang, "…") : examples.get(0);
    }
}
