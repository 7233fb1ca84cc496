package dev.sourced.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.answer.Answer;
import dev.sourced.answer.Question;
import dev.sourced.app.Sourced;
import dev.sourced.app.TestEngines;
import dev.sourced.corpus.DocumentMeta;
import dev.sourced.corpus.Lang;
import dev.sourced.corpus.SourceDocument;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole engine with the LLM switched on, against a local server that speaks the OpenAI chat API. */
class EngineWithLlmTest {
    @TempDir
    Path data;

    private Sourced engine(FakeLlmServer llm) {
        return Sourced.open(TestEngines.config(data, "SOURCED_EMBEDDING", "none", "SOURCED_LLM", "openai",
                "SOURCED_LLM_BASE_URL", llm.openAiUrl(), "SOURCED_LLM_MODEL", "scripted", "SOURCED_LLM_API_KEY", "test-key",
                "SOURCED_LLM_TIMEOUT_MS", "3000", "SOURCED_LLM_TRANSLATE", "false"));
    }

    private Sourced translatingEngine(FakeLlmServer llm) {
        return Sourced.open(TestEngines.config(data, "SOURCED_EMBEDDING", "none", "SOURCED_LLM", "openai",
                "SOURCED_LLM_BASE_URL", llm.openAiUrl(), "SOURCED_LLM_MODEL", "scripted", "SOURCED_LLM_API_KEY", "test-key",
                "SOURCED_LLM_TIMEOUT_MS", "3000"), false);
    }

    private static void researchers(Sourced e) {
        e.curation().ingest(new SourceDocument(new DocumentMeta("labo", "Le laboratoire recrute", "Le Courrier", "", Lang.FR,
                "2024-04-02", "test:labo"), "text", "Le laboratoire de Valmont a embauché 12 chercheurs au printemps. "
                + "Ils travailleront sur les batteries au sodium."));
        e.curation().ingest(new SourceDocument(new DocumentMeta("port", "Le port s'agrandit", "Le Courrier", "", Lang.FR,
                "2024-04-03", "test:port"), "text", "Le port de Valmont accueillera deux nouveaux quais en 2026."));
    }

    @Test
    void aQuestionInALanguageWithoutLexiconIsTranslatedForRetrieval() throws Exception {
        try (FakeLlmServer llm = FakeLlmServer.start(); Sourced e = translatingEngine(llm)) {
            researchers(e);
            llm.then(FakeLlmServer.openAi("How many researchers did the laboratory hire in the spring?"));
            llm.then(FakeLlmServer.openAi("Combien de chercheurs le laboratoire a-t-il embauchés au printemps ?"));
            Answer a = e.answerer().ask(Question.of("Wie viele Forscher hat das Labor im Frühling eingestellt?"));

            assertThat(a.abstained()).isFalse();
            assertThat(a.citations().get(0).docId()).isEqualTo("labo");
            assertThat(llm.received().get(0).message("user")).contains("<question>Wie viele Forscher");
        }
    }

    @Test
    void aQuoteInAnotherLanguageThanTheReadersComesWithALabelledMachineTranslation() throws Exception {
        try (FakeLlmServer llm = FakeLlmServer.start(); Sourced e = translatingEngine(llm)) {
            researchers(e);
            llm.then(FakeLlmServer.openAi("Combien de chercheurs le laboratoire de Valmont a-t-il embauchés ?")); // the question, in French
            llm.then(FakeLlmServer.openAi("It hired 99 people [1]."));                       // the answer: rejected, extractive
            llm.then(FakeLlmServer.openAi("The Valmont laboratory hired 12 researchers in the spring. They will work on sodium batteries."));
            Answer a = e.answerer().ask(Question.of("How many researchers did the Valmont laboratory hire?"));

            assertThat(a.citations().get(0).docId()).isEqualTo("labo");
            assertThat(a.citations().get(0).text()).startsWith("Le laboratoire de Valmont"); // the quote stays verbatim
            assertThat(a.citations().get(0).translation()).startsWith("The Valmont laboratory hired 12 researchers");
            assertThat(llm.received().get(2).message("user")).contains("<quote>Le laboratoire de Valmont");
            // a further source (it shares only "Valmont" with the question) is listed, not translated
            assertThat(a.citations()).filteredOn(c -> c.docId().equals("port")).singleElement()
                    .satisfies(c -> assertThat(c.translation()).isEmpty());
            assertThat(llm.received()).hasSize(3);
        }
    }

    @Test
    void aFailedTranslationLeavesTheQuestionToItsOwnWords() throws Exception {
        try (FakeLlmServer llm = FakeLlmServer.start(); Sourced e = translatingEngine(llm)) {
            researchers(e);
            // no scripted reply: the server answers 500 to the translation (and to the answer), the lexicon still works
            Answer a = e.answerer().ask(Question.of("How many researchers did the Valmont laboratory hire?"));
            assertThat(a.abstained()).isFalse();
            assertThat(a.citations().get(0).docId()).isEqualTo("labo");
        }
    }

    @Test
    void aVerifiedLlmAnswerReplacesTheExtractiveOneAndKeepsTheSameCitations() throws Exception {
        try (FakeLlmServer llm = FakeLlmServer.start(); Sourced e = engine(llm)) {
            llm.then(FakeLlmServer.openAi("He left in 2018, after the other founders rejected his offer [1][2]."));
            Answer a = e.answerer().ask(Question.of("Why did Musk leave OpenAI?"));

            assertThat(a.abstained()).isFalse();
            assertThat(a.text()).isEqualTo("He left in 2018, after the other founders rejected his offer [1][2].");
            assertThat(a.citations()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(llm.received()).hasSize(1);
            assertThat(llm.received().get(0).message("user")).contains(a.citations().get(0).text().substring(0, 40));
        }
    }

    @Test
    void aFabricatedNumberFallsBackToTheExtractiveAnswer() throws Exception {
        try (FakeLlmServer llm = FakeLlmServer.start(); Sourced e = engine(llm)) {
            llm.then(FakeLlmServer.openAi("He left in 1999 after a dispute worth 7 billion dollars [1]."));
            Answer a = e.answerer().ask(Question.of("Why did Musk leave OpenAI?"));

            assertThat(a.text()).startsWith("According to [").doesNotContain("1999");
            assertThat(a.citations()).isNotEmpty();
        }
    }

    @Test
    void anUnansweredQuestionNeverReachesTheLlm() throws Exception {
        try (FakeLlmServer llm = FakeLlmServer.start(); Sourced e = engine(llm)) {
            Answer a = e.answerer().ask(Question.of("Quelle est la capitale de l'Australie ?"));
            assertThat(a.abstained()).isTrue();
            assertThat(llm.received()).isEmpty();
        }
    }
}
