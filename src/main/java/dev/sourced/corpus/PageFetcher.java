package dev.sourced.corpus;

import dev.sourced.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches a web page for {@code /add URL} and {@code sourced ingest URL}: http and https only, a few redirects followed (each checked again), the
 * whole fetch bounded in time and the body in size. Addresses of the local network are refused unless allowed (the
 * bot must not become a way into it). Every refusal is a {@link CorpusException} saying why.
 */
public final class PageFetcher {
    /** The bounds of one fetch. */
    public record Limits(long maxBytes, Duration connectTimeout, Duration timeout, int maxRedirects, boolean allowPrivateAddresses) {
        public static final String ENV_LOCAL = "SOURCED_FETCH_LOCAL";
        public static final Limits DEFAULT = new Limits(5L * 1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(20), 5, false);

        public Limits withPrivateAddresses(boolean allow) {
            return new Limits(maxBytes, connectTimeout, timeout, maxRedirects, allow);
        }

        /**
         * The default limits; {@value #ENV_LOCAL} = true lets links to the local network be fetched (a private
         * deployment, tests). Anything but true or false is a {@link ConfigException} naming the setting.
         */
        public static Limits fromEnv(Map<String, String> env) {
            String v = env.getOrDefault(ENV_LOCAL, "false").strip().toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw new ConfigException(ENV_LOCAL + ": expected true or false, got '" + v + "'");
            }
            return DEFAULT.withPrivateAddresses(v.equals("true"));
        }
    }

    /** A fetched page: where it ended up after redirects, its content type and its bytes. */
    public record Page(URI url, String contentType, byte[] body) {
        public boolean html() {
            return contentType.contains("html") || contentType.isEmpty();
        }

        public boolean pdf() {
            return contentType.contains("application/pdf");
        }

        public boolean plainText() {
            return contentType.startsWith("text/plain");
        }
    }

    private final Limits limits;
    private final HttpClient http;

    public PageFetcher(Limits limits) {
        this.limits = limits;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(limits.connectTimeout()).build();
    }

    public PageFetcher() {
        this(Limits.DEFAULT);
    }

    /** Checks that {@code url} is an absolute http(s) URL with a host; returns it parsed. */
    public static URI check(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (Exception e) {
            throw new CorpusException(url + ": not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new CorpusException(url + ": only http and https links can be added");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new CorpusException(url + ": the link has no host");
        }
        return uri;
    }

    /** True for an absolute http(s) URL with a host. */
    public static boolean isWebUrl(String url) {
        if (url == null || url.isBlank()) return false;
        try {
            check(url);
            return true;
        } catch (CorpusException e) {
            return false;
        }
    }

    public Page fetch(String url) {
        URI start = check(url);
        AtomicReference<InputStream> body = new AtomicReference<>();
        CompletableFuture<Page> work = CompletableFuture.supplyAsync(() -> follow(start, body),
                command -> Thread.ofVirtual().name("sourced-fetch").start(command));
        try {
            return work.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            closeQuietly(body.get());
            throw new CorpusException(url + ": the site did not answer in time (" + limits.timeout().toSeconds() + " s)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CorpusException ce) throw ce;
            throw new CorpusException(url + ": cannot be fetched (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CorpusException(url + ": interrupted");
        }
    }

    private Page follow(URI start, AtomicReference<InputStream> body) {
        URI uri = start;
        for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
            uri = check(uri.toString());
            if (!limits.allowPrivateAddresses()) {
                refusePrivate(uri);
            }
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(limits.timeout()).GET()
                    .header("User-Agent", "SourcedBot/0.1 (+news corpus curation)")
                    .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.8,application/pdf;q=0.5").build();
            HttpResponse<InputStream> r;
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (java.net.ConnectException e) {
                throw new CorpusException(uri + ": the site cannot be reached (connection refused)");
            } catch (java.net.http.HttpTimeoutException e) {
                throw new CorpusException(uri + ": the site did not answer in time");
            } catch (IOException e) {
                throw new CorpusException(uri + ": the site cannot be reached (" + e.getClass().getSimpleName() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CorpusException(uri + ": interrupted");
            }
            body.set(r.body());
            int status = r.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                closeQuietly(r.body());
                String location = r.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new CorpusException(uri + ": redirect without a destination");
                }
                try {
                    uri = uri.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    throw new CorpusException(uri + ": redirect to an invalid URL");
                }
                continue;
            }
            if (status != 200) {
                closeQuietly(r.body());
                throw new CorpusException(uri + ": the site answered HTTP " + status + (status == 404 ? " (not found)" : ""));
            }
            String type = r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (!(type.isEmpty() || type.contains("html") || type.startsWith("text/plain") || type.contains("application/pdf"))) {
                closeQuietly(r.body());
                throw new CorpusException(uri + ": not an article page (" + type.split(";")[0] + ")");
            }
            long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limits.maxBytes()) {
                closeQuietly(r.body());
                throw new CorpusException(uri + ": the page is too large (over " + limits.maxBytes() / (1024 * 1024) + " MB)");
            }
            return new Page(uri, type, read(uri, r.body()));
        }
        throw new CorpusException(start + ": too many redirects (more than " + limits.maxRedirects() + ")");
    }

    private byte[] read(URI uri, InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
            if (bytes.length > limits.maxBytes()) {
                throw new CorpusException(uri + ": the page is too large (over " + limits.maxBytes() / (1024 * 1024) + " MB)");
            }
            return bytes;
        } catch (IOException e) {
            throw new CorpusException(uri + ": the download broke off (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void refusePrivate(URI uri) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new CorpusException(uri + ": unknown host " + uri.getHost());
        }
        for (InetAddress a : addresses) {
            if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                    || a.isMulticastAddress() || isUniqueLocal(a)) {
                throw new CorpusException(uri + ": links to the local network are not fetched");
            }
        }
    }

    private static boolean isUniqueLocal(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }

    private static void closeQuietly(InputStream in) {
        if (in == null) return;
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
