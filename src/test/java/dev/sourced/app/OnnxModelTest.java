package dev.sourced.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sourced.answer.Question;
import dev.sourced.index.Embedder;
import dev.sourced.index.ParsedQuestion;
import dev.sourced.config.Config;
import dev.sourced.config.ConfigException;
import dev.sourced.store.StoredPassage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model the operator points to replaces the built-in one after a reindex. The ONNX file and tokenizer used here are
 * the ones the built-in model's Maven artifact ships, copied to files as an operator's download would be.
 */
class OnnxModelTest {
    @TempDir
    Path data;
    @TempDir
    Path models;

    private Path copy(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Path out = models.resolve("my-model").resolve(resource);
            Files.createDirectories(out.getParent());
            Files.copy(in, out);
            return out;
        }
    }

    @Test
    void anOnnxModelFromFilesReplacesTheBuiltInOneAfterAReindexAndNothingIsReEmbeddedAtStartUp() throws IOException {
        Path model = copy("all-minilm-l6-v2-q.onnx");
        Path tokenizer = copy("all-minilm-l6-v2-q-tokenizer.json");
        try (Sourced e = Sourced.open(TestEngines.config(data))) {
            assertThat(e.store().passages(e.store().activeIds().get(0))).allMatch(p -> p.model().equals(Embedder.BUILT_IN));
        }
        Config onnx = TestEngines.config(data, "SOURCED_EMBEDDING", "onnx", "SOURCED_EMBEDDING_MODEL", model.toString(),
                "SOURCED_EMBEDDING_TOKENIZER", tokenizer.toString());
        try (Sourced e = Sourced.open(onnx)) {
            e.curation().reindex();
            String id = Embedder.onnxId(model);
            List<StoredPassage> passages = e.store().passages(e.store().activeIds().get(0));
            assertThat(passages).allMatch(p -> p.model().equals(id) && p.embedding() != null);
            ParsedQuestion q = e.internals().parser().parse("Why did Musk leave OpenAI?", List.of(), null);
            assertThat(e.internals().retriever().dense(q, 5)).hasSize(5);
            assertThat(e.answerer().ask(Question.of("Why did Musk leave OpenAI?")).abstained()).isFalse();
        }
        try (Sourced e = Sourced.open(onnx)) {
            // a second start with the same model finds every vector in place
            assertThat(e.store().passages(e.store().activeIds().get(0))).allMatch(p -> p.model().equals(Embedder.onnxId(model)));
            assertThat(e.internals().retriever().dense(e.internals().parser().parse("GPU", List.of(), null), 3)).hasSize(3);
        }
    }

    @Test
    void aMissingModelFileStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> TestEngines.config(data, "SOURCED_EMBEDDING", "onnx", "SOURCED_EMBEDDING_MODEL", "/nope/model.onnx",
                "SOURCED_EMBEDDING_TOKENIZER", "/nope/tokenizer.json"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SOURCED_EMBEDDING_MODEL");
    }
}
