package dev.sourced.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.corpus.Lang;
import dev.sourced.index.PassageHit;
import dev.sourced.index.QueryTerm;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whether a passage holds two of the question's words as a phrase, or only apart. */
class EvidenceTest {
    private static Evidence passage(Lang lang, String text) {
        PassageHit h = new PassageHit(1, "d", lang, 0, text.length(), text, text, "", 1, 0, 1);
        return new Evidence(h, new Evidence.Words(h));
    }

    private static Evidence.TermForms word(String w, Lang lang) {
        return Evidence.TermForms.of(new QueryTerm(w, QueryTerm.Kind.WORD, Map.of()), lang);
    }

    @Test
    void twoWordsWithOnlyStopWordsBetweenThemStandNear() {
        Evidence e = passage(Lang.FR, "Le maire a inauguré hier la nouvelle tour de la gare devant les habitants.");
        assertThat(e.near(word("tour", Lang.FR), word("gare", Lang.FR))).isTrue();
        assertThat(e.near(word("gare", Lang.FR), word("tour", Lang.FR))).as("either order").isTrue();
    }

    @Test
    void twoWordsInDistantPartsOfThePassageDoNot() {
        Evidence e = passage(Lang.EN, "The tower was finished in spring. Months later, after long delays and a strike, the station opened.");
        assertThat(e.near(word("tower", Lang.EN), word("station", Lang.EN))).isFalse();
    }

    @Test
    void inflectedFormsMatchAfterAnalysis() {
        Evidence e = passage(Lang.EN, "Engineers repaired the broken bridges of the old city.");
        assertThat(e.near(word("bridge", Lang.EN), word("cities", Lang.EN))).isTrue();
        assertThat(e.near(word("engineer", Lang.EN), word("cities", Lang.EN))).as("four words apart").isFalse();
    }

    @Test
    void aWordMissingFromThePassageIsNeverNear() {
        Evidence e = passage(Lang.EN, "Engineers repaired the bridge.");
        assertThat(e.near(word("bridge", Lang.EN), word("tunnel", Lang.EN))).isFalse();
    }
}
