package dev.sourced.answer.llm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a model's output into plain text: no HTML, no Markdown, no reasoning blocks, no entities. Pure. */
final class PlainText {
    private static final Pattern THINK = Pattern.compile("(?is)<(think|thinking|reasoning)>.*?(</\\1>|$)");
    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)\\b[^>]*>.*?(</\\1\\s*>|$)");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?(-->|$)");
    private static final Pattern BREAK = Pattern.compile("(?i)<\\s*(br|/p|/div|/li|/h[1-6]|/tr)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9:-]*(\\s[^<>]*)?/?>");
    private static final Pattern CODE_FENCE = Pattern.compile("(?m)^\\s*```.*$");
    private static final Pattern MD_LINK = Pattern.compile("!?\\[([^\\]\\n]*[^\\]\\d\\s,;\\n][^\\]\\n]*)\\]\\([^)\\n]*\\)");
    private static final Pattern MD_HEADING = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s+");
    private static final Pattern MD_QUOTE = Pattern.compile("(?m)^\\s*>+\\s?");
    private static final Pattern MD_BULLET = Pattern.compile("(?m)^\\s*(?:[-*+•]|\\d{1,2}[.)])\\s+");
    private static final Pattern MD_RULE = Pattern.compile("(?m)^\\s*([-*_]\\s*){3,}$");
    private static final Pattern MD_EMPHASIS = Pattern.compile("(\\*{1,3}|_{2,3}|~~|`+)");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u000B\\f\\r]+");

    private PlainText() {
    }

    static String of(String s) {
        String t = s.replace("\r\n", "\n");
        t = THINK.matcher(t).replaceAll(" ");
        t = SCRIPT.matcher(t).replaceAll(" ");
        t = COMMENT.matcher(t).replaceAll(" ");
        t = BREAK.matcher(t).replaceAll("\n");
        t = TAG.matcher(t).replaceAll("");
        t = unescape(t);
        // Entities may have hidden tags: strip again, so the result never carries markup.
        t = SCRIPT.matcher(t).replaceAll(" ");
        t = BREAK.matcher(t).replaceAll("\n");
        t = TAG.matcher(t).replaceAll("");
        t = CODE_FENCE.matcher(t).replaceAll("");
        t = MD_LINK.matcher(t).replaceAll("$1");
        t = MD_HEADING.matcher(t).replaceAll("");
        t = MD_QUOTE.matcher(t).replaceAll("");
        t = MD_RULE.matcher(t).replaceAll("");
        t = MD_BULLET.matcher(t).replaceAll("");
        t = MD_EMPHASIS.matcher(t).replaceAll("");
        StringBuilder out = new StringBuilder();
        for (String line : t.split("\n")) {
            String l = SPACES.matcher(line).replaceAll(" ").strip();
            if (!l.isEmpty()) {
                if (!out.isEmpty()) out.append('\n');
                out.append(l);
            }
        }
        return out.toString();
    }

    private static String unescape(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r;
            if (e.startsWith("#x") || e.startsWith("#X")) {
                r = codePoint(Integer.parseInt(e.substring(2), 16));
            } else if (e.startsWith("#")) {
                r = codePoint(Integer.parseInt(e.substring(1)));
            } else {
                r = switch (e) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> " ";
                    case "laquo" -> "«";
                    case "raquo" -> "»";
                    case "rsquo" -> "’";
                    case "lsquo" -> "‘";
                    case "ldquo" -> "“";
                    case "rdquo" -> "”";
                    case "hellip" -> "…";
                    case "ndash" -> "–";
                    case "mdash" -> "—";
                    default -> m.group();
                };
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String codePoint(int cp) {
        return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : "";
    }
}
