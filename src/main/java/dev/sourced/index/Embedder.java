package dev.sourced.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into unit-length vectors with a LangChain4j in-process embedding model: the built-in all-MiniLM-L6-v2
 * (quantised, shipped in a Maven artifact), or an ONNX model and tokenizer that the operator points to (for example a
 * multilingual one), with optional prefixes for models trained with them (e5: "query: " / "passage: ").
 */
public final class Embedder {
    /** The default model: e5-small-v2, quantised, trained with "query: " and "passage: " prefixes. */
    public static final String BUILT_IN = "e5-small-v2-q";
    /** The earlier default, all-MiniLM-L6-v2 (quantised): smaller, weaker on questions. */
    public static final String MINILM = "all-minilm-l6-v2-q";
    static final String E5_QUERY_PREFIX = "query: ";
    static final String E5_PASSAGE_PREFIX = "passage: ";
    /** Passages embedded per call: large enough to amortise the call, small enough to bound memory. */
    static final int BATCH = 32;

    private final EmbeddingModel model;
    private final String id;
    private final String queryPrefix;
    private final String passagePrefix;

    private Embedder(EmbeddingModel model, String id, String queryPrefix, String passagePrefix) {
        this.model = model;
        this.id = id;
        this.queryPrefix = queryPrefix;
        this.passagePrefix = passagePrefix;
    }

    public static Embedder builtIn() {
        return new Embedder(new E5SmallV2QuantizedEmbeddingModel(), BUILT_IN, E5_QUERY_PREFIX, E5_PASSAGE_PREFIX);
    }

    public static Embedder miniLm() {
        return new Embedder(new AllMiniLmL6V2QuantizedEmbeddingModel(), MINILM, "", "");
    }

    /** An ONNX model file and its tokenizer.json; the id recorded with each vector names the model file. */
    public static Embedder onnx(Path model, Path tokenizer, PoolingMode pooling, String queryPrefix, String passagePrefix) {
        if (!Files.isRegularFile(model)) {
            throw new IndexException("SOURCED_EMBEDDING_MODEL: no model file at " + model);
        }
        if (!Files.isRegularFile(tokenizer)) {
            throw new IndexException("SOURCED_EMBEDDING_TOKENIZER: no tokenizer file at " + tokenizer);
        }
        try {
            return new Embedder(new OnnxEmbeddingModel(model, tokenizer, pooling), onnxId(model),
                    queryPrefix, passagePrefix);
        } catch (RuntimeException e) {
            throw new IndexException("SOURCED_EMBEDDING_MODEL: cannot load " + model + ": " + e.getMessage(), e);
        }
    }

    /** The identity of an ONNX model's vectors: its directory and file name. */
    public static String onnxId(Path model) {
        Path abs = model.toAbsolutePath().normalize();
        return "onnx:" + (abs.getParent() == null ? "" : abs.getParent().getFileName() + "/") + abs.getFileName();
    }

    /** The model's identity, stored with every vector so that vectors of two models are never mixed. */
    public String id() {
        return id;
    }

    public float[] embedQuery(String text) {
        return normalize(model.embed(queryPrefix + text).content().vector());
    }

    public List<float[]> embedPassages(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i += BATCH) {
            List<TextSegment> batch = new ArrayList<>();
            for (String t : texts.subList(i, Math.min(texts.size(), i + BATCH))) {
                batch.add(TextSegment.from(passagePrefix + t));
            }
            for (Embedding e : model.embedAll(batch).content()) {
                out.add(normalize(e.vector()));
            }
        }
        return out;
    }

    static float[] normalize(float[] v) {
        double sum = 0;
        for (float f : v) sum += f * f;
        double norm = Math.sqrt(sum);
        if (norm == 0) return v;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / norm);
        return out;
    }
}
