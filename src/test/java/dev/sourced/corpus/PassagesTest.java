package dev.sourced.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PassagesTest {
    @Test
    void everyPassageOfEverySeedArticleIsTheStoredTextAtItsOffsets() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("corpus"))) {
            for (Path f : files.filter(DocumentReader::isSupported).filter(p -> !p.endsWith("README.md")).toList()) {
                PreparedDocument doc = PreparedDocument.prepare(DocumentReader.read(f));
                assertThat(doc.passages()).as(f.toString()).isNotEmpty();
                for (Passage p : doc.passages()) {
                    assertThat(doc.text().substring(p.start(), p.end())).isEqualTo(p.text());
                }
            }
        }
    }

    @Test
    void aLeadInEndingWithAColonTravelsWithWhatFollowsEvenAcrossALineBreak() {
        String text = "Sam Altman a riposté, et il a même exprimé son point de vue sur Musk lui-même :\n\n"
                + "C'est un abruti et son style n'est pas ce que je veux.\n\nUne autre phrase qui suit ici.";
        List<Passage> passages = Passages.split(text);
        assertThat(passages.get(0).text()).startsWith("Sam Altman").contains(":\n\nC'est un abruti et son style n'est pas ce que je veux.");
    }

    @Test
    void aHeadingTravelsWithTheFirstPassageOfItsSectionAndIsTheContextOfTheNext() {
        String text = "Une IA dans quel but ?\nLe projet consisterait à utiliser les GPU pour travailler sur un grand modèle de langage, selon plusieurs sources proches du dossier. "
                + "Le réseau social dispose d'énormes quantités de données qui pourraient entraîner un tel modèle dans les prochains mois.\n"
                + "Les analystes restent prudents";
        // "Une IA dans quel but ?" ends with "?" so it is a sentence, not a heading
        List<Passage> p1 = Passages.split(text);
        assertThat(p1.get(0).text()).startsWith("Une IA dans quel but ?");

        // a section long enough for two passages
        String body = text.substring(text.indexOf('\n') + 1, text.lastIndexOf('\n'));
        String withHeading = "Une intelligence artificielle pour Twitter\n" + body + "\n" + body.replace("Le projet", "Le second projet")
                + "\n" + body.replace("Le projet", "Le troisième projet");
        List<Passage> p2 = Passages.split(withHeading);
        assertThat(p2.get(0).text()).startsWith("Une intelligence artificielle pour Twitter\nLe projet");
        assertThat(p2.get(1).heading()).isEqualTo("Une intelligence artificielle pour Twitter");
    }

    @Test
    void sentencesDoNotEndAtAbbreviationsInitialsOrInsideNumbers() {
        String text = "M. Dupont a payé 10.000 euros à J. Martin le 3 mars. Ensuite il est parti.";
        List<Span> s = SentenceSplitter.split(text);
        assertThat(s).hasSize(2);
        assertThat(s.get(0).of(text)).isEqualTo("M. Dupont a payé 10.000 euros à J. Martin le 3 mars.");
    }

    @Test
    void detectsFrenchAndEnglishQuestionsAndArticles() {
        assertThat(LanguageDetector.detect("Why did Musk leave OpenAI?")).isEqualTo(Lang.EN);
        assertThat(LanguageDetector.detect("Pourquoi Elon Musk a-t-il quitté OpenAI ?")).isEqualTo(Lang.FR);
        assertThat(LanguageDetector.detect("Quel est le prix d'une carte H100 ?")).isEqualTo(Lang.FR);
        assertThat(LanguageDetector.detect("Warum hat Musk OpenAI verlassen und was ist der Grund?")).isEqualTo(Lang.OTHER);
    }
}
