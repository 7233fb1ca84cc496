package dev.sourced.botsim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Telegram's HTML parse mode, checked as strictly as its server does (stricter where the documentation is): only the
 * supported tags, properly nested and closed, no blockquote inside a blockquote, and every {@code <}, {@code >} and
 * {@code &} of the text written as an entity. Used by {@link LocalBotApiServer} to refuse what Telegram would refuse.
 */
public final class TelegramHtml {
    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span",
            "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote");
    private static final Map<String, String> NAMED_ENTITIES = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"");

    private TelegramHtml() {
    }

    /** The text a reader sees, tags removed and entities decoded; throws {@link IllegalArgumentException} if invalid. */
    public static String visibleText(String html) {
        StringBuilder text = new StringBuilder(html.length());
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char ch = html.charAt(i);
            if (ch == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed start tag at byte offset " + i);
                }
                tag(html.substring(i + 1, end), open, i);
                i = end + 1;
            } else if (ch == '&') {
                int end = html.indexOf(';', i);
                if (end < 0 || end - i > 10) {
                    throw new IllegalArgumentException("unescaped & at offset " + i);
                }
                text.append(entity(html.substring(i + 1, end), i));
                i = end + 1;
            } else if (ch == '>') {
                throw new IllegalArgumentException("unescaped > at offset " + i);
            } else {
                text.append(ch);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        }
        return text.toString();
    }

    /** Whether the HTML would be accepted. */
    public static boolean isValid(String html) {
        try {
            visibleText(html);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void tag(String body, Deque<String> open, int at) {
        if (body.startsWith("/")) {
            String name = body.substring(1).strip().toLowerCase(Locale.ROOT);
            if (open.isEmpty() || !open.peek().equals(name)) {
                throw new IllegalArgumentException("unmatched end tag \"" + name + "\" at offset " + at);
            }
            open.pop();
            return;
        }
        int space = indexOfWhitespace(body);
        String name = (space < 0 ? body : body.substring(0, space)).toLowerCase(Locale.ROOT);
        String attributes = space < 0 ? "" : body.substring(space).strip();
        if (!TAGS.contains(name)) {
            throw new IllegalArgumentException("unsupported start tag \"" + name + "\" at offset " + at);
        }
        if (name.equals("blockquote") && open.contains("blockquote")) {
            throw new IllegalArgumentException("nested blockquote at offset " + at);
        }
        if ((open.contains("pre") || open.contains("code")) && !(name.equals("code") && "pre".equals(open.peek()))) {
            throw new IllegalArgumentException("tag \"" + name + "\" inside code at offset " + at);
        }
        checkAttributes(name, attributes, at);
        open.push(name);
    }

    private static void checkAttributes(String tag, String attributes, int at) {
        switch (tag) {
            case "a" -> {
                if (!attributes.matches("(?s)href\\s*=\\s*(\"[^\"<>]*\"|'[^'<>]*')")) {
                    throw new IllegalArgumentException("a link needs exactly one quoted href, at offset " + at);
                }
            }
            case "span" -> {
                if (!attributes.matches("class\\s*=\\s*[\"']tg-spoiler[\"']")) {
                    throw new IllegalArgumentException("span is only allowed as a spoiler, at offset " + at);
                }
            }
            case "blockquote" -> {
                if (!attributes.isEmpty() && !attributes.equals("expandable")) {
                    throw new IllegalArgumentException("unsupported blockquote attribute at offset " + at);
                }
            }
            case "code" -> {
                if (!attributes.isEmpty() && !attributes.matches("class\\s*=\\s*[\"']language-[\\w+-]+[\"']")) {
                    throw new IllegalArgumentException("unsupported code attribute at offset " + at);
                }
            }
            case "tg-emoji" -> {
                if (!attributes.matches("emoji-id\\s*=\\s*[\"']\\d+[\"']")) {
                    throw new IllegalArgumentException("tg-emoji needs an emoji-id, at offset " + at);
                }
            }
            default -> {
                if (!attributes.isEmpty()) {
                    throw new IllegalArgumentException("tag \"" + tag + "\" takes no attributes, at offset " + at);
                }
            }
        }
    }

    private static String entity(String name, int at) {
        if (name.startsWith("#")) {
            try {
                int cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.toString(cp);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad numeric entity at offset " + at);
            }
        }
        String decoded = NAMED_ENTITIES.get(name);
        if (decoded == null) {
            throw new IllegalArgumentException("unsupported entity &" + name + "; at offset " + at);
        }
        return decoded;
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
