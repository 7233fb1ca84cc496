package dev.sourced.answer.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/** Builds LangChain4j chat models from {@link LlmSettings}: the configured timeout, no retries, no request logging. */
final class ChatModels {
    private ChatModels() {
    }

    static ChatModel create(LlmSettings s) {
        return switch (s.provider()) {
            case OPENAI -> {
                OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder()
                        .modelName(s.model())
                        // Local OpenAI-compatible servers often need no key; the client still wants one to send.
                        .apiKey(s.apiKey() == null ? "none" : s.apiKey())
                        .timeout(s.timeout())
                        .maxRetries(0)
                        .logRequests(false)
                        .logResponses(false);
                if (s.baseUrl() != null) b.baseUrl(s.baseUrl());
                if (s.temperature() != null) b.temperature(s.temperature());
                yield b.build();
            }
            case OLLAMA -> {
                OllamaChatModel.OllamaChatModelBuilder b = OllamaChatModel.builder()
                        .baseUrl(s.baseUrl())
                        .modelName(s.model())
                        .timeout(s.timeout())
                        .maxRetries(0)
                        .logRequests(false)
                        .logResponses(false);
                if (s.temperature() != null) b.temperature(s.temperature());
                yield b.build();
            }
        };
    }
}
