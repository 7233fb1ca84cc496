package dev.sourced.botsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of a Bot API request, however they come: query string, JSON body, form or multipart/form-data (the
 * library sends setWebhook as multipart). Values that are JSON (keyboards, lists) are parsed.
 */
final class BotApiRequests {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern PART_NAME = Pattern.compile("name=\"([^\"]+)\"");
    private static final String CRLF = "\r\n";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper json;

    BotApiRequests(ObjectMapper json) {
        this.json = json;
    }

    JsonNode params(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        String type = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("").toLowerCase(Locale.ROOT);
        ObjectNode out = NODES.objectNode();
        String query = ex.getRequestURI().getRawQuery();
        if (query != null) {
            form(query, out);
        }
        if (body.length == 0) {
            return out;
        }
        if (type.startsWith("application/json")) {
            JsonNode n = json.readTree(body);
            if (n.isObject()) {
                out.setAll((ObjectNode) n);
            }
        } else if (type.startsWith("multipart/form-data")) {
            multipart(new String(body, StandardCharsets.UTF_8), type, out);
        } else {
            form(new String(body, StandardCharsets.UTF_8), out);
        }
        return out;
    }

    private void form(String encoded, ObjectNode out) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.set(k, value(v));
        }
    }

    private void multipart(String body, String contentType, ObjectNode out) {
        Matcher b = BOUNDARY.matcher(contentType);
        if (!b.find()) {
            return;
        }
        for (String part : body.split(Pattern.quote("--" + b.group(1)))) {
            int headersEnd = part.indexOf(CRLF + CRLF);
            if (headersEnd < 0) {
                continue;
            }
            Matcher name = PART_NAME.matcher(part.substring(0, headersEnd));
            if (!name.find()) {
                continue;
            }
            String value = part.substring(headersEnd + 2 * CRLF.length());
            if (value.endsWith(CRLF)) {
                value = value.substring(0, value.length() - CRLF.length());
            }
            out.set(name.group(1), value(value));
        }
    }

    private JsonNode value(String v) {
        String t = v.strip();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return json.readTree(t);
            } catch (IOException e) {
                return NODES.textNode(v);
            }
        }
        return NODES.textNode(v);
    }
}
