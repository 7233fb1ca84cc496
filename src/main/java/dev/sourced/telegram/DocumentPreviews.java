package dev.sourced.telegram;

import static dev.sourced.telegram.ModerationReplies.button;
import static dev.sourced.telegram.ModerationReplies.or;
import static dev.sourced.telegram.ModerationReplies.shorten;

import dev.sourced.corpus.CorpusException;
import dev.sourced.corpus.DocumentIntake;
import dev.sourced.corpus.DocumentMeta;
import dev.sourced.corpus.DocumentReader;
import dev.sourced.corpus.Lang;
import dev.sourced.corpus.NearDuplicates;
import dev.sourced.corpus.PreparedDocument;
import dev.sourced.corpus.SourceDocument;
import dev.sourced.corpus.UntrustedParser;
import dev.sourced.store.Curation;
import dev.sourced.store.DuplicateDocumentException;
import dev.sourced.store.StoreException;
import dev.sourced.telegram.CallbackData.ModAction;
import dev.sourced.telegram.CallbackData.ModButton;
import dev.sourced.telegram.Incoming.Upload;
import dev.sourced.telegram.ModerationReplies.Ctx;
import dev.sourced.telegram.store.ModerationStore;
import dev.sourced.telegram.store.ModerationStore.Draft;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Documents coming in from the chat: a file, a link or pasted text is read (by the corpus's {@link DocumentIntake},
 * within its bounds), kept as a draft and shown as a preview with buttons; nothing is in the corpus until a moderator
 * confirms it. Drafts can be corrected (/edit #N) or cancelled. Document text is only ever shown escaped.
 */
final class DocumentPreviews {
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(60);

    private final Curation curation;
    private final DocumentIntake intake;
    private final ModerationStore store;
    private final ModerationReplies out;
    private final BotApi api;
    private final URI fileBase;
    private final HttpClient downloads = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    DocumentPreviews(Curation curation, DocumentIntake intake, ModerationStore store, ModerationReplies out, BotApi api,
                     BotConfig config) {
        this.curation = curation;
        this.intake = intake;
        this.store = store;
        this.out = out;
        this.api = api;
        String base = config.apiUrl() == null ? "https://api.telegram.org" : config.apiUrl().toString().replaceAll("/+$", "");
        this.fileBase = URI.create(base + "/file/bot" + config.token() + "/");
    }

    // ------------------------------------------------------------------ reading

    /** /add URL, or /add with the title on the first line and the text below. */
    String add(Ctx ctx, String argument) {
        if (argument.isBlank()) {
            out.plain(ctx, Phrase.ADD_USAGE);
            return "moderation add usage";
        }
        if (DocumentIntake.isLink(argument)) {
            UntrustedParser.Extracted page = intake.page(argument);
            return preview(ctx, page.document(), page.cut() ? intake.cutNote() : "", "url");
        }
        String title = argument.lines().findFirst().orElse("").strip();
        String body = argument.substring(argument.indexOf('\n') < 0 ? argument.length() : argument.indexOf('\n') + 1).strip();
        if (body.isEmpty()) {
            throw new CorpusException("the text is empty: write the title on the first line after /add and the text below it");
        }
        SourceDocument doc = new SourceDocument(DocumentMeta.empty().withTitle(title).withOrigin("telegram:text"), "text",
                UntrustedParser.withoutScripts(body));
        return preview(ctx, doc, "", "text");
    }

    /** A file sent to be added: checked, downloaded within the limit, read. */
    String addFile(Ctx ctx, Upload file) {
        String name = file.fileName();
        String format = intake.uploadFormat(name, file.mimeType(), file.fileSize());
        org.telegram.telegrambots.meta.api.objects.File info;
        try {
            info = api.call(new GetFile(file.fileId()));
        } catch (SendFailure f) {
            if (f.kind() == SendFailure.Kind.REJECTED) {
                throw new CorpusException(name + ": Telegram would not give the file (" + f.getMessage() + ")");
            }
            throw f;
        }
        if (info.getFilePath() == null) {
            throw new CorpusException(name + ": Telegram gave no download path for the file");
        }
        byte[] bytes = download(name, info.getFilePath(), intake.limits().maxBytes());
        UntrustedParser.Extracted ex = intake.upload(bytes, format, name, "telegram:" + name);
        return preview(ctx, ex.document(), ex.cut() ? intake.cutNote() : "", "file");
    }

    private byte[] download(String name, String filePath, long limit) {
        URI uri = fileBase.resolve(filePath.replace(" ", "%20"));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(DOWNLOAD_TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> r = downloads.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    throw new CorpusException(name + ": the download failed (HTTP " + r.statusCode() + ")");
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                if (bytes.length > limit) {
                    throw new CorpusException(name + ": too large (over " + limit / (1024 * 1024) + " MB)");
                }
                return bytes;
            }
        } catch (IOException e) {
            // never the exception's text: the URL holds the token
            throw new CorpusException(name + ": the download failed (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CorpusException(name + ": interrupted while downloading");
        }
    }

    // ------------------------------------------------------------------ previews

    /** Prepares the document, refuses an exact duplicate, keeps a draft and sends its preview with the buttons. */
    private String preview(Ctx ctx, SourceDocument doc, String notes, String how) {
        PreparedDocument prepared = PreparedDocument.prepare(doc);
        Optional<NearDuplicates.Match> dup = NearDuplicates.find(prepared.text(), corpus());
        if (dup.isPresent() && dup.get().exact()) {
            throw new DuplicateDocumentException(dup.get().docId(), dup.get().title());
        }
        DocumentMeta meta = prepared.meta();
        store.pruneDrafts();
        Draft draft = store.saveDraft(new Draft(0, ctx.chatId(), ctx.userId(), uniqueId(meta.id()), meta.title(), meta.outlet(),
                meta.url(), meta.language().code(), meta.published(), meta.origin(), doc.format(), doc.text(), notes,
                "pending", ""));
        store.audit(ctx.userId(), ctx.chatId(), "add " + how, draft.docId(), "previewed", "preview #" + draft.id() + " · "
                + shorten(meta.origin(), 100));
        sendPreview(ctx, draft, prepared, Phrase.PREVIEW);
        return "moderation add: preview #" + draft.id();
    }

    /** The active documents, to compare a new one with. */
    private List<NearDuplicates.Known> corpus() {
        return curation.documents(false).stream().map(d -> new NearDuplicates.Known(d.id(), d.title(), d.text())).toList();
    }

    /** An id not yet used by any document, removed ones included: a new document never replaces another. */
    private String uniqueId(String base) {
        String id = base;
        for (int n = 2; curation.document(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private void sendPreview(Ctx ctx, Draft d, PreparedDocument p, Phrase heading) {
        List<String> parts = new ArrayList<>();
        parts.add(Html.bold(ctx.say(Phrase.PREVIEW_HEADING, ctx.say(heading), d.id())) + " — " + ctx.say(Phrase.PREVIEW_NOT_YET));
        parts.add(ctx.say(Phrase.FIELD_TITLE) + " " + Html.bold(shorten(d.title(), 200)));
        parts.add(ctx.say(Phrase.FIELD_OUTLET) + " " + Html.escape(or(d.outlet())) + "\n" + ctx.say(Phrase.FIELD_DATE) + " "
                + Html.escape(or(d.published())) + "\n" + ctx.say(Phrase.FIELD_LANGUAGE) + " " + Html.escape(d.language()) + "\n"
                + ctx.say(Phrase.FIELD_URL) + " " + Html.escape(or(shorten(d.url(), 200))) + "\n" + ctx.say(Phrase.FIELD_ID)
                + " <code>" + Html.escape(d.docId()) + "</code>\n" + ctx.say(Phrase.FIELD_PASSAGES) + " " + p.passages().size());
        List<String> first = p.text().lines().filter(l -> !l.isBlank()).limit(3).map(l -> shorten(l.strip(), 200)).toList();
        parts.add(ctx.say(Phrase.PREVIEW_BEGINS) + "\n<blockquote>" + Html.escape(String.join("\n", first)) + "</blockquote>");
        if (p.removed().isEmpty()) {
            parts.add(ctx.say(Phrase.BOILERPLATE_NONE));
        } else {
            StringJoiner r = new StringJoiner("\n");
            r.add(ctx.say(p.removed().size() == 1 ? Phrase.BOILERPLATE_ONE : Phrase.BOILERPLATE_MANY, p.removed().size()));
            p.removed().stream().limit(5).forEach(x -> r.add("• " + Html.escape(shorten(x.line(), 100)) + " <i>(" + Html.escape(x.rule()) + ")</i>"));
            if (p.removed().size() > 5) r.add("• …");
            parts.add(r.toString());
        }
        NearDuplicates.find(p.text(), corpus()).ifPresent(m -> parts.add(ctx.say(Phrase.NEAR_DUPLICATE, Math.round(m.overlap() * 100),
                "<code>" + Html.escape(m.docId()) + "</code>", Html.escape(shorten(m.title(), 100)))));
        if (!d.notes().isBlank()) parts.add("⚠️ " + Html.escape(d.notes()));
        parts.add("<i>" + Html.escape(ctx.say(Phrase.PREVIEW_FOOTER, d.id(), ModerationStore.PENDING_LIFETIME.toHours())) + "</i>");
        InlineKeyboardRow row = new InlineKeyboardRow(button(ctx.say(Phrase.CONFIRM_BUTTON), new ModButton(ModAction.CONFIRM, d.id())),
                button(ctx.say(Phrase.EDIT_METADATA_BUTTON), new ModButton(ModAction.EDIT_METADATA, d.id())),
                button(ctx.say(Phrase.CANCEL_BUTTON), new ModButton(ModAction.CANCEL, d.id())));
        out.reply(ctx, new Reply(List.of(String.join("\n\n", parts)), new InlineKeyboardMarkup(List.of(row))));
    }

    private static SourceDocument source(Draft d) {
        DocumentMeta meta = new DocumentMeta(d.docId(), d.title(), d.outlet(), d.url(),
                d.language().isEmpty() ? null : Lang.fromCode(d.language()), d.published(), d.origin());
        return new SourceDocument(meta, d.format(), d.text());
    }

    /** /edit #N FIELD VALUE: corrects a preview and shows it again. */
    String editDraft(Ctx ctx, String number, String field, String value) {
        long id;
        try {
            id = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'#" + number + "' is not a preview number");
        }
        String column = ModerationHandler.column(field, true);
        String v = ModerationHandler.valid(column, value);
        if (column.equals("doc_id")) {
            v = DocumentReader.slug(v);
            if (curation.document(v).isPresent()) {
                throw new IllegalArgumentException("the id '" + v + "' is already taken by a document of the corpus");
            }
        }
        Optional<Draft> draft = store.draft(id);
        if (draft.isEmpty() || !draft.get().pending() || !store.updateDraft(id, column, v)) {
            out.plain(ctx, Phrase.PREVIEW_GONE_EDIT, id);
            return "moderation edit preview: gone";
        }
        store.audit(ctx.userId(), ctx.chatId(), "edit preview", "#" + id, "ok", field + " = " + v);
        Draft updated = store.draft(id).orElseThrow();
        sendPreview(ctx, updated, PreparedDocument.prepare(source(updated)), Phrase.PREVIEW_UPDATED);
        return "moderation edit preview";
    }

    // ------------------------------------------------------------------ buttons

    /** A button under a preview: confirm, cancel or how to correct it. */
    String pressed(Ctx ctx, String callbackId, Incoming.Button pressed, ModButton b, String action) {
        long id = b.number();
        Optional<Draft> draft = store.draft(id);
        if (draft.isEmpty() || !draft.get().pending()) {
            String state = draft.map(Draft::state).orElse("gone");
            out.acknowledge(callbackId, state.equals("expired") ? ctx.say(Phrase.PREVIEW_EXPIRED, id)
                    : state.equals("gone") ? ctx.say(Phrase.PREVIEW_GONE, id) : ctx.say(Phrase.PREVIEW_ALREADY, id, state));
            return "moderation " + action + ": preview " + state;
        }
        return switch (b.action()) {
            case CONFIRM -> confirm(ctx, callbackId, pressed, draft.get());
            case CANCEL -> {
                boolean done = store.close(id, "cancelled");
                store.audit(ctx.userId(), ctx.chatId(), "cancel", draft.get().docId(), done ? "ok" : "failed", "preview #" + id);
                out.acknowledge(callbackId, done ? ctx.say(Phrase.CANCELLED) : ctx.say(Phrase.PREVIEW_HANDLED, id));
                if (done) closePreview(ctx, pressed, ctx.say(Phrase.CANCELLED_BY, ctx.userId()));
                yield "moderation cancel";
            }
            default -> {
                out.acknowledge(callbackId, null);
                out.plain(ctx, Phrase.EDIT_METADATA_HELP, id, id);
                yield "moderation edit metadata help";
            }
        };
    }

    private String confirm(Ctx ctx, String callbackId, Incoming.Button pressed, Draft d) {
        if (!store.close(d.id(), "confirmed")) {
            out.acknowledge(callbackId, ctx.say(Phrase.PREVIEW_HANDLED, d.id()));
            return "moderation confirm: already handled";
        }
        Curation.IngestResult r;
        try {
            r = curation.add(source(d));
        } catch (CorpusException | StoreException e) {
            store.reopen(d.id());
            store.audit(ctx.userId(), ctx.chatId(), "confirm", d.docId(), "failed", e.getMessage());
            out.acknowledge(callbackId, ctx.say(Phrase.NOT_STORED));
            out.plain(ctx, Phrase.NOT_STORED_BECAUSE, e.getMessage());
            return "moderation confirm failed";
        }
        store.audit(ctx.userId(), ctx.chatId(), "confirm", r.docId(), "ok", "preview #" + d.id() + " · " + r.passages() + " passages");
        out.acknowledge(callbackId, ctx.say(Phrase.ADDED));
        closePreview(ctx, pressed, ctx.say(Phrase.CONFIRMED_BY, ctx.userId()));
        out.reply(ctx, Reply.text(List.of(ctx.say(Phrase.ADDED_AS, Html.bold(d.title()), "<code>" + Html.escape(r.docId()) + "</code>",
                r.passages()))));
        return "moderation confirm";
    }

    /** Takes the buttons off a preview once it is handled, noting how. */
    private void closePreview(Ctx ctx, Incoming.Button pressed, String note) {
        if (pressed.messageId() == null) return;
        String original = pressed.messageText() == null ? "" : pressed.messageText();
        String text = (original.isEmpty() ? "" : Html.escape(shorten(original, 3000)) + "\n\n") + Html.escape(note);
        out.editQuietly(ctx.chatId(), pressed.messageId(), new Reply(List.of(text), null));
    }
}
