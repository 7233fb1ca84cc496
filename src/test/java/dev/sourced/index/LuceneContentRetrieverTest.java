package dev.sourced.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Query;
import dev.sourced.cli.Engine;
import dev.sourced.cli.TestEngines;
import dev.sourced.store.StoredDocument;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneContentRetrieverTest {
    @TempDir
    Path data;

    @Test
    void returnsPassagesAsTextSegmentsWithTheirDocumentSpanAndScore() {
        try (Engine e = Engine.open(TestEngines.config(data))) {
            LuceneContentRetriever retriever = new LuceneContentRetriever(e.retriever(), e.parser(), 3);
            List<Content> found = retriever.retrieve(Query.from("Quel est le prix d'une carte H100 ?"));

            assertThat(found).hasSize(3);
            Content first = found.get(0);
            assertThat(first.textSegment().text()).contains("H100");
            String docId = first.textSegment().metadata().getString(LuceneContentRetriever.DOC_ID);
            int start = first.textSegment().metadata().getInteger(LuceneContentRetriever.START);
            int end = first.textSegment().metadata().getInteger(LuceneContentRetriever.END);
            StoredDocument d = e.store().get(docId).orElseThrow();
            assertThat(d.text().substring(start, end)).isEqualTo(first.textSegment().text());
            assertThat((Double) first.metadata().get(ContentMetadata.SCORE)).isPositive();
            assertThat(e.embedder()).as("the built-in embedding model is loaded").isNotNull();
        }
    }

    @Test
    void refusesAnEmptyQueryAndAnEmptyBudgetNamingTheParameter() {
        try (Engine e = Engine.open(TestEngines.lexicalOnly(data))) {
            assertThatThrownBy(() -> new LuceneContentRetriever(e.retriever(), e.parser(), 0)).hasMessageContaining("maxResults");
            LuceneContentRetriever r = new LuceneContentRetriever(e.retriever(), e.parser(), 2);
            assertThatThrownBy(() -> r.retrieve(null)).hasMessageContaining("query");
        }
    }
}
