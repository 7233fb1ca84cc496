package dev.sourced.index;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * LangChain4j's {@link ContentRetriever} over Sourced's Lucene index: hybrid retrieval of passages, each returned as a
 * {@link TextSegment} whose metadata names its document and its character span, with the fused score.
 */
public final class LuceneContentRetriever implements ContentRetriever {
    public static final String DOC_ID = "doc_id";
    public static final String START = "start";
    public static final String END = "end";
    public static final String LANGUAGE = "language";
    public static final String PASSAGE_ID = "passage_id";
    public static final int DEFAULT_MAX_RESULTS = 5;

    private final HybridRetriever retriever;
    private final QuestionParser parser;
    private final int maxResults;

    public LuceneContentRetriever(HybridRetriever retriever, QuestionParser parser, int maxResults) {
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1, was " + maxResults);
        }
        this.retriever = retriever;
        this.parser = parser;
        this.maxResults = maxResults;
    }

    @Override
    public List<Content> retrieve(Query query) {
        if (query == null || query.text() == null || query.text().isBlank()) {
            throw new IllegalArgumentException("query must have text");
        }
        ParsedQuestion q = parser.parse(query.text(), List.of(), null);
        List<Content> out = new ArrayList<>();
        for (PassageHit h : retriever.retrieve(q, maxResults)) {
            Metadata m = new Metadata()
                    .put(DOC_ID, h.docId())
                    .put(START, h.start())
                    .put(END, h.end())
                    .put(LANGUAGE, h.lang().code())
                    .put(PASSAGE_ID, h.passageId());
            out.add(Content.from(TextSegment.from(h.text(), m), Map.of(ContentMetadata.SCORE, h.score())));
        }
        return out;
    }
}
