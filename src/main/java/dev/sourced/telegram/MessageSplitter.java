package dev.sourced.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays blocks out into Telegram messages of at most {@link #TELEGRAM_LIMIT} visible characters. Messages break between
 * blocks; a block too long for one message is split between sentences (then words, then characters), its markup
 * closed at the end of each part and reopened at the start of the next, so that every message is valid HTML.
 */
final class MessageSplitter {
    /** Telegram's limit on the text of one message, in UTF-16 code units after entity parsing. */
    static final int TELEGRAM_LIMIT = 4096;
    private static final String SEPARATOR = "\n\n";
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…;:»\"”)])\\s+");
    private static final Pattern WORD_END = Pattern.compile("(?<=\\s)(?=\\S)");

    private final int limit;

    MessageSplitter() {
        this(TELEGRAM_LIMIT);
    }

    MessageSplitter(int limit) {
        if (limit < 64) {
            throw new IllegalArgumentException("limit too small: " + limit);
        }
        this.limit = limit;
    }

    /** The messages, in order; never empty strings. */
    List<String> split(List<Block> blocks) {
        List<String> pieces = new ArrayList<>();
        List<Boolean> glue = new ArrayList<>();
        for (Block b : blocks) {
            for (String part : render(b)) {
                pieces.add(part);
                glue.add(b.keepWithNext());
            }
        }
        List<String> messages = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int curLen = 0;
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            int len = Html.visibleLength(piece);
            if (glue.get(i) && i + 1 < pieces.size()) {
                String next = pieces.get(i + 1);
                int together = len + SEPARATOR.length() + Html.visibleLength(next);
                if (together <= limit) {
                    piece = piece + SEPARATOR + next;
                    len = together;
                    i++;
                }
            }
            int needed = curLen == 0 ? len : curLen + SEPARATOR.length() + len;
            if (curLen > 0 && needed > limit) {
                messages.add(cur.toString());
                cur.setLength(0);
                curLen = 0;
                needed = len;
            }
            if (curLen > 0) {
                cur.append(SEPARATOR);
            }
            cur.append(piece);
            curLen = needed;
        }
        if (curLen > 0 || !cur.isEmpty()) {
            messages.add(cur.toString());
        }
        messages.removeIf(String::isBlank);
        return messages;
    }

    /** One block as one or more HTML fragments, each within the limit. */
    List<String> render(Block b) {
        int fixed = Html.visibleLength(b.open()) + Html.visibleLength(b.close());
        int tail = Html.visibleLength(b.tail());
        int textLen = b.runs().stream().mapToInt(r -> r.text().length()).sum();
        if (fixed + tail + textLen <= limit) {
            return List.of(assemble(b, pieces(b, Integer.MAX_VALUE), true));
        }
        int budget = limit - fixed;
        if (budget < 16) {
            throw new IllegalArgumentException("the markup of a block leaves no room for its text");
        }
        List<List<Piece>> chunks = new ArrayList<>();
        List<Piece> cur = new ArrayList<>();
        int curLen = 0;
        for (Piece p : pieces(b, budget)) {
            if (curLen + p.text().length() > budget && !cur.isEmpty()) {
                chunks.add(cur);
                cur = new ArrayList<>();
                curLen = 0;
            }
            cur.add(p);
            curLen += p.text().length();
        }
        if (curLen + tail > budget) {
            chunks.add(cur);
            cur = new ArrayList<>();
        }
        chunks.add(cur);
        List<String> out = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            out.add(assemble(b, chunks.get(i), i == chunks.size() - 1));
        }
        return out;
    }

    private static String assemble(Block b, List<Piece> pieces, boolean last) {
        StringBuilder sb = new StringBuilder(b.open());
        int i = 0;
        while (i < pieces.size()) {
            Block.Run run = pieces.get(i).run();
            StringBuilder text = new StringBuilder();
            while (i < pieces.size() && pieces.get(i).run() == run) {
                text.append(pieces.get(i).text());
                i++;
            }
            sb.append(run.before()).append(Html.escape(text.toString())).append(run.after());
        }
        if (last) {
            sb.append(b.tail());
        }
        return sb.append(b.close()).toString();
    }

    /** A stretch of one run's text that is never split further: a sentence, or a shorter cut of an over-long one. */
    private record Piece(Block.Run run, String text) {
    }

    private static List<Piece> pieces(Block b, int max) {
        List<Piece> out = new ArrayList<>();
        for (Block.Run run : b.runs()) {
            if (run.text().isEmpty()) {
                continue;
            }
            for (String sentence : cut(run.text(), SENTENCE_END)) {
                if (sentence.length() <= max) {
                    out.add(new Piece(run, sentence));
                    continue;
                }
                for (String word : cut(sentence, WORD_END)) {
                    for (String part : hardCut(word, max)) {
                        out.add(new Piece(run, part));
                    }
                }
            }
        }
        return out;
    }

    /** Cuts after each match of {@code boundary}, keeping every character (the whitespace stays with the left part). */
    private static List<String> cut(String text, Pattern boundary) {
        List<String> out = new ArrayList<>();
        Matcher m = boundary.matcher(text);
        int from = 0;
        while (m.find()) {
            if (m.end() > from) {
                out.add(text.substring(from, m.end()));
                from = m.end();
            }
        }
        if (from < text.length()) {
            out.add(text.substring(from));
        }
        return out;
    }

    private static List<String> hardCut(String text, int max) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (text.length() - from > max) {
            int end = from + max;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            out.add(text.substring(from, end));
            from = end;
        }
        out.add(text.substring(from));
        return out;
    }
}
