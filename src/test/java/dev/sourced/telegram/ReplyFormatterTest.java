package dev.sourced.telegram;

import dev.sourced.botsim.TelegramHtml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.answer.Citation;
import dev.sourced.answer.DocumentSummary;
import dev.sourced.answer.SourceRef;
import dev.sourced.corpus.Lang;
import dev.sourced.telegram.store.AnswerStore.StoredAnswer;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplyFormatterTest {
    private final ReplyFormatter formatter = new ReplyFormatter(new MessageSplitter());

    @Test
    void anAnswerShowsItsTextThenEachQuoteWithTitleOutletDateLinkAndOtherOutlets() {
        SourceRef main = new SourceRef("a", "Budget & <Senate>", "Reuters", "https://ex.org/a?x=1&y=2", "2024-03-05", 0, 10);
        SourceRef copy = new SourceRef("b", "Budget vote", "AFP", "https://ex.org/b", "2024-03-06", 0, 10);
        SourceRef noUrl = new SourceRef("c", "Vote du budget", "", "", "", 0, 10);
        Citation c = new Citation(1, main, "Spending on schools & hospitals rises by 3% <officially>.", 1, List.of(copy, noUrl));
        StoredAnswer a = new StoredAnswer(7, 1, 1, Lang.EN, "q", "The budget passed [1].", false, List.of(c));

        Reply r = formatter.answer(a, Lang.EN, false);

        assertThat(r.messages()).singleElement().satisfies(m -> {
            assertThat(TelegramHtml.isValid(m)).isTrue();
            assertThat(m).isEqualTo("The budget passed [1].\n\n<b>Sources</b>\n\n<blockquote><b>[1]</b> Spending on schools &amp; "
                    + "hospitals rises by 3% &lt;officially&gt;.\n— <a href=\"https://ex.org/a?x=1&amp;y=2\">Budget &amp; &lt;Senate&gt;</a>,"
                    + " Reuters, 2024-03-05\n<i>Also in:</i> <a href=\"https://ex.org/b\">AFP</a> (2024-03-06), Vote du budget</blockquote>");
        });
        assertThat(r.keyboard().getKeyboard()).hasSize(2);
    }

    @Test
    void theAnswerSpanIsBoldInsideItsQuoteAndEscaped() {
        String text = "  Sales of <R&D> kits rose to 10 000 units & more in 2024.";
        int start = text.indexOf("10 000 units & more");
        Citation c = new Citation(1, new SourceRef("a", "T", "O", "", "", 0, text.length()), text, 1, List.of(), start,
                start + "10 000 units & more".length());
        StoredAnswer a = new StoredAnswer(7, 1, 1, Lang.EN, "q", "According to [1]: 10 000 units & more.", false, List.of(c));

        String m = formatter.answer(a, Lang.EN, false).messages().get(0);

        assertThat(TelegramHtml.isValid(m)).isTrue();
        assertThat(m).contains("<blockquote><b>[1]</b> Sales of &lt;R&amp;D&gt; kits rose to <b>10 000 units &amp; more</b> in 2024.\n— ");
    }

    @Test
    void aQuoteWithoutAnAnswerSpanHasNoBoldInside() {
        Citation c = new Citation(1, new SourceRef("a", "T", "O", "", "", 0, 5), "Plain", 1, List.of());
        StoredAnswer a = new StoredAnswer(7, 1, 1, Lang.EN, "q", "According to [1]: Plain.", false, List.of(c));
        assertThat(formatter.answer(a, Lang.EN, false).messages().get(0)).contains("<b>[1]</b> Plain\n");
    }

    @Test
    void aLongQuoteSplitAcrossMessagesKeepsItsBoldSpanValid() {
        String sentence = "This sentence is filler text for a long quote. ";
        String text = sentence.repeat(8) + "The answer is 42 widgets here. " + sentence.repeat(8);
        int start = text.indexOf("42 widgets");
        Citation c = new Citation(1, new SourceRef("a", "T", "O", "", "", 0, text.length()), text, 1, List.of(), start, start + 10);
        StoredAnswer a = new StoredAnswer(7, 1, 1, Lang.EN, "q", "According to [1]: 42 widgets.", false, List.of(c));

        List<String> messages = new ReplyFormatter(new MessageSplitter(300)).answer(a, Lang.EN, false).messages();

        assertThat(messages).hasSizeGreaterThan(1).allSatisfy(m -> assertThat(TelegramHtml.isValid(m)).as(m).isTrue());
        assertThat(String.join("", messages)).contains("<b>42 widgets</b>");
    }

    @Test
    void onlyTheFirstThreeQuotesAreShownAndMoreSourcesOffersTheRest() {
        List<Citation> five = IntStream.rangeClosed(1, 5).mapToObj(n -> new Citation(n,
                new SourceRef("d" + n, "T" + n, "O", "", "2024", 0, 1), "Quote " + n + ".", 1, List.of())).toList();
        StoredAnswer a = new StoredAnswer(9, 1, 1, Lang.FR, "q", "Réponse [1] [2].", false, five);

        Reply answer = formatter.answer(a, Lang.FR, false);
        Reply more = formatter.moreSources(a, Lang.FR);

        assertThat(answer.messages().get(0)).contains("Quote 3.").doesNotContain("Quote 4.");
        assertThat(answer.keyboard().getKeyboard().get(1).get(0).getText()).isEqualTo("Plus de sources");
        assertThat(more.messages().get(0)).startsWith("<b>Autres sources</b>").contains("Quote 4.", "Quote 5.").doesNotContain("Quote 3.");
        assertThat(more.keyboard().getKeyboard().get(0)).extracting(b -> b.getCallbackData()).containsExactly("ctx:9:4", "ctx:9:5");
    }

    @Test
    void anAbstentionHasNoSourcesButKeepsTheFeedbackButtons() {
        StoredAnswer a = new StoredAnswer(3, 1, 1, Lang.EN, "q", "The corpus does not say.", true, List.of());
        Reply r = formatter.answer(a, Lang.EN, false);
        assertThat(r.messages()).containsExactly("The corpus does not say.");
        assertThat(r.keyboard().getKeyboard()).singleElement().satisfies(row -> assertThat(row).hasSize(2));
    }

    @Test
    void theContextPutsTheQuoteInBold() {
        Citation c = new Citation(2, new SourceRef("d", "T", "O", "", "", 10, 20), "the quote", 1, List.of());
        Reply r = formatter.context(c, "Before it, the quote & after.", Lang.EN);
        assertThat(r.messages()).containsExactly("<b>Context of [2]</b> — <i>T</i>, O\n<blockquote>Before it, <b>the quote</b> &amp; after.</blockquote>");
    }

    @Test
    void theSourcesListIsPaginated() {
        List<DocumentSummary> docs = IntStream.range(0, 10).mapToObj(i -> new DocumentSummary("d" + i, "Title " + i, "Outlet",
                "", "2024-01-0" + i, "en", 1, "")).toList();
        Reply middle = formatter.sourcesPage(docs, 1, Lang.EN);
        assertThat(middle.messages().get(0)).contains("Title 4", "Title 7").doesNotContain("Title 3", "Title 8").contains("5–8 of 10");
        assertThat(middle.keyboard().getKeyboard().get(0)).extracting(b -> b.getCallbackData()).containsExactly("src:0", "src:2");
        assertThat(formatter.sourcesPage(docs, 99, Lang.EN).messages().get(0)).contains("Title 9");
    }

    @Test
    void theWelcomeSaysWhenTheArticlesWerePublishedInTheReadersLanguage() {
        assertThat(ReplyFormatter.readableDate("2023-04", Lang.EN)).isEqualTo("April 2023");
        assertThat(ReplyFormatter.readableDate("2023-04-20", Lang.FR)).isEqualTo("20 avril 2023");
        assertThat(ReplyFormatter.readableDate("spring 2023", Lang.FR)).isEqualTo("spring 2023");
        List<DocumentSummary> docs = List.of(new DocumentSummary("a", "Musk buys GPUs for Twitter", "", "", "2023-04", "en", 1, ""),
                new DocumentSummary("b", "Twitter and Musk", "Wired", "", "2023-05-02", "en", 1, ""));
        String welcome = formatter.welcome(CorpusOverview.of(docs, Lang.EN), Lang.EN).messages().get(0);
        assertThat(welcome).contains("2 articles, published between April 2023 and 2 May 2023.", "Outlets include Wired.",
                "<i>What do the articles say about Musk?</i>");
    }
}
