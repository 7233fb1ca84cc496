package dev.sourced.telegram;

import static dev.sourced.telegram.ModerationReplies.attribution;
import static dev.sourced.telegram.ModerationReplies.button;
import static dev.sourced.telegram.ModerationReplies.day;
import static dev.sourced.telegram.ModerationReplies.or;
import static dev.sourced.telegram.ModerationReplies.shorten;

import dev.sourced.corpus.Lang;
import dev.sourced.store.Curation;
import dev.sourced.store.DocumentStore;
import dev.sourced.store.StoredDocument;
import dev.sourced.telegram.CallbackData.ModAction;
import dev.sourced.telegram.CallbackData.ModButton;
import dev.sourced.telegram.ModerationReplies.Ctx;
import dev.sourced.telegram.store.ModerationStore;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The moderators' commands on the corpus and its people: /mod (admins appoint moderators), /audit, /docs, /doc, /edit
 * of a stored document, /remove and /restore. Changes go through the {@link Curation} service; each is audited.
 */
final class CorpusCommands {
    static final int DOCS_PAGE_SIZE = 10;
    static final int AUDIT_LINES = 15;

    private final Curation curation;
    private final Set<Long> admins;
    private final ModerationStore store;
    private final ModerationReplies out;

    CorpusCommands(Curation curation, Set<Long> admins, ModerationStore store, ModerationReplies out) {
        this.curation = curation;
        this.admins = admins;
        this.store = store;
        this.out = out;
    }

