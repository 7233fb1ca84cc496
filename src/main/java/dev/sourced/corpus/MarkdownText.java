package dev.sourced.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The plain text of a Markdown document: markup removed, one paragraph or heading per line, link texts kept. */
public final class MarkdownText {
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern REF_LINK = Pattern.compile("\\[([^\\]]*)]\\[[^\\]]*]");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|`)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern UNDERSCORE_EMPHASIS = Pattern.compile("(?<![\\w])_(?=\\S)(.+?)(?<=\\S)_(?![\\w])");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern LINE_MARKER = Pattern.compile("^\\s{0,3}(#{1,6}\\s+|>\\s?|[-*+]\\s+|\\d+[.)]\\s+)");

    private MarkdownText() {
    }

    public static String toText(String markdown) {
        List<String> out = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        boolean fence = false;
        for (String raw : markdown.split("\n", -1)) {
            String line = raw.stripTrailing();
            if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
                fence = !fence;
                continue;
            }
            if (!fence && (line.matches("\\s*([-*_]\\s*){3,}") || line.matches("\\s*[=-]{3,}\\s*") || line.matches("\\s*\\[[^\\]]+]:\\s+\\S+.*"))) {
                flush(para, out);
                continue;
            }
            if (line.isBlank()) {
                flush(para, out);
                out.add("");
                continue;
            }
            boolean block = !fence && LINE_MARKER.matcher(line).find();
            String t = fence ? line : inline(LINE_MARKER.matcher(line).replaceFirst(""));
            if (block || fence) {
                flush(para, out);
                out.add(t.strip());
            } else {
                if (para.length() > 0) para.append(' ');
                para.append(t.strip());
            }
        }
        flush(para, out);
        return String.join("\n", out).replaceAll("\n{3,}", "\n\n").strip();
    }

    private static void flush(StringBuilder para, List<String> out) {
        if (para.length() > 0) {
            out.add(para.toString());
            para.setLength(0);
        }
    }

    private static String inline(String s) {
        s = IMAGE.matcher(s).replaceAll("");
        s = LINK.matcher(s).replaceAll("$1");
        s = REF_LINK.matcher(s).replaceAll("$1");
        s = HTML_TAG.matcher(s).replaceAll("");
        for (int i = 0; i < 3; i++) {
            s = EMPHASIS.matcher(s).replaceAll("$2");
        }
        s = UNDERSCORE_EMPHASIS.matcher(s).replaceAll("$1");
        return s;
    }
}
