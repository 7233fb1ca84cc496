package dev.sourced.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.answer.Answer;
import dev.sourced.answer.Citation;
import dev.sourced.answer.Question;
import dev.sourced.corpus.DocumentMeta;
import dev.sourced.corpus.Lang;
import dev.sourced.corpus.SourceDocument;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After the quotes that support an answer come further sources: the next best passages that share a word with the
 * question, numbered on, never more than five quotes in all, and never a passage that has nothing to do with it.
 */
class FurtherSourcesTest {
    @TempDir
    Path data;
    private Sourced engine;

    private void add(String id, String text) {
        engine.curation().ingest(new SourceDocument(new DocumentMeta(id, "Article " + id, "The Courier", "", Lang.EN, "2024-05-02",
                "test:" + id), "text", text));
    }

    @BeforeEach
    void open() {
        engine = Sourced.open(TestEngines.lexicalOnly(data), false);
        add("buses", "The Harbourton council bought 250 electric buses for its network in March 2021.");
        add("harbour", "Harbourton's harbour welcomed a record number of cruise ships this summer, the port authority said.");
        add("scooters", "Electric scooters were banned from the pavements of Harbourton after residents complained.");
        add("strike", "Bus drivers in Harbourton went on strike for a week to demand better pay.");
        add("library", "The Harbourton council approved the budget of a new public library by the river.");
        add("ferry", "A new ferry line links Harbourton to the islands twice a day since the spring.");
        add("bakery", "A bakery in Lisbon won a national prize for its custard tarts and its bread.");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void theShortAnswerRestsOnTheBestQuoteAndFurtherSourcesFollowItNumberedOn() {
        Answer a = engine.answerer().ask(Question.of("How many electric buses did the Harbourton council buy?"));

        assertThat(a.abstained()).isFalse();
        assertThat(a.text()).startsWith("According to [1]: 250 electric buses.");
        List<Citation> cited = a.citations();
        assertThat(cited.get(0).docId()).isEqualTo("buses");
        assertThat(cited).hasSizeGreaterThanOrEqualTo(3).hasSizeLessThanOrEqualTo(5);
        assertThat(cited).extracting(Citation::n).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, cited.size()).boxed().toList());
        assertThat(cited).extracting(Citation::docId).doesNotContain("bakery").doesNotHaveDuplicates();
        for (Citation c : cited.subList(1, cited.size())) {
            assertThat(a.text()).as("the short answer does not state what a further source says").doesNotContain("[" + c.n() + "]:");
        }
    }
}