    String mod(Ctx ctx, String argument) {
        String[] a = argument.split("\\s+");
        String sub = a[0].toLowerCase(Locale.ROOT);
        if (sub.equals("list")) {
            StringJoiner text = new StringJoiner("\n");
            text.add(Html.bold(ctx.say(Phrase.MOD_ADMINS)) + " (" + Admins.ENV + ")" + ctx.say(Phrase.COLON) + (admins.isEmpty() ? ctx.say(Phrase.MOD_NONE)
                    : String.join(", ", admins.stream().sorted().map(String::valueOf).toList())));
            List<ModerationStore.Moderator> mods = store.moderators();
            text.add(Html.bold(ctx.say(Phrase.MOD_MODERATORS)) + ctx.say(Phrase.COLON) + (mods.isEmpty() ? ctx.say(Phrase.MOD_NONE) : ""));
            for (ModerationStore.Moderator m : mods) {
                text.add(Html.escape(ctx.say(Phrase.MOD_APPOINTED, m.userId(), m.grantedBy(), day(m.grantedAt()))));
            }
            out.reply(ctx, Reply.text(List.of(text.toString())));
            return "moderation mod list";
        }
        if ((!sub.equals("add") && !sub.equals("remove")) || a.length != 2) {
            out.plain(ctx, Phrase.MOD_USAGE);
            return "moderation mod usage";
        }
        long user;
        try {
            user = Long.parseLong(a[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + a[1] + "' is not a Telegram user id (a number)");
        }
        boolean changed = sub.equals("add") ? store.grant(user, ctx.userId()) : store.revoke(user);
        store.audit(ctx.userId(), ctx.chatId(), "mod " + sub, "", "ok", "user " + user + (changed ? "" : " (no change)"));
        Phrase text = sub.equals("add") ? (changed ? Phrase.MOD_GRANTED : Phrase.MOD_ALREADY)
                : (changed ? Phrase.MOD_REVOKED : Phrase.MOD_WAS_NOT);
        out.plain(ctx, text, user);
        return "moderation mod " + sub;
    }

    String audit(Ctx ctx) {
        List<ModerationStore.AuditEntry> entries = store.latestAudit(AUDIT_LINES);
        store.audit(ctx.userId(), ctx.chatId(), "audit", "", "ok", "");
        if (entries.isEmpty()) {
            out.plain(ctx, Phrase.AUDIT_EMPTY);
            return "moderation audit";
        }
        StringJoiner text = new StringJoiner("\n");
        text.add(Html.bold(ctx.say(Phrase.AUDIT_TITLE)));
        for (ModerationStore.AuditEntry e : entries) {
            text.add(Html.escape(e.at().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z") + " · user " + e.userId() + " · " + e.action()
                    + (e.docId().isEmpty() ? "" : " · " + e.docId()) + " · " + e.outcome()
                    + (e.detail().isEmpty() ? "" : " · " + shorten(e.detail(), 80))));
        }
        out.reply(ctx, Reply.text(List.of(text.toString())));
        return "moderation audit";
    }

    String docs(Ctx ctx, String argument) {
        out.reply(ctx, docsPage(parsePage(argument), ctx.lang()));
        return "moderation docs";
    }

    /** Shows page {@code page} (from 0) of /docs in place of the message the button is under. */
    String docsPageButton(Ctx ctx, long page) {
        out.replace(ctx, docsPage((int) Math.clamp(page, 0, Integer.MAX_VALUE), ctx.lang()));
        return "moderation docs page";
    }

    private static int parsePage(String argument) {
        try {
            return argument.isBlank() ? 0 : Math.max(0, Integer.parseInt(argument.strip()) - 1);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A page of the active documents, newest first, with their ids. */
    private Reply docsPage(int requested, Lang lang) {
        List<StoredDocument> docs = curation.documents(false);
        if (docs.isEmpty()) {
            return Reply.plain(Phrase.DOCS_EMPTY.in(lang));
        }
        int pages = (docs.size() + DOCS_PAGE_SIZE - 1) / DOCS_PAGE_SIZE;
        int page = Math.clamp(requested, 0, pages - 1);
        StringJoiner text = new StringJoiner("\n");
        text.add(Html.bold(Phrase.DOCS_TITLE.in(lang, page + 1, pages, docs.size())));
        for (int i = page * DOCS_PAGE_SIZE; i < Math.min(docs.size(), (page + 1) * DOCS_PAGE_SIZE); i++) {
            StoredDocument d = docs.get(i);
            text.add("<code>" + Html.escape(d.id()) + "</code> — " + Html.escape(shorten(d.title(), 90))
                    + Html.escape(attribution(d.outlet(), d.published())) + " · " + Phrase.DOCS_PASSAGES.in(lang, d.passages()));
        }
        InlineKeyboardRow nav = new InlineKeyboardRow();
        if (page > 0) nav.add(button(Phrase.NEWER.in(lang), new ModButton(ModAction.DOCS_PAGE, page - 1)));
        if (page < pages - 1) nav.add(button(Phrase.OLDER.in(lang), new ModButton(ModAction.DOCS_PAGE, page + 1)));
        return new Reply(List.of(text.toString()), nav.isEmpty() ? null : new InlineKeyboardMarkup(List.of(nav)));
    }

    String doc(Ctx ctx, String argument) {
        String id = argument.split("\\s+")[0];
        if (id.isEmpty()) {
            out.plain(ctx, Phrase.DOC_USAGE);
            return "moderation doc usage";
        }
        Optional<StoredDocument> found = curation.document(id);
        if (found.isEmpty()) {
            out.plain(ctx, Phrase.DOC_UNKNOWN, id);
            return "moderation doc: none";
        }
        StoredDocument d = found.get();
        StringJoiner text = new StringJoiner("\n");
        text.add(Html.bold(d.title()));
        text.add(ctx.say(Phrase.FIELD_ID) + " <code>" + Html.escape(d.id()) + "</code>");
        text.add(ctx.say(Phrase.FIELD_OUTLET) + " " + Html.escape(or(d.outlet())));
        text.add(ctx.say(Phrase.FIELD_DATE) + " " + Html.escape(or(d.published())));
        text.add(ctx.say(Phrase.FIELD_LANGUAGE) + " " + Html.escape(d.language().code()));
        text.add(ctx.say(Phrase.FIELD_URL) + " " + (d.url().isEmpty() ? "—" : Html.link(d.url(), d.url())));
        text.add(ctx.say(Phrase.FIELD_PASSAGES) + " " + d.passages());
        text.add(Html.escape(ctx.say(Phrase.DOC_FORMAT, d.format(), shorten(d.origin(), 80))));
        text.add(Html.escape(ctx.say(Phrase.DOC_DATES, day(d.createdAt()), day(d.updatedAt()))));
        if (d.removed()) {
            Instant until = Instant.parse(d.removedAt()).plus(DocumentStore.RESTORE_WINDOW);
            text.add(Html.escape(ctx.say(Phrase.DOC_REMOVED, day(d.removedAt())) + (until.isAfter(Instant.now())
                    ? ctx.say(Phrase.DOC_RESTORABLE, d.id(), day(until.toString())) : ctx.say(Phrase.DOC_TOO_OLD))));
        }
        out.reply(ctx, Reply.text(List.of(text.toString())));
        return "moderation doc";
    }

    /** /edit ID FIELD VALUE of a stored document. */
    String edit(Ctx ctx, String id, String field, String value) {
        String column = ModerationHandler.column(field, false);
        String v = ModerationHandler.valid(column, value);
        boolean done = curation.edit(id, column, v);
        store.audit(ctx.userId(), ctx.chatId(), "edit", id, done ? "ok" : "failed", field + " = " + v);
        if (done) out.plain(ctx, Phrase.EDIT_DONE, field, id, v);
        else out.plain(ctx, Phrase.EDIT_NONE, id);
        return done ? "moderation edit" : "moderation edit: none";
    }

    /** /remove ID or /restore ID: the same steps, each with its own words. */
    String removeOrRestore(Ctx ctx, String command, String argument) {
        boolean remove = command.equals("remove");
        String id = argument.split("\\s+")[0];
        if (id.isEmpty()) {
            out.plain(ctx, remove ? Phrase.REMOVE_USAGE : Phrase.RESTORE_USAGE);
            return "moderation " + command + " usage";
        }
        boolean done = remove ? curation.remove(id) : curation.restore(id);
        store.audit(ctx.userId(), ctx.chatId(), command, id, done ? "ok" : "failed",
                done ? "" : remove ? "no such active document" : "nothing to restore");
        long days = DocumentStore.RESTORE_WINDOW.toDays();
        if (done) {
            if (remove) out.plain(ctx, Phrase.REMOVED, id, id, days);
            else out.plain(ctx, Phrase.RESTORED, id);
        } else {
            if (remove) out.plain(ctx, Phrase.REMOVE_NONE, id);
            else out.plain(ctx, Phrase.RESTORE_NONE, id, days);
        }
        return "moderation " + command + (done ? "" : ": none");
    }
}
