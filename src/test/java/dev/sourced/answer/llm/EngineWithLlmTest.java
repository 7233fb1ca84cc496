package dev.sourced.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.answer.Answer;
import dev.sourced.answer.Question;
import dev.sourced.app.Sourced;
import dev.sourced.app.TestEngines;
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
                "SOURCED_LLM_TIMEOUT_MS", "3000"));
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
