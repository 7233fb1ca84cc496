package dev.sourced.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.corpus.Lang;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisagreementsTest {
    private static Citation cite(int n, String doc, String text) {
        return new Citation(n, new SourceRef(doc, "Title " + doc, "Outlet " + doc, "", "2023-04", 0, text.length()), text, 1.0, List.of());
    }

    private static List<String> notes(List<Citation> cs, boolean asksForAmount, String question, Lang lang) {
        return Disagreements.find(cs, asksForAmount, Phrases.of(lang), FactSpanTest.asked(question), c -> lang);
    }

    @Test
    void twoSpellingsOfOneNameInTwoArticlesAreShownWithTheirCitations() {
        List<String> notes = notes(List.of(
                cite(1, "a", "Les ingénieurs Igor Babuschkin et Manuel Kroiss ont rejoint l'équipe."),
                cite(2, "b", "Il a embauché Igor Babusschkin et Manuel Kroiss.")), false, "Qui a rejoint l'équipe ?", Lang.EN);
        assertThat(notes).containsExactly("The sources spell this name two ways: “Babuschkin” [1] and “Babusschkin” [2].");
    }

    @Test
    void differentAmountsOfOneThingAreShownWhenTheQuestionAsksForOne() {
        List<Citation> cs = List.of(
                cite(1, "a", "La carte se vend 30 603 $ sur les sites spécialisés."),
                cite(2, "b", "Sur Ebay, elle se vend 40 000 $ l'unité."));
        String q = "À combien se vend la carte ?";
        assertThat(notes(cs, true, q, Lang.FR)).containsExactly("Les sources divergent : « 30 603 $ » [1], « 40 000 $ » [2].");
        assertThat(notes(cs, false, q, Lang.FR)).isEmpty();
    }

    @Test
    void differentCountsOfTheSameNounDiffer() {
        List<Citation> cs = List.of(
                cite(1, "a", "Pour Twitter, Musk a acheté 10 000 GPU."),
                cite(2, "b", "Selon Business Insider, Musk a acheté 20 000 GPU."));
        assertThat(notes(cs, true, "Combien de GPU Musk a-t-il achetés ?", Lang.FR))
                .containsExactly("Les sources divergent : « 10 000 GPU » [1], « 20 000 GPU » [2].");
    }

    @Test
    void countsOfOneNounAboutDifferentThingsAreNotADisagreement() {
        // the first selection had fifteen novels, the final one four: the same noun, but only one sentence answers
        List<Citation> cs = List.of(
                cite(1, "a", "Quatre romans sont en lice pour le prix."),
                cite(2, "b", "La première sélection du prix comptait quinze romans."));
        assertThat(notes(cs, true, "Combien de romans comptait la première sélection du prix ?", Lang.FR)).isEmpty();
    }

    @Test
    void inflectedFormsOfOneWordAreNotASecondSpelling() {
        // gender and number: "Grands" and "Grande", "Française" and "Français" differ by one letter but are one word
        assertThat(notes(List.of(cite(1, "a", "Les Grands Lacs bordent la province."), cite(2, "b", "Une Grande Région s'étend au nord.")),
                false, "Où sont les lacs ?", Lang.EN)).isEmpty();
        assertThat(notes(List.of(cite(1, "a", "La délégation Française est arrivée."), cite(2, "b", "Le pavillon Français est ouvert.")),
                false, "Qui est arrivé ?", Lang.EN)).isEmpty();
    }

    @Test
    void aHyphenatedNameIsComparedWhole() {
        // "Grande-Bretagne" is one name: its first part is not a second spelling of "Grands" in another quote
        assertThat(notes(List.of(cite(1, "a", "La Grande-Bretagne voulait isoler la région."), cite(2, "b", "Les Grands Lacs sont au nord.")),
                false, "Que voulait la Grande-Bretagne ?", Lang.EN)).isEmpty();
        assertThat(notes(List.of(cite(1, "a", "Il est né à Saint-Malo en 1950."), cite(2, "b", "Il est né à Saint-Maloo.")),
                false, "Où est-il né ?", Lang.EN)).containsExactly("The sources spell this name two ways: “Saint-Malo” [1] and “Saint-Maloo” [2].");
    }

    @Test
    void anAmountOfANarrowerQuantityIsNotADisagreement() {
        // core inflation and inflation are two quantities: the qualifier the question asks about stands by one only
        List<Citation> cs = List.of(
                cite(1, "a", "En mai, l'inflation sous-jacente s'établit à 6,3 % sur un an."),
                cite(2, "b", "En mai, l'inflation a ralenti à 5,1 % sur un an."));
        assertThat(notes(cs, true, "À combien s'établit l'inflation sous-jacente en mai ?", Lang.FR)).isEmpty();
        assertThat(notes(List.of(cs.get(0), cite(2, "b", "En mai, l'inflation sous-jacente s'établit à 6,1 % sur un an.")), true,
                "À combien s'établit l'inflation sous-jacente en mai ?", Lang.FR))
                .containsExactly("Les sources divergent : « 6,3 % » [1], « 6,1 % » [2].");
    }

    @Test
    void aNounInThePluralIsNotASecondSpelling() {
        assertThat(notes(List.of(cite(1, "a", "Elle a reçu la Palme d'or."), cite(2, "b", "Les Palmes d'or de ces dernières années.")),
                false, "Qui a reçu la Palme ?", Lang.FR)).isEmpty();
    }

    @Test
    void theSameAmountWrittenTwoWaysIsNotADisagreement() {
        List<Citation> cs = List.of(
                cite(1, "a", "Twitter a acheté 10 000 GPU."),
                cite(2, "b", "Elon Musk se dote de 10.000 GPU."));
        assertThat(notes(cs, true, "Combien de GPU Twitter a-t-il achetés ?", Lang.EN)).isEmpty();
    }

    @Test
    void aNumberGluedToLettersIsNeverComparedWithAnAmount() {
        List<Citation> cs = List.of(
                cite(1, "a", "Twitter a acheté 10 000 GPU."),
                cite(2, "b", "Ces GPU sont des H100 de Nvidia, achetés pour Twitter."));
        assertThat(notes(cs, true, "Combien de GPU Twitter a-t-il achetés ?", Lang.FR)).isEmpty();
    }

    @Test
    void amountsOfOtherUnitsOrOtherThingsAreNotADisagreement() {
        // the same question term, but euros against a count of GPUs
        assertThat(notes(List.of(
                cite(1, "a", "Twitter a acheté 10 000 GPU."),
                cite(2, "b", "Twitter a dépensé 300 millions d'euros en GPU.")), true, "Combien de GPU Twitter a-t-il achetés ?", Lang.FR))
                .isEmpty();
        // two sums in dollars, but one is a price and the other a salary: no term of the question next to the second
        assertThat(notes(List.of(
                cite(1, "a", "The chip costs $30,000 on resale sites."),
                cite(2, "b", "The chip maker's engineers earn $250,000 a year, the report says.")), true,
                "How much does the chip cost on resale sites?", Lang.EN)).isEmpty();
    }
}
