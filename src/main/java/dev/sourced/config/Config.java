package dev.sourced.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Sourced's settings, read once from the environment (and the command line's flags, which win). A malformed setting
 * stops start-up with a {@link ConfigException} naming it.
 *
 * @param dataDir        SOURCED_DATA: where the SQLite file and the index live (default ./data)
 * @param corpusDir      SOURCED_CORPUS: documents ingested into an empty store on first use (default ./corpus)
 * @param embedding      SOURCED_EMBEDDING: "builtin" or "e5" (e5-small-v2), "minilm" (all-MiniLM-L6-v2), "onnx" (with model and tokenizer files) or "none"
 * @param onnxModel      SOURCED_EMBEDDING_MODEL: path of an ONNX embedding model (with SOURCED_EMBEDDING=onnx)
 * @param onnxTokenizer  SOURCED_EMBEDDING_TOKENIZER: its tokenizer.json
 * @param onnxPooling    SOURCED_EMBEDDING_POOLING: "mean" (default) or "cls"
 * @param queryPrefix    SOURCED_EMBEDDING_QUERY_PREFIX: text put before a question (e5 models: "query: ")
 * @param passagePrefix  SOURCED_EMBEDDING_PASSAGE_PREFIX: text put before a passage (e5 models: "passage: ")
 * @param retrieval      SOURCED_RETRIEVAL: the components on, comma-separated, of lexical, dense, translation,
 *                       cognates, features (default: all)
 * @param denseWeight    SOURCED_DENSE_WEIGHT: weight of the dense list in the fusion (default 0.3)
 * @param fusion         SOURCED_FUSION: how the lexical and dense lists are combined, "weighted" (default: each list
 *                       normalised by its best score, then summed with SOURCED_DENSE_WEIGHT) or "rrf" (reciprocal rank)
 * @param freedict       SOURCED_FREEDICT: use Debian's FreeDict dictionaries when installed (default true)
 * @param environment    the variables this was read from, for settings owned by other packages (the LLM's)
 */
public record Config(Path dataDir, Path corpusDir, String embedding, Path onnxModel, Path onnxTokenizer, String onnxPooling,
                     String queryPrefix, String passagePrefix, java.util.Set<String> retrieval, double denseWeight,
                     String fusion, boolean freedict, Map<String, String> environment) {
    public static final java.util.Set<String> COMPONENTS = java.util.Set.of("lexical", "dense", "translation", "cognates", "features");

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> env) {
        Path data = Path.of(env.getOrDefault("SOURCED_DATA", "data"));
        Path corpus = Path.of(env.getOrDefault("SOURCED_CORPUS", "corpus"));
        String embedding = env.getOrDefault("SOURCED_EMBEDDING", "builtin").strip().toLowerCase(Locale.ROOT);
        if (!java.util.Set.of("builtin", "e5", "minilm", "onnx", "none").contains(embedding)) {
            throw new ConfigException("SOURCED_EMBEDDING: expected builtin (e5), minilm, onnx or none, got '" + embedding + "'");
        }
        Path model = pathOrNull(env.get("SOURCED_EMBEDDING_MODEL"));
        Path tokenizer = pathOrNull(env.get("SOURCED_EMBEDDING_TOKENIZER"));
        if (embedding.equals("onnx")) {
            if (model == null) throw new ConfigException("SOURCED_EMBEDDING_MODEL: required with SOURCED_EMBEDDING=onnx (path of model.onnx)");
            if (tokenizer == null) throw new ConfigException("SOURCED_EMBEDDING_TOKENIZER: required with SOURCED_EMBEDDING=onnx (path of tokenizer.json)");
            if (!Files.isRegularFile(model)) throw new ConfigException("SOURCED_EMBEDDING_MODEL: no file at " + model);
            if (!Files.isRegularFile(tokenizer)) throw new ConfigException("SOURCED_EMBEDDING_TOKENIZER: no file at " + tokenizer);
        }
        String pooling = env.getOrDefault("SOURCED_EMBEDDING_POOLING", "mean").strip().toLowerCase(Locale.ROOT);
        if (!pooling.equals("mean") && !pooling.equals("cls")) {
            throw new ConfigException("SOURCED_EMBEDDING_POOLING: expected mean or cls, got '" + pooling + "'");
        }
        java.util.Set<String> retrieval = new java.util.LinkedHashSet<>();
        String r = env.getOrDefault("SOURCED_RETRIEVAL", String.join(",", "lexical", "dense", "translation", "cognates", "features"));
        for (String part : r.split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) continue;
            if (!COMPONENTS.contains(p)) {
                throw new ConfigException("SOURCED_RETRIEVAL: unknown component '" + p + "' (known: lexical, dense, translation, cognates, features)");
            }
            retrieval.add(p);
        }
        if (!retrieval.contains("lexical") && !retrieval.contains("dense")) {
            throw new ConfigException("SOURCED_RETRIEVAL: needs lexical or dense (or both)");
        }
        double denseWeight;
        try {
            denseWeight = Double.parseDouble(env.getOrDefault("SOURCED_DENSE_WEIGHT", "0.3"));
        } catch (NumberFormatException e) {
            throw new ConfigException("SOURCED_DENSE_WEIGHT: not a number: '" + env.get("SOURCED_DENSE_WEIGHT") + "'");
        }
        if (denseWeight < 0 || denseWeight > 10) {
            throw new ConfigException("SOURCED_DENSE_WEIGHT: must be between 0 and 10, got " + denseWeight);
        }
        String fusion = env.getOrDefault("SOURCED_FUSION", "weighted").strip().toLowerCase(Locale.ROOT);
        if (!fusion.equals("weighted") && !fusion.equals("rrf")) {
            throw new ConfigException("SOURCED_FUSION: expected weighted or rrf, got '" + fusion + "'");
        }
        String fd = env.getOrDefault("SOURCED_FREEDICT", "true").strip().toLowerCase(Locale.ROOT);
        if (!fd.equals("true") && !fd.equals("false")) {
            throw new ConfigException("SOURCED_FREEDICT: expected true or false, got '" + fd + "'");
        }
        return new Config(data, corpus, embedding, model, tokenizer, pooling,
                env.getOrDefault("SOURCED_EMBEDDING_QUERY_PREFIX", ""), env.getOrDefault("SOURCED_EMBEDDING_PASSAGE_PREFIX", ""),
                java.util.Set.copyOf(retrieval), denseWeight, fusion, fd.equals("true"), Map.copyOf(env));
    }

    public boolean on(String component) {
        return retrieval.contains(component);
    }

    public Config withDataDir(Path dir) {
        return new Config(dir, corpusDir, embedding, onnxModel, onnxTokenizer, onnxPooling, queryPrefix, passagePrefix,
                retrieval, denseWeight, fusion, freedict, environment);
    }

    public Config withRetrieval(java.util.Set<String> components) {
        return new Config(dataDir, corpusDir, embedding, onnxModel, onnxTokenizer, onnxPooling, queryPrefix, passagePrefix,
                java.util.Set.copyOf(components), denseWeight, fusion, freedict, environment);
    }

    public Config withEmbedding(String e) {
        return new Config(dataDir, corpusDir, e, onnxModel, onnxTokenizer, onnxPooling, queryPrefix, passagePrefix,
                retrieval, denseWeight, fusion, freedict, environment);
    }

    private static Path pathOrNull(String s) {
        return s == null || s.isBlank() ? null : Path.of(s.strip());
    }
}
