package dev.sourced.telegram;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * How the bot connects and behaves. Read from the environment by {@link #fromEnv}; tests and the benchmark adjust it
 * with the {@code with…} methods. {@link #toString()} never shows the token or the webhook secret.
 *
 * @param token              the bot token ({@value #ENV_TOKEN})
 * @param apiUrl             another Bot API server for every call, polling included ({@value #ENV_API_URL}); null for
 *                           Telegram's
 * @param webhookUrl         the public URL Telegram posts updates to ({@value #ENV_WEBHOOK_URL}); null for long polling
 * @param webhookSecret      the secret Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}
 *                           ({@value #ENV_WEBHOOK_SECRET}; generated when not set)
 * @param webhookBindAddress the local address the webhook server listens on
 * @param webhookPort        the local port of the webhook server ({@value #ENV_WEBHOOK_PORT})
 * @param rateLimitPerMinute questions one reader may ask per minute ({@value #ENV_RATE_LIMIT}); 0 for no limit
 * @param pollTimeoutSeconds how long one getUpdates call waits for updates
 * @param shutdownGrace      how long {@code close()} lets replies under way finish
 * @param typingDelay        how long an answer may take before the chat shows "typing…"
 * @param replica            this replica's name among those sharing one database ({@value #ENV_REPLICA}; default the
 *                           host name); it names the updates it claims and the leases it holds
 */
public record BotConfig(String token, URI apiUrl, URI webhookUrl, String webhookSecret, String webhookBindAddress,
                        int webhookPort, int rateLimitPerMinute, int pollTimeoutSeconds, Duration shutdownGrace,
                        Duration typingDelay, String replica) {
    public static final String ENV_TOKEN = "TELEGRAM_BOT_TOKEN";
    public static final String ENV_API_URL = "SOURCED_TELEGRAM_API_URL";
    public static final String ENV_WEBHOOK_URL = "SOURCED_WEBHOOK_URL";
    public static final String ENV_WEBHOOK_SECRET = "SOURCED_WEBHOOK_SECRET";
    public static final String ENV_WEBHOOK_PORT = "SOURCED_WEBHOOK_PORT";
    public static final String ENV_RATE_LIMIT = "SOURCED_RATE_LIMIT_PER_MINUTE";
    public static final String ENV_REPLICA = "SOURCED_REPLICA";
    public static final int DEFAULT_WEBHOOK_PORT = 8443;
    public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 20;
    public static final int DEFAULT_POLL_TIMEOUT_SECONDS = 50;
    /** Leaves a margin under the 10 s a stop may take. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(6);
    /** An answer ready within this needs no "typing…" (the call would only cost a request). */
    public static final Duration DEFAULT_TYPING_DELAY = Duration.ofMillis(500);
    private static final String ALL_INTERFACES = "0.0.0.0";
    private static final int SECRET_BYTES = 32;
    private static final int MAX_SECRET_LENGTH = 256;

    public BotConfig {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(ENV_TOKEN + " is not set: give the bot token from @BotFather");
        }
        if (token.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch == '/')) {
            throw new IllegalArgumentException(ENV_TOKEN + " is malformed (it contains a space or a slash)");
        }
        if (webhookSecret == null || webhookSecret.isBlank()) {
            webhookSecret = generateSecret();
        }
        if (webhookSecret.length() > MAX_SECRET_LENGTH || !webhookSecret.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException(ENV_WEBHOOK_SECRET + " must be 1-256 characters among A-Z, a-z, 0-9, _ and -");
        }
        if (webhookPort < 0 || webhookPort > 65535) {
            throw new IllegalArgumentException(ENV_WEBHOOK_PORT + " must be a port number, not " + webhookPort);
        }
        if (rateLimitPerMinute < 0) {
            throw new IllegalArgumentException(ENV_RATE_LIMIT + " must be 0 (no limit) or more, not " + rateLimitPerMinute);
        }
        if (pollTimeoutSeconds < 0) {
            throw new IllegalArgumentException("poll timeout must not be negative");
        }
        webhookBindAddress = webhookBindAddress == null || webhookBindAddress.isBlank() ? ALL_INTERFACES : webhookBindAddress;
        shutdownGrace = shutdownGrace == null ? DEFAULT_SHUTDOWN_GRACE : shutdownGrace;
        typingDelay = typingDelay == null ? DEFAULT_TYPING_DELAY : typingDelay;
        replica = replica == null || replica.isBlank() ? hostName() : replica.strip();
        if (replica.length() > 100 || !replica.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException(ENV_REPLICA + " must be 1-100 characters among A-Z, a-z, 0-9, _, . and -");
        }
    }

    /** The replica name the environment gives ({@value #ENV_REPLICA}, else the host name). */
    public static String replicaName(Map<String, String> env) {
        String r = env.get(ENV_REPLICA);
        return r == null || r.isBlank() ? hostName() : r.strip();
    }

    private static String hostName() {
        try {
            String h = java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_.-]", "-");
            return h.isBlank() ? "replica" : h.length() > 100 ? h.substring(0, 100) : h;
        } catch (java.io.IOException e) {
            return "replica";
        }
    }

    /** The configuration for a token, with every other setting at its default (long polling, Telegram's servers). */
    public static BotConfig of(String token) {
        return new BotConfig(token, null, null, null, null, DEFAULT_WEBHOOK_PORT, DEFAULT_RATE_LIMIT_PER_MINUTE,
                DEFAULT_POLL_TIMEOUT_SECONDS, DEFAULT_SHUTDOWN_GRACE, DEFAULT_TYPING_DELAY, null);
    }

    /** Reads the configuration from environment variables ({@code System.getenv()} in production). */
    public static BotConfig fromEnv(Map<String, String> env) {
        return new BotConfig(env.get(ENV_TOKEN), uri(env, ENV_API_URL), uri(env, ENV_WEBHOOK_URL),
                env.get(ENV_WEBHOOK_SECRET), null, integer(env, ENV_WEBHOOK_PORT, DEFAULT_WEBHOOK_PORT),
                integer(env, ENV_RATE_LIMIT, DEFAULT_RATE_LIMIT_PER_MINUTE), DEFAULT_POLL_TIMEOUT_SECONDS,
                DEFAULT_SHUTDOWN_GRACE, DEFAULT_TYPING_DELAY, env.get(ENV_REPLICA));
    }

    public boolean webhookMode() {
        return webhookUrl != null;
    }

    public BotConfig withApiUrl(URI url) {
        return new BotConfig(token, url, webhookUrl, webhookSecret, webhookBindAddress, webhookPort, rateLimitPerMinute,
                pollTimeoutSeconds, shutdownGrace, typingDelay, replica);
    }

    public BotConfig withWebhook(URI url, String secret, String bindAddress, int port) {
        return new BotConfig(token, apiUrl, url, secret, bindAddress, port, rateLimitPerMinute, pollTimeoutSeconds,
                shutdownGrace, typingDelay, replica);
    }

    public BotConfig withRateLimitPerMinute(int limit) {
        return new BotConfig(token, apiUrl, webhookUrl, webhookSecret, webhookBindAddress, webhookPort, limit,
                pollTimeoutSeconds, shutdownGrace, typingDelay, replica);
    }

    public BotConfig withPollTimeoutSeconds(int seconds) {
        return new BotConfig(token, apiUrl, webhookUrl, webhookSecret, webhookBindAddress, webhookPort, rateLimitPerMinute,
                seconds, shutdownGrace, typingDelay, replica);
    }

    public BotConfig withShutdownGrace(Duration grace) {
        return new BotConfig(token, apiUrl, webhookUrl, webhookSecret, webhookBindAddress, webhookPort, rateLimitPerMinute,
                pollTimeoutSeconds, grace, typingDelay, replica);
    }

    public BotConfig withReplica(String name) {
        return new BotConfig(token, apiUrl, webhookUrl, webhookSecret, webhookBindAddress, webhookPort, rateLimitPerMinute,
                pollTimeoutSeconds, shutdownGrace, typingDelay, name);
    }

    public BotConfig withTypingDelay(Duration delay) {
        return new BotConfig(token, apiUrl, webhookUrl, webhookSecret, webhookBindAddress, webhookPort, rateLimitPerMinute,
                pollTimeoutSeconds, shutdownGrace, delay, replica);
    }

    @Override
    public String toString() {
        return "BotConfig[token=***, apiUrl=" + (apiUrl == null ? "telegram" : apiUrl) + ", mode="
                + (webhookMode() ? "webhook " + webhookUrl + " on " + webhookBindAddress + ":" + webhookPort : "long polling")
                + ", webhookSecret=***, rateLimitPerMinute=" + rateLimitPerMinute + ", pollTimeoutSeconds="
                + pollTimeoutSeconds + ", shutdownGrace=" + shutdownGrace + ", typingDelay=" + typingDelay + ", replica=" + replica + "]";
    }

    private static URI uri(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(v.strip());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException(name + " must be an http(s) URL with a host, not " + v);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a URL: " + v, e);
        }
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + v, e);
        }
    }

    private static String generateSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
