package dev.sourced.answer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A logistic regression over named features: {@code p = 1 / (1 + e^-(bias + Σ w·x))}, with a decision threshold.
 * Its weights are fitted on labelled questions ({@code sourced calibrate}) and shipped as a properties file, so the
 * signals that decide are measured, not tuned by hand. A feature the model has no weight for counts 0.
 */
public record Logistic(Map<String, Double> weights, double bias, double threshold) {
    /** Penalty on the weights' squares: keeps a rare feature from taking a large weight from a few examples. */
    static final double L2 = 1e-2;
    static final int EPOCHS = 600;
    static final double LEARNING_RATE = 0.5;

    public Logistic {
        weights = Map.copyOf(weights);
        if (!(threshold > 0 && threshold < 1)) throw new IllegalArgumentException("threshold: expected in (0, 1), got " + threshold);
    }

    /** One labelled example: the features of a question or passage, whether it is a positive, and how much it counts. */
    public record Example(Map<String, Double> features, boolean positive, double weight) {
        public Example(Map<String, Double> features, boolean positive) {
            this(features, positive, 1);
        }
    }

    /** The linear score {@code bias + Σ w·x}: what a ranking model orders by. */
    public double score(Map<String, Double> features) {
        double z = bias;
        for (var e : features.entrySet()) {
            Double w = weights.get(e.getKey());
            if (w != null) z += w * e.getValue();
        }
        return z;
    }

    public double probability(Map<String, Double> features) {
        return 1 / (1 + Math.exp(-score(features)));
    }

    public boolean accepts(Map<String, Double> features) {
        return probability(features) >= threshold;
    }

