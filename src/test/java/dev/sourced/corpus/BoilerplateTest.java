package dev.sourced.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BoilerplateTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @Test
    void removesAudioPromptsKeywordLinesCallsToActionRelatedLinksContactsSocialBarsAndTheMoreArticlesBlock() {
        PreparedDocument doc = PreparedDocument.prepare(DocumentReader.read(FIXTURES.resolve("news-with-boilerplate.txt")));

        assertThat(doc.text())
                .contains("Le port de Marseille a annoncé lundi l'agrandissement")
                .contains("Les travaux commenceront en septembre")
                .contains("Nous n'avons plus la place")
                .doesNotContain("audio player")
                .doesNotContain("port marseille conteneurs travaux")
                .doesNotContain("Découvrez nos offres")
                .doesNotContain("newsletter")
                .doesNotContain("À lire aussi")
                .doesNotContain("redaction@example.org")
                .doesNotContain("Suivez-nous")
                .doesNotContain("Articles qui pourraient")
                .doesNotContain("Le port du Havre bat un record")
                .doesNotContain("Les dockers en grève");
        assertThat(doc.removed()).extracting(Boilerplate.Removed::rule)
                .contains("audio-player", "keywords", "call-to-action", "subscription", "related-link", "contact", "social", "more-articles");
    }

    @Test
    void keepsOrdinaryArticleLinesIncludingHeadingsAndLowerCaseContinuations() {
        String text = """
                Une intelligence artificielle pour Twitter
                Selon Business Insider, Elon Musk aurait dépensé des dizaines de millions de dollars.
                qui appartient à Musk, a récemment acheté des GPU, selon la presse.
                Dans ce cas, l'IA aura la capacité de créer de nouvelles images.""";
        Boilerplate.Result r = Boilerplate.clean(text);
        assertThat(r.removed()).isEmpty();
        assertThat(r.text()).isEqualTo(text);
    }

    @Test
    void htmlKeepsTheArticleAndDropsMenusScriptsStylesAsidesAndFooters() {
        SourceDocument doc = DocumentReader.read(FIXTURES.resolve("page.html"));

        assertThat(doc.text())
                .contains("The city council approved the expansion")
                .contains("Fishermen welcomed the decision")
                .doesNotContain("tracker")
                .doesNotContain("display: none")
                .doesNotContain("Sport")
                .doesNotContain("Sponsored")
                .doesNotContain("All rights reserved");
        assertThat(doc.meta().title()).isEqualTo("Harbour expansion approved");
        assertThat(doc.meta().outlet()).isEqualTo("Coastal Times");
        assertThat(doc.meta().published()).isEqualTo("2023-05-02");
        assertThat(doc.meta().url()).isEqualTo("https://coastal.example/harbour-expansion");
        assertThat(doc.meta().language()).isEqualTo(Lang.EN);
    }
}
