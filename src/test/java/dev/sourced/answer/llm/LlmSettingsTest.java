package dev.sourced.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sourced.config.ConfigException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {
    private static Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void isOffByDefault() {
        assertThat(LlmSettings.fromEnvironment(env())).isEmpty();
        assertThat(LlmSettings.fromEnvironment(env("SOURCED_LLM", "off", "SOURCED_LLM_MODEL", "x"))).isEmpty();
        assertThat(LlmSettings.fromEnvironment(env("SOURCED_LLM", " "))).isEmpty();
    }

    @Test
    void readsAnOpenAiCompatibleEndpoint() {
        LlmSettings s = LlmSettings.fromEnvironment(env("SOURCED_LLM", "OpenAI", "SOURCED_LLM_BASE_URL", "http://127.0.0.1:8000/v1",
                "SOURCED_LLM_API_KEY", "sk-secret", "SOURCED_LLM_MODEL", "qwen2.5", "SOURCED_LLM_TIMEOUT_MS", "2500")).orElseThrow();

        assertThat(s.provider()).isEqualTo(LlmSettings.Provider.OPENAI);
        assertThat(s.baseUrl()).isEqualTo("http://127.0.0.1:8000/v1");
        assertThat(s.model()).isEqualTo("qwen2.5");
        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(s.temperature()).isEqualTo(0.0);
        assertThat(s.toString()).doesNotContain("sk-secret");
    }

    @Test
    void readsOllamaWithItsDefaults() {
        LlmSettings s = LlmSettings.fromEnvironment(env("SOURCED_LLM", "ollama", "SOURCED_LLM_MODEL", "llama3.2",
                "SOURCED_LLM_TEMPERATURE", "default")).orElseThrow();

        assertThat(s.baseUrl()).isEqualTo("http://localhost:11434");
        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(8000));
        assertThat(s.temperature()).isNull();
        assertThat(s.apiKey()).isNull();
    }

    @Test
    void namesTheMalformedVariable() {
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(env("SOURCED_LLM", "gpt")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SOURCED_LLM:");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(env("SOURCED_LLM", "ollama")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SOURCED_LLM_MODEL:");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(env("SOURCED_LLM", "openai", "SOURCED_LLM_MODEL", "m")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SOURCED_LLM_API_KEY:");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(env("SOURCED_LLM", "ollama", "SOURCED_LLM_MODEL", "m",
                "SOURCED_LLM_BASE_URL", "localhost:11434")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SOURCED_LLM_BASE_URL:");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(env("SOURCED_LLM", "ollama", "SOURCED_LLM_MODEL", "m",
                "SOURCED_LLM_TIMEOUT_MS", "8s")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SOURCED_LLM_TIMEOUT_MS:");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(env("SOURCED_LLM", "ollama", "SOURCED_LLM_MODEL", "m",
                "SOURCED_LLM_TIMEOUT_MS", "0")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SOURCED_LLM_TIMEOUT_MS:");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(env("SOURCED_LLM", "ollama", "SOURCED_LLM_MODEL", "m",
                "SOURCED_LLM_TEMPERATURE", "hot")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SOURCED_LLM_TEMPERATURE:");
    }
}
