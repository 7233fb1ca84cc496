package dev.sourced.telegram;

import java.util.List;

/**
 * A paragraph of a reply: fixed HTML around a run of text. When a block is longer than one Telegram message it is
 * split between sentences of its runs; every part repeats {@code open} and {@code close} (so tags are closed and
 * reopened), and only the last part carries {@code tail}.
 *
 * @param open          HTML opening the block (e.g. {@code <blockquote><b>[1]</b> })
 * @param runs          the text, as plain-text runs each with its own markup
 * @param tail          HTML closing the content of the last part (e.g. the source line of a quote)
 * @param close         HTML closing the block (e.g. {@code </blockquote>})
 * @param keepWithNext  a heading: never leave it last in a message
 */
record Block(String open, List<Run> runs, String tail, String close, boolean keepWithNext) {
    /** Plain text, escaped when rendered, wrapped in {@code before}/{@code after} markup (tags, empty for none). */
    record Run(String before, String text, String after) {
        static Run plain(String text) {
            return new Run("", text, "");
        }

        static Run bold(String text) {
            return new Run("<b>", text, "</b>");
        }
    }

    Block {
        runs = List.copyOf(runs);
    }

    static Block paragraph(String text) {
        return new Block("", List.of(Run.plain(text)), "", "", false);
    }

    static Block heading(String html) {
        return new Block(html, List.of(), "", "", true);
    }

    static Block html(String html) {
        return new Block(html, List.of(), "", "", false);
    }
}
