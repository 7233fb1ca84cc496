package dev.sourced.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.junit.jupiter.api.Test;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/** English glosses of German and Spanish questions from a small lexicon written for the test. */
class GlossaryTest {
    private static final Glossary GERMAN = Glossary.of(List.of("# a comment", "wie viele\thow many", "sitzen\tsit", "sitz\tseat|headquarters",
            "gewinnen\twin", "gewannen\twin", "gas\tgas", "preis\tprice|prize", "stadt\tcity", "nachbar\tneighbour", "verkehr\ttraffic",
            "minister\tminister", "welche\twhich", "plündern\tloot"), GermanAnalyzer.getDefaultStopSet(), GermanStemmer::new, true);
    private static final Glossary SPANISH = Glossary.of(List.of("quién\twho", "seleccionadora\tcoach", "inglaterra\tengland",
            "marcar\tscore", "gol\tgoal", "cuarto\tfourth|room"), SpanishAnalyzer.getDefaultStopSet(), SpanishStemmer::new, false);

    @Test
    void phrasesStemsAndIrregularFormsAreGlossedAndStopWordsDropped() {
        assertThat(GERMAN.gloss("Wie viele Sitze gewannen die Grünen?")).contains("how many seat win grünen?");
    }

    @Test
    void aGermanPluralNounIsTheNounEvenWhenAVerbSharesItsStem() {
        assertThat(GERMAN.gloss("Welche Sitze?")).contains("which seat?");
    }

    @Test
    void aGermanCompoundIsGlossedAsItsTwoParts() {
        assertThat(GERMAN.gloss("Welche Gaspreise?")).contains("which gas price?");
        assertThat(GERMAN.gloss("Welche Nachbarstädte wurden geplündert?")).contains("which neighbour city loot?");
        assertThat(GERMAN.gloss("Welche Verkehrsminister?")).as("a linking s").contains("which traffic minister?");
    }

    @Test
    void anAcronymKeepsItsCapitalsAndAnUnknownNounLosesIt() {
        // "gewann" shares its stem with the listed "gewannen"
        assertThat(GERMAN.gloss("Wie viele Sitze gewann die SPD im Landtag?")).contains("how many seat win SPD landtag?");
    }

    @Test
    void accentsMayBeLeftOutAndSpanishNamesKeepTheirCapitals() {
        assertThat(SPANISH.gloss("¿Quien era la seleccionadora de Inglaterra?")).contains("who coach england?");
        assertThat(SPANISH.gloss("¿Quién marcó el cuarto gol de Mbappé?")).contains("who score fourth goal Mbappé?");
    }

    @Test
    void aQuestionWithNoKnownContentWordIsNotGlossed() {
        assertThat(GERMAN.gloss("Was ist das?")).isEmpty();
        assertThat(Glossary.none().gloss("Wie viele Sitze gewannen die Grünen?")).isEmpty();
    }
}
