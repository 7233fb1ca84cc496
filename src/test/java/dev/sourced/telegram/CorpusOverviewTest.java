package dev.sourced.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.answer.DocumentSummary;
import dev.sourced.corpus.Lang;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusOverviewTest {
    private static DocumentSummary doc(String title, String outlet, String date, String lang) {
        return new DocumentSummary(title, title, outlet, "", date, lang, 1, "");
    }

    @Test
    void topicsAreTheWordsSharedByMostTitlesAndTheExamplesUseThem() {
        List<DocumentSummary> docs = List.of(doc("Musk achète des GPU pour Twitter", "A", "2023-04", "fr"),
                doc("Twitter et les GPU de Musk", "", "2023-04-12", "fr"), doc("X.AI, le concurrent d'OpenAI fondé par Musk", "B", "2023-05", "fr"));

        CorpusOverview o = CorpusOverview.of(docs, Lang.FR);

        assertThat(o.documents()).isEqualTo(3);
        assertThat(o.outlets()).containsExactly("A", "B");
        assertThat(o.firstDate()).isEqualTo("2023-04");
        assertThat(o.lastDate()).isEqualTo("2023-05");
        assertThat(o.topics().subList(0, 3)).containsExactly("Musk", "GPU", "Twitter");
        assertThat(o.exampleQuestions(Lang.FR)).containsExactly("Que disent les articles sur Musk ?", "Que disent les articles sur GPU ?");
    }

    @Test
    void topicsPreferTheReadersLanguageWhenTheCorpusHasIt() {
        List<DocumentSummary> docs = List.of(doc("Budget vote in the Senate", "", "", "en"), doc("Senate budget passes", "", "", "en"),
                doc("Grève des cheminots", "", "", "fr"));
        assertThat(CorpusOverview.of(docs, Lang.EN).topics()).contains("Senate", "budget").doesNotContain("cheminots");
        assertThat(CorpusOverview.of(docs, Lang.FR).topics()).contains("cheminots");
    }
}