    /**
     * Fits the weights by full-batch gradient descent on the log loss (with a small L2 penalty), features standardised
     * while fitting and the weights mapped back, so that no feature's scale decides its learning rate. The threshold is
     * the one that classifies the examples best.
     */
    public static Logistic fit(List<Example> examples, List<String> features) {
        if (examples.isEmpty()) throw new IllegalArgumentException("examples: none to fit on");
        int n = examples.size(), d = features.size();
        double[][] x = new double[n][d];
        double[] y = new double[n], weight = new double[n];
        double[] mean = new double[d], sd = new double[d];
        double totalWeight = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) x[i][j] = examples.get(i).features().getOrDefault(features.get(j), 0.0);
            y[i] = examples.get(i).positive() ? 1 : 0;
            weight[i] = examples.get(i).weight();
            totalWeight += weight[i];
        }
        for (int j = 0; j < d; j++) {
            double s = 0, ss = 0;
            for (int i = 0; i < n; i++) {
                s += x[i][j];
                ss += x[i][j] * x[i][j];
            }
            mean[j] = s / n;
            sd[j] = Math.sqrt(Math.max(1e-12, ss / n - mean[j] * mean[j]));
            for (int i = 0; i < n; i++) x[i][j] = (x[i][j] - mean[j]) / sd[j];
        }
        double[] w = new double[d];
        double b = 0;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            double[] g = new double[d];
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double z = b;
                for (int j = 0; j < d; j++) z += w[j] * x[i][j];
                double err = (1 / (1 + Math.exp(-z)) - y[i]) * weight[i];
                gb += err;
                for (int j = 0; j < d; j++) g[j] += err * x[i][j];
            }
            b -= LEARNING_RATE * gb / totalWeight;
            for (int j = 0; j < d; j++) w[j] -= LEARNING_RATE * (g[j] / totalWeight + L2 * w[j]);
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        double bias = b;
        for (int j = 0; j < d; j++) {
            weights.put(features.get(j), w[j] / sd[j]);
            bias -= w[j] * mean[j] / sd[j];
        }
        Logistic unthresholded = new Logistic(weights, bias, 0.5);
        return new Logistic(weights, bias, bestThreshold(unthresholded, examples));
    }

    /**
     * Fits weights that rank: for each group (the candidates of one question, at least one positive), the softmax of
     * the scores puts as much probability as it can on the positives (a conditional logit). Only differences within a
     * group matter, so how hard a question is in general does not pull the weights. The bias is 0.
     */
    public static Logistic fitRanking(List<List<Example>> groups, List<String> features) {
        List<List<Example>> usable = groups.stream()
                .filter(g -> g.stream().anyMatch(Example::positive) && g.stream().anyMatch(e -> !e.positive())).toList();
        if (usable.isEmpty()) throw new IllegalArgumentException("groups: none with both a positive and a negative");
        int d = features.size();
        List<double[][]> xs = new java.util.ArrayList<>();
        for (List<Example> g : usable) {
            double[][] x = new double[g.size()][d];
            for (int i = 0; i < g.size(); i++) {
                for (int j = 0; j < d; j++) x[i][j] = g.get(i).features().getOrDefault(features.get(j), 0.0);
            }
            xs.add(x);
        }
        double[] w = new double[d];
        double[] m = new double[d], v = new double[d];
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            double[] grad = new double[d];
            for (int gi = 0; gi < usable.size(); gi++) {
                List<Example> g = usable.get(gi);
                double[][] x = xs.get(gi);
                double[] z = new double[g.size()];
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < g.size(); i++) {
                    for (int j = 0; j < d; j++) z[i] += w[j] * x[i][j];
                    max = Math.max(max, z[i]);
                }
                double all = 0, pos = 0;
                for (int i = 0; i < g.size(); i++) {
                    z[i] = Math.exp(z[i] - max);
                    all += z[i];
                    if (g.get(i).positive()) pos += z[i];
                }
                // d(-log(pos/all))/dw = E_all[x] - E_pos[x]
                for (int i = 0; i < g.size(); i++) {
                    double coef = z[i] / all - (g.get(i).positive() ? z[i] / pos : 0);
                    for (int j = 0; j < d; j++) grad[j] += coef * x[i][j];
                }
            }
            // Adam steps: the features differ in scale and the loss surface is flat in places
            for (int j = 0; j < d; j++) {
                double gj = grad[j] / usable.size() + L2 * w[j];
                m[j] = 0.9 * m[j] + 0.1 * gj;
                v[j] = 0.999 * v[j] + 0.001 * gj * gj;
                double mh = m[j] / (1 - Math.pow(0.9, epoch)), vh = v[j] / (1 - Math.pow(0.999, epoch));
                w[j] -= 0.05 * mh / (Math.sqrt(vh) + 1e-8);
            }
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int j = 0; j < d; j++) weights.put(features.get(j), w[j]);
        return new Logistic(weights, 0, 0.5);
    }

    /** The threshold that classifies the most weight right (ties: the one nearest 0.5). */
    static double bestThreshold(Logistic model, List<Example> examples) {
        double best = 0.5;
        double bestRight = -1;
        for (int t = 5; t <= 95; t++) {
            double th = t / 100.0;
            double right = 0;
            for (Example e : examples) if ((model.probability(e.features()) >= th) == e.positive()) right += e.weight();
            if (right > bestRight + 1e-12 || (Math.abs(right - bestRight) <= 1e-12 && Math.abs(th - 0.5) < Math.abs(best - 0.5))) {
                bestRight = right;
                best = th;
            }
        }
        return best;
    }

    /** The model as properties text: {@code bias}, {@code threshold}, and one {@code w.NAME} line per feature. */
    public String toProperties(String comment) {
        StringBuilder sb = new StringBuilder();
        comment.lines().forEach(l -> sb.append("# ").append(l).append('\n'));
        sb.append("bias=").append(fmt(bias)).append('\n');
        sb.append("threshold=").append(fmt(threshold)).append('\n');
        weights.forEach((k, v) -> sb.append("w.").append(k).append('=').append(fmt(v)).append('\n'));
        return sb.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    public static Logistic parse(String properties) {
        return read(new StringReader(properties), "model");
    }

    /** The model shipped as a class-path resource. */
    public static Logistic resource(String name) {
        try (InputStream in = Logistic.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("model resource " + name + " is missing from the build");
            return read(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Logistic read(Reader reader, String name) {
        Properties p = new Properties();
        try {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Double> w = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(p.stringPropertyNames());
        keys.sort(null);
        try {
            for (String k : keys) if (k.startsWith("w.")) w.put(k.substring(2), Double.parseDouble(p.getProperty(k)));
            return new Logistic(w, Double.parseDouble(p.getProperty("bias", "0")), Double.parseDouble(p.getProperty("threshold", "0.5")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number (" + e.getMessage() + ")");
        }
    }
}
