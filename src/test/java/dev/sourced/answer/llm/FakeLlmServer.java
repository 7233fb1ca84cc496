package dev.sourced.answer.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 that speaks enough of the OpenAI chat completions API ({@code POST
 * /v1/chat/completions}) and of Ollama's ({@code POST /api/chat}) to script a model's replies, and records every
 * request it receives.
 */
final class FakeLlmServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    record Received(String method, String path, String authorization, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The content of the first message with this role. */
        String message(String role) {
            for (JsonNode m : json().get("messages")) {
                if (m.get("role").asText().equals(role)) return m.get("content").asText();
            }
            throw new AssertionError("no " + role + " message in " + body);
        }
    }

    /** What the server does with one request. */
    interface Reply {
        void send(HttpExchange exchange, CountDownLatch release) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private FakeLlmServer(HttpServer server) {
        this.server = server;
    }

    static FakeLlmServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeLlmServer fake = new FakeLlmServer(http);
        http.setExecutor(fake.executor);
        http.createContext("/", fake::handle);
        http.start();
        return fake;
    }

    /** The OpenAI-style base URL, ending in /v1. */
    String openAiUrl() {
        return root() + "/v1";
    }

    String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeLlmServer then(Reply reply) {
        replies.add(reply);
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                    ex.getRequestHeaders().getFirst("Authorization"), body));
            Reply reply = replies.poll();
            if (reply == null) reply = status(500, "{\"error\":{\"message\":\"no scripted reply\"}}");
            reply.send(ex, release);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (for example after its timeout)
        }
    }

    /** An OpenAI chat completion whose message content is {@code content}. */
    static Reply openAi(String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_700_000_000L).put("model", "test-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
        return json(200, root.toString());
    }

    /** An Ollama /api/chat reply (not streamed) whose message content is {@code content}. */
    static Reply ollama(String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", "test-model").put("created_at", "2025-03-03T10:00:00.000000Z");
        root.putObject("message").put("role", "assistant").put("content", content);
        root.put("done", true).put("done_reason", "stop").put("total_duration", 1000).put("prompt_eval_count", 100).put("eval_count", 20);
        return json(200, root.toString());
    }

    static Reply json(int status, String body) {
        return (ex, release) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    static Reply status(int status, String body) {
        return json(status, body);
    }

    /** Answers nothing until the server is closed (or a minute passes). */
    static Reply hang() {
        return (ex, release) -> release.await(60, TimeUnit.SECONDS);
    }

    /** Sends the headers and the start of a body, then nothing until the server is closed. */
    static Reply hangMidBody() {
        return (ex, release) -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("{\"id\":\"chatcmpl-test\",\"object\":\"chat.completion\",\"choices\":[".getBytes(StandardCharsets.UTF_8));
            out.flush();
            release.await(60, TimeUnit.SECONDS);
        };
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
