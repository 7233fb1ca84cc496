package dev.sourced.answer.llm;

import dev.sourced.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the optional LLM that words answers, read from the environment. Off unless {@code SOURCED_LLM} names a
 * provider. A malformed setting throws a {@link ConfigException} naming the variable.
 *
 * <ul>
 * <li>{@code SOURCED_LLM}: {@code off} (default), {@code openai} (any OpenAI-compatible chat completions endpoint) or
 * {@code ollama}</li>
 * <li>{@code SOURCED_LLM_BASE_URL}: the endpoint, for example {@code http://localhost:8000/v1}; openai: OpenAI's own
 * API when unset; ollama: {@code http://localhost:11434}</li>
 * <li>{@code SOURCED_LLM_API_KEY}: the API key (openai; required when no base URL is set); never logged or printed</li>
 * <li>{@code SOURCED_LLM_MODEL}: the model name (required)</li>
 * <li>{@code SOURCED_LLM_TIMEOUT_MS}: how long one call may take, in milliseconds (default 8000)</li>
 * <li>{@code SOURCED_LLM_TEMPERATURE}: sampling temperature (default 0); {@code default} sends none, for models that
 * accept only their own</li>
 * </ul>
 *
 * @param baseUrl     null for the provider's default
 * @param apiKey      null when none
 * @param temperature null to send none
 */
public record LlmSettings(Provider provider, String baseUrl, String apiKey, String model, Duration timeout, Double temperature) {
    public static final String DEFAULT_OLLAMA_URL = "http://localhost:11434";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(8000);

    public enum Provider { OPENAI, OLLAMA }

    public LlmSettings {
        if (provider == null) throw new IllegalArgumentException("provider");
        if (model == null || model.isBlank()) throw new IllegalArgumentException("model");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout");
        if (provider == Provider.OLLAMA && baseUrl == null) baseUrl = DEFAULT_OLLAMA_URL;
    }

    public static Optional<LlmSettings> fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static Optional<LlmSettings> fromEnvironment(Map<String, String> env) {
        String p = value(env, "SOURCED_LLM");
        if (p == null || p.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        Provider provider = switch (p.toLowerCase(Locale.ROOT)) {
            case "openai" -> Provider.OPENAI;
            case "ollama" -> Provider.OLLAMA;
            default -> throw new ConfigException("SOURCED_LLM: expected off, openai or ollama, got '" + p + "'");
        };
        String baseUrl = value(env, "SOURCED_LLM_BASE_URL");
        if (baseUrl != null) {
            checkUrl(baseUrl);
        }
        String apiKey = value(env, "SOURCED_LLM_API_KEY");
        if (provider == Provider.OPENAI && baseUrl == null && apiKey == null) {
            throw new ConfigException("SOURCED_LLM_API_KEY: required with SOURCED_LLM=openai and no SOURCED_LLM_BASE_URL");
        }
        String model = value(env, "SOURCED_LLM_MODEL");
        if (model == null) {
            throw new ConfigException("SOURCED_LLM_MODEL: required with SOURCED_LLM=" + p.toLowerCase(Locale.ROOT));
        }
        Duration timeout = DEFAULT_TIMEOUT;
        String t = value(env, "SOURCED_LLM_TIMEOUT_MS");
        if (t != null) {
            long ms;
            try {
                ms = Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new ConfigException("SOURCED_LLM_TIMEOUT_MS: not a whole number of milliseconds: '" + t + "'");
            }
            if (ms < 1 || ms > 600_000) {
                throw new ConfigException("SOURCED_LLM_TIMEOUT_MS: must be between 1 and 600000, got " + ms);
            }
            timeout = Duration.ofMillis(ms);
        }
        Double temperature = 0.0;
        String temp = value(env, "SOURCED_LLM_TEMPERATURE");
        if (temp != null) {
            if (temp.equalsIgnoreCase("default")) {
                temperature = null;
            } else {
                try {
                    temperature = Double.parseDouble(temp);
                } catch (NumberFormatException e) {
                    throw new ConfigException("SOURCED_LLM_TEMPERATURE: not a number: '" + temp + "'");
                }
                if (!(temperature >= 0 && temperature <= 2)) {
                    throw new ConfigException("SOURCED_LLM_TEMPERATURE: must be between 0 and 2, got " + temp);
                }
            }
        }
        return Optional.of(new LlmSettings(provider, baseUrl, apiKey, model, timeout, temperature));
    }

    /** Never shows the API key. */
    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", model=" + model + ", timeout=" + timeout.toMillis() + "ms, temperature=" + temperature + "]";
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static void checkUrl(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || u.getHost() == null) {
                throw new ConfigException("SOURCED_LLM_BASE_URL: expected an http(s) URL with a host, got '" + url + "'");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException("SOURCED_LLM_BASE_URL: not a URL: '" + url + "'");
        }
    }
}
