package dev.sourced.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {
    @Test
    void shortFrenchQuestionsAreFrenchEvenWithAWordEnglishAlsoHas() {
        assertThat(LanguageDetector.detect("Qui a écrit Germinal ?")).isEqualTo(Lang.FR);
        assertThat(LanguageDetector.detect("Quel prix a reçu Agnès Varda?")).isEqualTo(Lang.FR);
        assertThat(LanguageDetector.detect("Combien de victimes ?")).isEqualTo(Lang.FR);
    }

    @Test
    void englishContractionsCountAsEnglish() {
        assertThat(LanguageDetector.detect("Why don't people eat them?")).isEqualTo(Lang.EN);
        assertThat(LanguageDetector.detect("What's the capital of Peru?")).isEqualTo(Lang.EN);
        assertThat(LanguageDetector.detect("Who is Jeanne d'Arc's brother?")).isEqualTo(Lang.EN);
    }

    @Test
    void germanAndSpanishQuestionsAreNeither() {
        assertThat(LanguageDetector.detect("Wie viele Sitze gewannen die Liberaldemokraten?")).isEqualTo(Lang.OTHER);
        assertThat(LanguageDetector.detect("¿Cuántas personas visitaban la catedral en 2017?")).isEqualTo(Lang.OTHER);
    }
}
