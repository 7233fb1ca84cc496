package dev.sourced.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.corpus.Lang;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisagreementsTest {
    private static Citation cite(int n, String doc, String text) {
        return new Citation(n, new SourceRef(doc, "Title " + doc, "Outlet " + doc, "", "2023-04", 0, text.length()), text, 1.0, List.of());
    }

    @Test
    void twoSpellingsOfOneNameInTwoArticlesAreShownWithTheirCitations() {
        List<String> notes = Disagreements.find(List.of(
                cite(1, "a", "Les ingénieurs Igor Babuschkin et Manuel Kroiss ont rejoint l'équipe."),
                cite(2, "b", "Il a embauché Igor Babusschkin et Manuel Kroiss.")), false, Phrases.of(Lang.EN));
        assertThat(notes).containsExactly("The sources spell this name two ways: “Babuschkin” [1] and “Babusschkin” [2].");
    }

    @Test
    void differentAmountsAreShownWhenTheQuestionAsksForOne() {
        List<Citation> cs = List.of(
                cite(1, "a", "La carte se vend 30 603 $ sur les sites spécialisés."),
                cite(2, "b", "Sur Ebay, elle se vend 40 000 $ l'unité."));
        assertThat(Disagreements.find(cs, true, Phrases.of(Lang.FR)))
                .containsExactly("Les sources divergent : « 30 603 $ » [1], « 40 000 $ » [2].");
        assertThat(Disagreements.find(cs, false, Phrases.of(Lang.FR))).isEmpty();
    }

    @Test
    void theSameAmountWrittenTwoWaysIsNotADisagreement() {
        List<Citation> cs = List.of(
                cite(1, "a", "Twitter a acheté 10 000 GPU."),
                cite(2, "b", "Elon Musk se dote de 10.000 GPU."));
        assertThat(Disagreements.find(cs, true, Phrases.of(Lang.EN))).isEmpty();
    }
}
