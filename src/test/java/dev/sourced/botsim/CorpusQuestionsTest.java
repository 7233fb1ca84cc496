package dev.sourced.botsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.corpus.Lang;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Questions made from a corpus's own passages: distinct, about every passage, in each document's language. */
class CorpusQuestionsTest {
    private static final CorpusQuestions.Source FRENCH = new CorpusQuestions.Source("""
            La coopérative laitière de Vercel a fermé son usine de Pontarlier en mars après trois hivers déficitaires.
            Les éleveurs du plateau livreront désormais leur lait à la fromagerie de Morteau, à quarante kilomètres.
            """, Lang.FR);
    private static final CorpusQuestions.Source ENGLISH = new CorpusQuestions.Source("""
            The harbour authority of Tromsø approved a second ferry terminal after a decade of hearings.
            Fishermen argued that dredging the northern channel would harm the spawning grounds of cod.
            """, Lang.EN);

    @Test
    void questionsAreDistinctAndTakeTheirWordsFromThePassages() {
        List<String> qs = CorpusQuestions.from(List.of(FRENCH, ENGLISH), 1000);

        assertThat(qs).hasSizeGreaterThan(20).doesNotHaveDuplicates();
        assertThat(qs.subList(0, 2)).anyMatch(q -> q.startsWith("Est-il vrai que ")).anyMatch(q -> q.startsWith("Is it true that "));
        assertThat(qs).anyMatch(q -> q.contains("Pontarlier")).anyMatch(q -> q.contains("Tromsø"));
        assertThat(qs).filteredOn(q -> q.contains("Pontarlier")).isNotEmpty().allMatch(q -> q.endsWith(" ?"));
        assertThat(qs).filteredOn(q -> q.contains("Tromsø")).isNotEmpty().allMatch(q -> q.matches("(?s).*\\S\\?"));
    }

    @Test
    void noMoreThanTheLimit() {
        assertThat(CorpusQuestions.from(List.of(FRENCH, ENGLISH), 7)).hasSize(7).doesNotHaveDuplicates();
        assertThat(CorpusQuestions.from(List.of(), 7)).isEmpty();
    }
}
