package dev.sourced.telegram;

import dev.sourced.answer.Citation;
import dev.sourced.answer.DocumentSummary;
import dev.sourced.answer.SourceRef;
import dev.sourced.corpus.Lang;
import dev.sourced.telegram.store.AnswerStore.StoredAnswer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** Turns answers, contexts and corpus listings into Telegram HTML messages with their inline buttons. */
final class ReplyFormatter {
    /** Quotes shown under an answer; the others are behind "more sources". */
    static final int QUOTES_SHOWN = 3;
    /** Articles per page of /sources. */
    static final int SOURCES_PAGE_SIZE = 4;
    private static final int MAX_TITLE = 200;
    private static final int MAX_ALSO_IN = 8;
    private static final int CONTEXT_BUTTONS_PER_ROW = 4;
    private static final int MAX_OUTLETS_NAMED = 5;
    private static final String DAY = "yyyy-mm-dd";
    private static final String MONTH = "yyyy-mm";

    private final MessageSplitter splitter;

    ReplyFormatter(MessageSplitter splitter) {
        this.splitter = splitter;
    }

    /** An answer: its text with markers, the first quotes, and buttons for context, more sources and feedback. */
    Reply answer(StoredAnswer a, Lang lang, boolean unexpectedLanguage) {
        List<Block> blocks = new ArrayList<>();
        for (String paragraph : a.body().strip().split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                blocks.add(Block.paragraph(paragraph.strip()));
            }
        }
        if (unexpectedLanguage) {
            blocks.add(new Block("<i>", List.of(Block.Run.plain(Phrase.OTHER_LANGUAGE.in(lang))), "", "</i>", false));
        }
        List<Citation> shown = a.citations().stream().limit(QUOTES_SHOWN).toList();
        if (!shown.isEmpty()) {
            blocks.add(Block.heading(Html.bold(Phrase.SOURCES.in(lang))));
            shown.forEach(c -> blocks.add(quote(c, lang)));
        }
        List<InlineKeyboardRow> rows = new ArrayList<>(contextRows(a.id(), shown, lang));
        if (a.citations().size() > QUOTES_SHOWN) {
            rows.add(new InlineKeyboardRow(button(Phrase.MORE_SOURCES_BUTTON.in(lang), new CallbackData.MoreSources(a.id()))));
        }
        rows.add(new InlineKeyboardRow(button("👍", new CallbackData.Feedback(a.id(), 1)),
                button("👎", new CallbackData.Feedback(a.id(), -1))));
        return new Reply(splitter.split(blocks), keyboard(rows));
    }

    /** The citations of an answer beyond those shown under it, with their context buttons. */
    Reply moreSources(StoredAnswer a, Lang lang) {
        List<Citation> rest = a.citations().stream().skip(QUOTES_SHOWN).toList();
        if (rest.isEmpty()) {
            return Reply.plain(Phrase.NO_MORE_SOURCES.in(lang));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.heading(Html.bold(Phrase.MORE_SOURCES_TITLE.in(lang))));
        rest.forEach(c -> blocks.add(quote(c, lang)));
        return new Reply(splitter.split(blocks), keyboard(contextRows(a.id(), rest, lang)));
    }

    /** The sentences around a quote, the quote itself in bold. */
    Reply context(Citation c, String context, Lang lang) {
        String head = Html.bold(Phrase.CONTEXT_TITLE.in(lang, c.n())) + " — " + attribution(c.source()) + "\n<blockquote>";
        int at = context.indexOf(c.text());
        List<Block.Run> runs = at < 0 || c.text().isEmpty()
                ? List.of(Block.Run.plain(context))
                : List.of(Block.Run.plain(context.substring(0, at)), Block.Run.bold(c.text()),
                Block.Run.plain(context.substring(at + c.text().length())));
        return Reply.text(splitter.split(List.of(new Block(head, runs, "", "</blockquote>", false))));
    }

    /** One page of the corpus listing, with previous/next buttons. */
    Reply sourcesPage(List<DocumentSummary> docs, int requestedPage, Lang lang) {
        if (docs.isEmpty()) {
            return Reply.plain(Phrase.SOURCES_EMPTY.in(lang));
        }
        int pages = (docs.size() + SOURCES_PAGE_SIZE - 1) / SOURCES_PAGE_SIZE;
        int page = Math.clamp(requestedPage, 0, pages - 1);
        int from = page * SOURCES_PAGE_SIZE;
        int to = Math.min(docs.size(), from + SOURCES_PAGE_SIZE);
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.html(Html.bold(Phrase.SOURCES_TITLE.in(lang, from + 1, to, docs.size()))));
        StringJoiner list = new StringJoiner("\n");
        for (int i = from; i < to; i++) {
            DocumentSummary d = docs.get(i);
            list.add((i + 1) + ". " + attribution(new SourceRef(d.id(), d.title(), d.outlet(), d.url(), d.date(), 0, 0)));
        }
        blocks.add(Block.html(list.toString()));
        InlineKeyboardRow nav = new InlineKeyboardRow();
        if (page > 0) {
            nav.add(button(Phrase.PREVIOUS.in(lang), new CallbackData.SourcesPage(page - 1)));
        }
        if (page < pages - 1) {
            nav.add(button(Phrase.NEXT.in(lang), new CallbackData.SourcesPage(page + 1)));
        }
        return new Reply(splitter.split(blocks), nav.isEmpty() ? null : keyboard(List.of(nav)));
    }

    /** The /start message: what the corpus covers and two example questions. */
    Reply welcome(CorpusOverview o, Lang lang) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.paragraph(Phrase.WELCOME_HELLO.in(lang)));
        if (o.documents() == 0) {
            blocks.add(Block.paragraph(Phrase.SOURCES_EMPTY.in(lang)));
        } else {
            blocks.add(Block.paragraph(Phrase.WELCOME_CORPUS.in(lang, o.documents(), dates(o, lang))));
            if (!o.outlets().isEmpty()) {
                blocks.add(Block.paragraph(Phrase.WELCOME_OUTLETS.in(lang, outlets(o.outlets(), lang))));
            }
            if (!o.topics().isEmpty()) {
                blocks.add(Block.paragraph(Phrase.WELCOME_TOPICS.in(lang, String.join(", ", o.topics()))));
            }
            List<String> examples = o.exampleQuestions(lang);
            if (!examples.isEmpty()) {
                StringJoiner list = new StringJoiner("\n");
                examples.forEach(q -> list.add("• " + Html.italic(q)));
                blocks.add(Block.html(Html.escape(Phrase.WELCOME_EXAMPLES.in(lang)) + "\n" + list));
            }
        }
        blocks.add(Block.paragraph(Phrase.WELCOME_HINT.in(lang)));
        return Reply.text(splitter.split(blocks));
    }

    Reply help(String botUsername, Lang lang) {
        return Reply.text(splitter.split(List.of(Block.paragraph(Phrase.HELP.in(lang, botUsername)))));
    }

    private Block quote(Citation c, Lang lang) {
        StringBuilder tail = new StringBuilder();
        if (!c.translation().isBlank()) {
            tail.append('\n').append(Html.italic(Phrase.MACHINE_TRANSLATION.in(lang))).append(' ').append(Html.escape(c.translation().strip()));
        }
        tail.append("\n— ").append(attribution(c.source()));
        List<SourceRef> also = c.alsoIn().stream().filter(r -> !r.docId().equals(c.docId())).toList();
        if (!also.isEmpty()) {
            StringJoiner refs = new StringJoiner(", ");
            also.stream().limit(MAX_ALSO_IN).forEach(r -> refs.add(alsoInLabel(r)));
            if (also.size() > MAX_ALSO_IN) {
                refs.add("+" + (also.size() - MAX_ALSO_IN));
            }
            tail.append('\n').append(Html.italic(Phrase.ALSO_IN.in(lang))).append(' ').append(refs);
        }
        return new Block("<blockquote>" + Html.bold("[" + c.n() + "]") + " ", quoteRuns(c), tail.toString(), "</blockquote>", false);
    }

    /** The quote's text, its answer span (a number, a date, a name) in bold when it has one. */
    static List<Block.Run> quoteRuns(Citation c) {
        String stripped = c.text().strip();
        if (!c.highlighted()) {
            return List.of(Block.Run.plain(stripped));
        }
        int lead = c.text().indexOf(stripped);
        int from = Math.clamp(c.highlightStart() - lead, 0, stripped.length());
        int to = Math.clamp(c.highlightEnd() - lead, from, stripped.length());
        if (from == to) {
            return List.of(Block.Run.plain(stripped));
        }
        List<Block.Run> runs = new ArrayList<>();
        if (from > 0) {
            runs.add(Block.Run.plain(stripped.substring(0, from)));
        }
        runs.add(Block.Run.bold(stripped.substring(from, to)));
        if (to < stripped.length()) {
            runs.add(Block.Run.plain(stripped.substring(to)));
        }
        return runs;
    }

    /** "Title, Outlet, date", the title linked to the article when its URL is known. */
    static String attribution(SourceRef r) {
        String title = shorten(r.title().isBlank() ? r.docId() : r.title().strip());
        StringJoiner s = new StringJoiner(", ");
        s.add(Html.isWebUrl(r.url()) ? Html.link(title, r.url()) : Html.italic(title));
        if (!r.source().isBlank()) {
            s.add(Html.escape(r.source().strip()));
        }
        if (!r.date().isBlank()) {
            s.add(Html.escape(r.date().strip()));
        }
        return s.toString();
    }

    private static String alsoInLabel(SourceRef r) {
        String label = shorten(!r.source().isBlank() ? r.source().strip() : r.title().isBlank() ? r.docId() : r.title().strip());
        String linked = Html.link(label, r.url());
        return r.date().isBlank() ? linked : linked + " (" + Html.escape(r.date().strip()) + ")";
    }

    private static String outlets(List<String> outlets, Lang lang) {
        List<String> named = outlets.stream().limit(MAX_OUTLETS_NAMED).toList();
        if (outlets.size() > named.size()) {
            return String.join(", ", named) + "…";
        }
        if (named.size() == 1) {
            return named.get(0);
        }
        return String.join(", ", named.subList(0, named.size() - 1)) + " " + Phrase.AND.in(lang) + " " + named.getLast();
    }

    private static String dates(CorpusOverview o, Lang lang) {
        if (o.firstDate().isEmpty()) {
            return Phrase.DATE_UNKNOWN.in(lang);
        }
        if (o.firstDate().equals(o.lastDate())) {
            return (o.firstDate().length() > MONTH.length() ? Phrase.DATE_ON_DAY : Phrase.DATE_IN_MONTH)
                    .in(lang, readableDate(o.firstDate(), lang));
        }
        return Phrase.DATE_RANGE.in(lang, readableDate(o.firstDate(), lang), readableDate(o.lastDate(), lang));
    }

    /** "2023-04" as "April 2023" / "avril 2023", "2023-04-20" as "20 April 2023"; anything else as it is. */
    static String readableDate(String iso, Lang lang) {
        Locale locale = lang == Lang.FR ? Locale.FRENCH : Locale.ENGLISH;
        try {
            if (iso.length() == DAY.length()) {
                return LocalDate.parse(iso).format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
            }
            if (iso.length() == MONTH.length()) {
                return YearMonth.parse(iso).format(DateTimeFormatter.ofPattern("MMMM yyyy", locale));
            }
        } catch (DateTimeParseException e) {
            // not an ISO date: shown as written
        }
        return iso;
    }

    private static List<InlineKeyboardRow> contextRows(long answerId, List<Citation> citations, Lang lang) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (Citation c : citations) {
            if (row.size() == CONTEXT_BUTTONS_PER_ROW) {
                rows.add(row);
                row = new InlineKeyboardRow();
            }
            row.add(button(Phrase.CONTEXT_BUTTON.in(lang, c.n()), new CallbackData.ShowContext(answerId, c.n())));
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private static InlineKeyboardButton button(String label, CallbackData data) {
        return InlineKeyboardButton.builder().text(label).callbackData(data.encode()).build();
    }

    private static InlineKeyboardMarkup keyboard(List<InlineKeyboardRow> rows) {
        return rows.isEmpty() ? null : InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    private static String shorten(String s) {
        return s.length() <= MAX_TITLE ? s : s.substring(0, MAX_TITLE - 1).strip() + "…";
    }
}
