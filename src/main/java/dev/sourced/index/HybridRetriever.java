package dev.sourced.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * Lexical (BM25 over translated terms) and dense (nearest embeddings) retrieval, fused. Each list is normalised to
 * [0, 1] by its own best score before the weighted sum, so a list of uniformly weak dense scores cannot outvote a
 * confident lexical one; the dense weight is what the measurements in the README support.
 */
public final class HybridRetriever {
    public enum Fusion { WEIGHTED, RRF }

    /** Which retrievers run and how their lists are combined. */
    public record Options(boolean lexical, boolean dense, Fusion fusion, double denseWeight, int candidates) {
        public static final double DEFAULT_DENSE_WEIGHT = 0.3;
        public static final int DEFAULT_CANDIDATES = 25;
        public static final Options DEFAULT = new Options(true, true, Fusion.WEIGHTED, DEFAULT_DENSE_WEIGHT, DEFAULT_CANDIDATES);
        static final int RRF_K = 60;
    }

    private final PassageIndex index;
    private final Embedder embedder;
    private final LexicalQueryBuilder queries;
    private final Options options;

    public HybridRetriever(PassageIndex index, Embedder embedder, LexicalQueryBuilder queries, Options options) {
        this.index = index;
        this.embedder = embedder;
        this.queries = queries;
        this.options = options;
    }

    public PassageIndex index() {
        return index;
    }

    public List<PassageHit> lexical(ParsedQuestion q, int k) {
        Query query = queries.build(q);
        if (query instanceof BooleanQuery bq && bq.clauses().isEmpty()) {
            return List.of();
        }
        return index.search(query, k);
    }

    public List<PassageHit> dense(ParsedQuestion q, int k) {
        if (embedder == null) return List.of();
        float[] v = vectors.get(q.embeddingText());
        if (v == null) {
            v = embedder.embedQuery(q.embeddingText());
            vectors.put(q.embeddingText(), v);
        }
        return index.nearest(v, k);
    }

    /** Embeddings of recent questions: the model is the costliest step of a question, and questions repeat. */
    private final Map<String, float[]> vectors = java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > RECENT_VECTORS;
        }
    });
    static final int RECENT_VECTORS = 4096;

    /** Forgets the embeddings of recent questions (benchmarks measure the model, not the cache). */
    public void forgetRecent() {
        vectors.clear();
    }

    /** The best {@code k} passages for the question, fused. */
    public List<PassageHit> retrieve(ParsedQuestion q, int k) {
        int n = Math.max(k, options.candidates());
        List<PassageHit> lex = options.lexical() ? lexical(q, n) : List.of();
        List<PassageHit> den = options.dense() ? dense(q, n) : List.of();
        List<PassageHit> fused = options.fusion() == Fusion.RRF ? rrf(lex, den) : weighted(lex, den, options.denseWeight());
        return fused.size() > k ? fused.subList(0, k) : fused;
    }

    static List<PassageHit> weighted(List<PassageHit> lex, List<PassageHit> den, double denseWeight) {
        double maxLex = lex.stream().mapToDouble(PassageHit::lexical).max().orElse(1);
        double maxDen = den.stream().mapToDouble(PassageHit::dense).max().orElse(1);
        double minDen = den.stream().mapToDouble(PassageHit::dense).min().orElse(0);
        double lexWeight = lex.isEmpty() ? 0 : 1;
        Map<Long, PassageHit> byId = new LinkedHashMap<>();
        Map<Long, double[]> scores = new HashMap<>();
        for (PassageHit h : lex) {
            byId.put(h.passageId(), h);
            scores.computeIfAbsent(h.passageId(), x -> new double[2])[0] = h.lexical();
        }
        for (PassageHit h : den) {
            byId.putIfAbsent(h.passageId(), h);
            scores.computeIfAbsent(h.passageId(), x -> new double[2])[1] = h.dense();
        }
        List<PassageHit> out = new ArrayList<>();
        for (var e : byId.entrySet()) {
            double[] s = scores.get(e.getKey());
            double l = maxLex > 0 ? s[0] / maxLex : 0;
            double d = s[1] == 0 || maxDen <= minDen ? (s[1] > 0 ? 1 : 0) : (s[1] - minDen) / (maxDen - minDen);
            double w = lex.isEmpty() ? 1 : denseWeight;
            out.add(e.getValue().withScores(s[0], s[1], lexWeight * l + w * d));
        }
        out.sort(Comparator.comparingDouble(PassageHit::score).reversed());
        return out;
    }

    static List<PassageHit> rrf(List<PassageHit> lex, List<PassageHit> den) {
        Map<Long, PassageHit> byId = new LinkedHashMap<>();
        Map<Long, double[]> scores = new HashMap<>();
        for (int i = 0; i < lex.size(); i++) {
            PassageHit h = lex.get(i);
            byId.put(h.passageId(), h);
            double[] s = scores.computeIfAbsent(h.passageId(), x -> new double[3]);
            s[0] = h.lexical();
            s[2] += 1.0 / (Options.RRF_K + i + 1);
        }
        for (int i = 0; i < den.size(); i++) {
            PassageHit h = den.get(i);
            byId.putIfAbsent(h.passageId(), h);
            double[] s = scores.computeIfAbsent(h.passageId(), x -> new double[3]);
            s[1] = h.dense();
            s[2] += 1.0 / (Options.RRF_K + i + 1);
        }
        List<PassageHit> out = new ArrayList<>();
        for (var e : byId.entrySet()) {
            double[] s = scores.get(e.getKey());
            out.add(e.getValue().withScores(s[0], s[1], s[2]));
        }
        out.sort(Comparator.comparingDouble(PassageHit::score).reversed());
        return out;
    }
}
