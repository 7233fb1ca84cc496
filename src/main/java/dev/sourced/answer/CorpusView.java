package dev.sourced.answer;

import java.util.List;
import java.util.Optional;

/** What readers may see of the corpus beside answers. Implementations are thread-safe. */
public interface CorpusView {
    /** Active (not removed) documents, newest first. */
    List<DocumentSummary> documents();

    /**
     * The sentences around a quote: the stored text of {@code docId} from a few sentences before {@code start} to a few
     * after {@code end}, verbatim. Empty when the document is unknown or removed.
     */
    Optional<String> contextAround(String docId, int start, int end);
}
