package dev.sourced.cli;

import dev.sourced.answer.Answerer;
import dev.sourced.config.Config;
import dev.sourced.corpus.SourceDocument;
import dev.sourced.index.HybridRetriever;
import dev.sourced.index.PassageIndex;
import dev.sourced.index.QuestionParser;
import dev.sourced.store.Curation;
import dev.sourced.store.Database;
import java.util.List;

/**
 * What {@code sourced bench} measures, part by part: an opened Sourced (opened by {@link Main}, the one class that
 * knows the composition root) with its index, question parser and retriever in view. Nothing but the benchmark needs
 * this view.
 */
interface Engine extends AutoCloseable {
    String DB_FILE = Database.FILE_NAME;

    /** Opens Sourced over {@code config}; with {@code seed} an empty store first ingests the corpus directory. */
    static Engine open(Config config, boolean seed) {
        return Main.openForBench(config, seed);
    }

    List<Curation.IngestResult> ingestDocuments(List<SourceDocument> sources);

    PassageIndex index();

    QuestionParser parser();

    HybridRetriever retriever();

    Answerer answerer();

    /** Forgets every cached answer and question embedding, so that a measurement times the real work. */
    void clearCaches();

    @Override
    void close();
}
