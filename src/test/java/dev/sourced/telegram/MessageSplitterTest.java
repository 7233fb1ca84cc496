package dev.sourced.telegram;

import dev.sourced.botsim.TelegramHtml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {
    private final MessageSplitter splitter = new MessageSplitter();

    @Test
    void aShortReplyStaysOneMessage() {
        List<String> out = splitter.split(List.of(Block.paragraph("Short answer [1]."), Block.heading("<b>Sources</b>"),
                quote(1, "A quote.")));
        assertThat(out).hasSize(1);
        assertThat(out.get(0)).isEqualTo("Short answer [1].\n\n<b>Sources</b>\n\n<blockquote>[1] A quote.\n— T</blockquote>");
    }

    @Test
    void aLongReplyIsSplitBetweenParagraphsIntoValidMessagesUnderTheLimit() {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            blocks.add(quote(i, "Sentence & <more> of quote " + i + ". ".repeat(1) + "x".repeat(400)));
        }
        List<String> out = splitter.split(blocks);

        assertThat(out).hasSizeGreaterThan(2);
        for (String m : out) {
            assertThat(TelegramHtml.visibleText(m).length()).isLessThanOrEqualTo(MessageSplitter.TELEGRAM_LIMIT);
            assertThat(m).startsWith("<blockquote>").endsWith("</blockquote>");
        }
        String all = String.join("\n\n", out);
        for (int i = 0; i < 30; i++) {
            assertThat(all).contains("of quote " + i + ". ");
        }
    }

    @Test
    void aSingleOverLongQuoteIsSplitBetweenSentencesWithItsTagsClosedAndReopened() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("Sentence number ").append(i).append(" says <this> & that. ");
        }
        List<String> out = splitter.split(List.of(quote(7, text.toString())));

        assertThat(out).hasSizeGreaterThan(1);
        for (String m : out) {
            String visible = TelegramHtml.visibleText(m);
            assertThat(visible.length()).isLessThanOrEqualTo(MessageSplitter.TELEGRAM_LIMIT);
            assertThat(m).startsWith("<blockquote>[7] Sentence number").endsWith("</blockquote>");
            assertThat(visible.strip()).endsWith(m == out.getLast() ? "— T" : "that.");
        }
        assertThat(out.stream().filter(m -> m.contains("— T"))).hasSize(1);
        String rejoined = String.join("", out.stream().map(TelegramHtml::visibleText)
                .map(v -> v.replace("[7] ", "").replace("\n— T", "")).toList());
        assertThat(rejoined.replace(" ", "")).isEqualTo(text.toString().replace(" ", ""));
    }

    @Test
    void aSentenceLongerThanAMessageIsCutBetweenWordsThenCharacters() {
        String word = "é".repeat(5000);
        List<String> out = splitter.split(List.of(Block.paragraph("start " + word + " end")));
        assertThat(out).allSatisfy(m -> assertThat(TelegramHtml.visibleText(m).length()).isLessThanOrEqualTo(4096));
        assertThat(String.join("", out.stream().map(TelegramHtml::visibleText).toList())).isEqualTo("start " + word + " end");
    }

    @Test
    void escapedCharactersCountOnceAndEntitiesAreNeverCut() {
        String text = "&".repeat(9000);
        List<String> out = splitter.split(List.of(Block.paragraph(text)));
        assertThat(out).hasSize(3).allSatisfy(m -> assertThat(TelegramHtml.isValid(m)).isTrue());
        assertThat(out.stream().mapToInt(m -> TelegramHtml.visibleText(m).length()).sum()).isEqualTo(9000);
    }

    @Test
    void aHeadingIsNotLeftAloneAtTheEndOfAMessage() {
        List<Block> blocks = List.of(Block.paragraph("a".repeat(4000)), Block.heading("<b>Sources</b>"), quote(1, "q".repeat(200)));
        List<String> out = splitter.split(blocks);
        assertThat(out).hasSize(2);
        assertThat(out.get(1)).startsWith("<b>Sources</b>");
    }

    @Test
    void boldRunsInsideASplitBlockAreClosedInEachPart() {
        Block b = new Block("<blockquote>", List.of(Block.Run.plain("Before. ".repeat(400)), Block.Run.bold("Quoted. ".repeat(400)),
                Block.Run.plain("After. ".repeat(400))), "", "</blockquote>", false);
        List<String> out = splitter.split(List.of(b));
        assertThat(out).hasSizeGreaterThan(1).allSatisfy(m -> assertThat(TelegramHtml.isValid(m)).isTrue());
        assertThat(String.join("", out)).contains("<b>Quoted. ");
    }

    private static Block quote(int n, String text) {
        return new Block("<blockquote>[" + n + "] ", List.of(Block.Run.plain(text)), "\n— T", "</blockquote>", false);
    }
}
