package dev.sourced.telegram;

import dev.sourced.corpus.PageFetcher;

/** Telegram's HTML parse mode: escaping of text and attributes, links, and the visible length of a fragment. */
final class Html {
    private Html() {
    }

    /** Escapes {@code &}, {@code <} and {@code >}, the characters Telegram requires as entities in text. */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            String rep = switch (ch) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> null;
            };
            if (rep != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (rep != null) {
                    out.append(rep);
                } else {
                    out.append(ch);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** Escapes a value for a double-quoted attribute. */
    static String escapeAttribute(String value) {
        return escape(value).replace("\"", "&quot;");
    }

    static String bold(String text) {
        return "<b>" + escape(text) + "</b>";
    }

    static String italic(String text) {
        return "<i>" + escape(text) + "</i>";
    }

    /** A link to {@code url} if it is an http(s) URL, else the label alone (never a javascript: or relative link). */
    static String link(String label, String url) {
        return isWebUrl(url) ? "<a href=\"" + escapeAttribute(url.strip()) + "\">" + escape(label) + "</a>" : escape(label);
    }

    static boolean isWebUrl(String url) {
        return PageFetcher.isWebUrl(url);
    }

    /**
     * The length Telegram counts for a fragment we produced: the text without tags, each entity counting as one
     * character (UTF-16 code units, as Telegram counts).
     */
    static int visibleLength(String html) {
        int n = 0;
        int i = 0;
        while (i < html.length()) {
            char ch = html.charAt(i);
            if (ch == '<') {
                int end = html.indexOf('>', i);
                i = end < 0 ? html.length() : end + 1;
            } else if (ch == '&') {
                int end = html.indexOf(';', i);
                i = end < 0 ? html.length() : end + 1;
                n++;
            } else {
                i++;
                n++;
            }
        }
        return n;
    }
}
