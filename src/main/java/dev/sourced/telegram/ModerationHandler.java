package dev.sourced.telegram;

import dev.sourced.cli.Engine;
import dev.sourced.corpus.Boilerplate;
import dev.sourced.corpus.CorpusException;
import dev.sourced.corpus.DocumentMeta;
import dev.sourced.corpus.DocumentReader;
import dev.sourced.corpus.Lang;
import dev.sourced.corpus.PreparedDocument;
import dev.sourced.corpus.SourceDocument;
import dev.sourced.store.DocumentStore;
import dev.sourced.store.DuplicateDocumentException;
import dev.sourced.telegram.store.ModerationStore;
import dev.sourced.telegram.store.ModerationStore.Draft;
import dev.sourced.store.StoreException;
import dev.sourced.store.StoredDocument;
import dev.sourced.telegram.store.UpdateJournal;
import dev.sourced.telegram.moderation.NearDuplicates;
import dev.sourced.telegram.moderation.PageFetcher;
import dev.sourced.telegram.moderation.UntrustedParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.EntityType;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Moderators curating the corpus from Telegram: adding documents (a file, pasted text or a link) through a preview
 * they confirm, listing, showing, editing, removing and restoring documents; admins appointing moderators. Roles are
 * checked on the sender's user id, never on the chat; every action, and every refused attempt, goes to the audit
 * trail. Document text is only ever shown escaped and stored as data.
 *
 * <p>{@link #handle} takes the updates that are moderation's (its commands, files, its buttons) and returns null for
 * the rest, which the reader's side of the bot handles as before.
 */
final class ModerationHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ModerationHandler.class);
    static final Set<String> COMMANDS = Set.of("mod", "audit", "add", "docs", "doc", "edit", "remove", "restore");
    static final String CALLBACK_PREFIX = "mod:";
    static final int DOCS_PAGE_SIZE = 10;
    static final int AUDIT_LINES = 15;
    /** A page from a link must have at least this much article text to be taken. */
    static final int MIN_PAGE_TEXT = 200;
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(60);

    enum Role { READER, MODERATOR, ADMIN }

    /** Where a request came from and where its reply goes. */
    private record Ctx(long chatId, long userId, Integer messageId, UpdateJournal.Entry entry) {
    }

    private final BotApi api;
    private final ReplySender sender;
    private final ModerationStore store;
    private final Moderation setup;
    private final Engine engine;
    private final BotIdentity identity;
    private final URI fileBase;
    private final HttpClient downloads = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    /** Changes to the corpus one at a time, whichever chat they come from. */
    private final ReentrantLock writes = new ReentrantLock();

    ModerationHandler(BotApi api, ReplySender sender, ModerationStore store, Moderation setup, BotIdentity identity,
                      BotConfig config) {
        this.api = api;
        this.sender = sender;
        this.store = store;
        this.setup = setup;
        this.engine = setup.engine();
        this.identity = identity;
        String base = config.apiUrl() == null ? "https://api.telegram.org" : config.apiUrl().toString().replaceAll("/+$", "");
        this.fileBase = URI.create(base + "/file/bot" + config.token() + "/");
    }

    Role role(long userId) {
        if (setup.admins().contains(userId)) return Role.ADMIN;
        return store.isModerator(userId) ? Role.MODERATOR : Role.READER;
    }

    /** Handles the update if it is moderation's and returns the outcome for the journal; null if it is not. */
    String handle(Update u, UpdateJournal.Entry entry) {
        if (u.hasCallbackQuery()) {
            CallbackQuery q = u.getCallbackQuery();
            if (q.getData() == null || !q.getData().startsWith(CALLBACK_PREFIX)) return null;
            return button(q, entry);
        }
        if (!u.hasMessage()) return null;
        Message m = u.getMessage();
        User from = m.getFrom();
        if (from == null || Boolean.TRUE.equals(from.getIsBot())) return null;
        boolean privateChat = "private".equals(m.getChat().getType());
        Ctx ctx = new Ctx(m.getChatId(), from.getId(), m.getMessageId(), entry);
        if (m.hasDocument()) {
            String caption = m.getCaption() == null ? "" : m.getCaption().strip();
            String command = leadingCommand(caption);
            if (privateChat || "add".equals(command)) {
                return guarded(ctx, "add", "", () -> addFile(ctx, m.getDocument()));
            }
            return null;
        }
        if (!m.hasText()) return null;
        String command = commandOf(m);
        if (command == null || !COMMANDS.contains(command)) return null;
        String text = m.getText();
        int end = text.length();
        for (int i = 1; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                end = i;
                break;
            }
        }
        String argument = text.substring(end).strip();
        String target = command.equals("add") || command.equals("mod") || command.equals("audit") || command.equals("docs")
                ? "" : argument.split("\\s+", 2)[0];
        return guarded(ctx, command, target, () -> command(ctx, command, argument));
    }

    /** The command name (lower case) if the text starts with one addressed to this bot, else null. */
    private String commandOf(Message m) {
        if (m.getEntities() == null) return null;
        for (MessageEntity e : m.getEntities()) {
            if (EntityType.BOTCOMMAND.equals(e.getType()) && e.getOffset() == 0 && e.getLength() > 1
                    && e.getLength() <= m.getText().length()) {
                return addressed(m.getText().substring(1, e.getLength()));
            }
        }
        return null;
    }

    /** The command at the start of a caption (captions carry no entities we rely on), else null. */
    private String leadingCommand(String caption) {
        if (!caption.startsWith("/")) return null;
        String word = caption.substring(1).split("\\s+", 2)[0];
        return word.isEmpty() ? null : addressed(word);
    }

    private String addressed(String command) {
        int at = command.indexOf('@');
        if (at >= 0) {
            if (!command.substring(at + 1).equalsIgnoreCase(identity.username())) return null;
            command = command.substring(0, at);
        }
        return command.toLowerCase(Locale.ROOT);
    }

    @FunctionalInterface
    private interface Action {
        String run();
    }

    /** Checks the sender's role, runs the action, and turns a refusal of the input into a reply saying why. */
    private String guarded(Ctx ctx, String command, String target, Action action) {
        Role role = role(ctx.userId());
        boolean allowed = command.equals("mod") ? role == Role.ADMIN : role != Role.READER;
        if (!allowed) {
            store.audit(ctx.userId(), ctx.chatId(), command, target, "refused", "role " + role.name().toLowerCase(Locale.ROOT));
            String text = command.equals("mod") && role == Role.MODERATOR
                    ? "Only admins can appoint or remove moderators."
                    : "Sorry, " + (command.equals("add") ? "adding documents" : "/" + command) + " is for the corpus moderators only.";
            reply(ctx, Reply.plain(text));
            return "moderation refused: " + command;
        }
        try {
            return action.run();
        } catch (CorpusException | DuplicateDocumentException | IllegalArgumentException e) {
            store.audit(ctx.userId(), ctx.chatId(), command, target, "failed", e.getMessage());
            reply(ctx, Reply.plain("Not done: " + e.getMessage()));
            return "moderation " + command + " failed";
        }
    }

    private void reply(Ctx ctx, Reply reply) {
        sender.send(ctx.chatId(), reply, ctx.messageId(), ctx.entry());
    }

    // ------------------------------------------------------------------ commands

    private String command(Ctx ctx, String command, String argument) {
        return switch (command) {
            case "mod" -> mod(ctx, argument);
            case "audit" -> audit(ctx);
            case "add" -> add(ctx, argument);
            case "docs" -> {
                reply(ctx, docsPage(parsePage(argument)));
                yield "moderation docs";
            }
            case "doc" -> doc(ctx, argument);
            case "edit" -> edit(ctx, argument);
            case "remove" -> remove(ctx, argument);
            case "restore" -> restore(ctx, argument);
            default -> throw new IllegalStateException(command);
        };
    }

    private String mod(Ctx ctx, String argument) {
        String[] a = argument.split("\\s+");
        String sub = a[0].toLowerCase(Locale.ROOT);
        if (sub.equals("list")) {
            StringJoiner out = new StringJoiner("\n");
            out.add(Html.bold("Admins") + " (" + Admins_ENV + "): " + (setup.admins().isEmpty() ? "none"
                    : String.join(", ", setup.admins().stream().sorted().map(String::valueOf).toList())));
            List<ModerationStore.Moderator> mods = store.moderators();
            out.add(Html.bold("Moderators") + ": " + (mods.isEmpty() ? "none" : ""));
            for (ModerationStore.Moderator m : mods) {
                out.add("• " + m.userId() + " — appointed by " + m.grantedBy() + " on " + Html.escape(day(m.grantedAt())));
            }
            reply(ctx, Reply.text(List.of(out.toString())));
            return "moderation mod list";
        }
        if ((!sub.equals("add") && !sub.equals("remove")) || a.length != 2) {
            reply(ctx, Reply.plain("Usage: /mod add USER_ID, /mod remove USER_ID, /mod list"));
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
        String text = sub.equals("add")
                ? (changed ? "User " + user + " is now a moderator." : "User " + user + " already is a moderator.")
                : (changed ? "User " + user + " is no longer a moderator." : "User " + user + " was not a moderator.");
        reply(ctx, Reply.plain(text));
        return "moderation mod " + sub;
    }

    private static final String Admins_ENV = dev.sourced.telegram.moderation.Admins.ENV;

    private String audit(Ctx ctx) {
        List<ModerationStore.AuditEntry> entries = store.latestAudit(AUDIT_LINES);
        store.audit(ctx.userId(), ctx.chatId(), "audit", "", "ok", "");
        if (entries.isEmpty()) {
            reply(ctx, Reply.plain("The audit trail is empty."));
            return "moderation audit";
        }
        StringJoiner out = new StringJoiner("\n");
        out.add(Html.bold("Latest moderation actions"));
        for (ModerationStore.AuditEntry e : entries) {
            out.add(Html.escape(e.at().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z") + " · user " + e.userId() + " · " + e.action()
                    + (e.docId().isEmpty() ? "" : " · " + e.docId()) + " · " + e.outcome()
                    + (e.detail().isEmpty() ? "" : " · " + shorten(e.detail(), 80))));
        }
        reply(ctx, Reply.text(List.of(out.toString())));
        return "moderation audit";
    }

    private static int parsePage(String argument) {
        try {
            return argument.isBlank() ? 0 : Math.max(0, Integer.parseInt(argument.strip()) - 1);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A page of the active documents, newest first, with their ids. */
    Reply docsPage(int requested) {
        List<StoredDocument> docs = engine.store().list(false);
        if (docs.isEmpty()) {
            return Reply.plain("The corpus is empty.");
        }
        int pages = (docs.size() + DOCS_PAGE_SIZE - 1) / DOCS_PAGE_SIZE;
        int page = Math.clamp(requested, 0, pages - 1);
        StringJoiner out = new StringJoiner("\n");
        out.add(Html.bold("Documents, newest first (page " + (page + 1) + " of " + pages + ", " + docs.size() + " in all)"));
        for (int i = page * DOCS_PAGE_SIZE; i < Math.min(docs.size(), (page + 1) * DOCS_PAGE_SIZE); i++) {
            StoredDocument d = docs.get(i);
            out.add("<code>" + Html.escape(d.id()) + "</code> — " + Html.escape(shorten(d.title(), 90))
                    + Html.escape(attribution(d.outlet(), d.published())) + " · " + d.passages() + " passages");
        }
        InlineKeyboardRow nav = new InlineKeyboardRow();
        if (page > 0) nav.add(button("‹ Newer", "docs:" + (page - 1)));
        if (page < pages - 1) nav.add(button("Older ›", "docs:" + (page + 1)));
        return new Reply(List.of(out.toString()), nav.isEmpty() ? null : new InlineKeyboardMarkup(List.of(nav)));
    }

    private String doc(Ctx ctx, String argument) {
        String id = argument.split("\\s+")[0];
        if (id.isEmpty()) {
            reply(ctx, Reply.plain("Usage: /doc ID (the ids are in /docs)"));
            return "moderation doc usage";
        }
        Optional<StoredDocument> found = engine.store().get(id);
        if (found.isEmpty()) {
            reply(ctx, Reply.plain("There is no document '" + id + "'. /docs lists them."));
            return "moderation doc: none";
        }
        StoredDocument d = found.get();
        StringJoiner out = new StringJoiner("\n");
        out.add(Html.bold(d.title()));
        out.add("Id: <code>" + Html.escape(d.id()) + "</code>");
        out.add("Outlet: " + Html.escape(or(d.outlet())));
        out.add("Date: " + Html.escape(or(d.published())));
        out.add("Language: " + Html.escape(d.language().code()));
        out.add("URL: " + (d.url().isEmpty() ? "—" : Html.link(d.url(), d.url())));
        out.add("Passages: " + d.passages());
        out.add("Format: " + Html.escape(d.format()) + " · origin: " + Html.escape(shorten(d.origin(), 80)));
        out.add("Added: " + Html.escape(day(d.createdAt())) + " · updated: " + Html.escape(day(d.updatedAt())));
        if (d.removed()) {
            Instant until = Instant.parse(d.removedAt()).plus(DocumentStore.RESTORE_WINDOW);
            out.add("Removed on " + Html.escape(day(d.removedAt())) + (until.isAfter(Instant.now())
                    ? "; /restore " + Html.escape(d.id()) + " brings it back until " + day(until.toString()) : "; too long ago to restore"));
        }
        reply(ctx, Reply.text(List.of(out.toString())));
        return "moderation doc";
    }

    private String edit(Ctx ctx, String argument) {
        String[] a = argument.split("\\s+", 3);
        if (a.length < 3 || a[2].isBlank()) {
            reply(ctx, Reply.plain("Usage: /edit ID FIELD VALUE — fields: title, outlet, url, date, language"
                    + " (for a preview: /edit #N FIELD VALUE, and also id)"));
            return "moderation edit usage";
        }
        String field = a[1].toLowerCase(Locale.ROOT);
        String value = a[2].strip();
        if (a[0].startsWith("#")) {
            return editDraft(ctx, a[0].substring(1), field, value);
        }
        String column = column(field, false);
        String v = valid(column, value);
        boolean done;
        writes.lock();
        try {
            done = engine.edit(a[0], column, v);
        } finally {
            writes.unlock();
        }
        store.audit(ctx.userId(), ctx.chatId(), "edit", a[0], done ? "ok" : "failed", field + " = " + v);
        reply(ctx, Reply.plain(done ? "Done: the " + field + " of " + a[0] + " is now “" + v + "”."
                : "There is no document '" + a[0] + "' in the corpus (removed documents are restored first)."));
        return done ? "moderation edit" : "moderation edit: none";
    }

    private String editDraft(Ctx ctx, String number, String field, String value) {
        long id;
        try {
            id = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'#" + number + "' is not a preview number");
        }
        String column = column(field, true);
        String v = valid(column, value);
        if (column.equals("doc_id")) {
            v = DocumentReader.slug(v);
            if (engine.store().get(v).isPresent()) {
                throw new IllegalArgumentException("the id '" + v + "' is already taken by a document of the corpus");
            }
        }
        Optional<Draft> draft = store.draft(id);
        if (draft.isEmpty() || !draft.get().pending() || !store.updateDraft(id, column, v)) {
            reply(ctx, Reply.plain("Preview #" + id + " is no longer waiting (confirmed, cancelled or expired)."));
            return "moderation edit preview: gone";
        }
        store.audit(ctx.userId(), ctx.chatId(), "edit preview", "#" + id, "ok", field + " = " + v);
        Draft updated = store.draft(id).orElseThrow();
        sendPreview(ctx, updated, PreparedDocument.prepare(source(updated)), "Updated preview");
        return "moderation edit preview";
    }

    /** The column of an editable field; {@code id} only for previews. */
    private static String column(String field, boolean draft) {
        return switch (field) {
            case "title" -> "title";
            case "outlet", "source", "site" -> "outlet";
            case "url", "link" -> "url";
            case "date", "published" -> "published";
            case "language", "lang" -> "language";
            case "id" -> {
                if (!draft) throw new IllegalArgumentException("the id of a stored document cannot change");
                yield "doc_id";
            }
            default -> throw new IllegalArgumentException("unknown field '" + field + "' (title, outlet, url, date, language"
                    + (draft ? ", id" : "") + ")");
        };
    }

    private static String valid(String column, String value) {
        String v = value.strip();
        return switch (column) {
            case "published" -> {
                if (!v.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
                    throw new IllegalArgumentException("a date is written YYYY-MM-DD (or YYYY-MM, YYYY), not '" + v + "'");
                }
                yield v;
            }
            case "url" -> {
                if (!Html.isWebUrl(v)) throw new IllegalArgumentException("'" + v + "' is not an http(s) URL");
                yield v;
            }
            case "language" -> {
                Lang l = Lang.fromCode(v);
                if (l == Lang.OTHER && !v.equalsIgnoreCase("other")) {
                    throw new IllegalArgumentException("unknown language '" + v + "' (fr, en)");
                }
                yield l.code();
            }
            default -> {
                if (v.length() > 300) throw new IllegalArgumentException("the value is too long (300 characters at most)");
                yield v;
            }
        };
    }

    private String remove(Ctx ctx, String argument) {
        String id = argument.split("\\s+")[0];
        if (id.isEmpty()) {
            reply(ctx, Reply.plain("Usage: /remove ID (the ids are in /docs)"));
            return "moderation remove usage";
        }
        boolean done;
        writes.lock();
        try {
            done = engine.remove(id);
        } finally {
            writes.unlock();
        }
        store.audit(ctx.userId(), ctx.chatId(), "remove", id, done ? "ok" : "failed", done ? "" : "no such active document");
        reply(ctx, Reply.plain(done ? "Removed " + id + ": its passages are out of the index now. /restore " + id
                + " brings it back within " + DocumentStore.RESTORE_WINDOW.toDays() + " days."
                : "There is no document '" + id + "' in the corpus."));
        return done ? "moderation remove" : "moderation remove: none";
    }

    private String restore(Ctx ctx, String argument) {
        String id = argument.split("\\s+")[0];
        if (id.isEmpty()) {
            reply(ctx, Reply.plain("Usage: /restore ID"));
            return "moderation restore usage";
        }
        boolean done;
        writes.lock();
        try {
            done = engine.restore(id);
        } finally {
            writes.unlock();
        }
        store.audit(ctx.userId(), ctx.chatId(), "restore", id, done ? "ok" : "failed", done ? "" : "nothing to restore");
        reply(ctx, Reply.plain(done ? "Restored " + id + ": it can be cited again."
                : "No document '" + id + "' was removed in the last " + DocumentStore.RESTORE_WINDOW.toDays() + " days."));
        return done ? "moderation restore" : "moderation restore: none";
    }

    // ------------------------------------------------------------------ adding

    private String add(Ctx ctx, String argument) {
        if (argument.isBlank()) {
            reply(ctx, Reply.plain("To add a document: send the file (.txt, .md, .html, .pdf), or /add URL, or /add followed by"
                    + " the title on the first line and the text below."));
            return "moderation add usage";
        }
        if (!argument.contains("\n") && argument.matches("(?i)^[a-z][a-z0-9+.-]*://\\S+$")) {
            return addUrl(ctx, argument);
        }
        String title = argument.lines().findFirst().orElse("").strip();
        String body = argument.substring(argument.indexOf('\n') < 0 ? argument.length() : argument.indexOf('\n') + 1).strip();
        if (body.isEmpty()) {
            throw new CorpusException("the text is empty: write the title on the first line after /add and the text below it");
        }
        String text = LEFTOVERS.matcher(ACTIVE.matcher(body).replaceAll("")).replaceAll("");
        SourceDocument doc = new SourceDocument(DocumentMeta.empty().withTitle(title).withOrigin("telegram:text"), "text", text);
        return preview(ctx, doc, "", "text");
    }

    private static final java.util.regex.Pattern ACTIVE = java.util.regex.Pattern.compile("(?is)<(script|style)\\b[^>]*>.*?</\\1\\s*>");
    private static final java.util.regex.Pattern LEFTOVERS = java.util.regex.Pattern.compile("(?is)</?(script|style)\\b[^>]*>");

    private String addUrl(Ctx ctx, String url) {
        PageFetcher.Page page = setup.fetcher().fetch(url);
        String format = page.pdf() ? "pdf" : page.plainText() ? "text" : "html";
        UntrustedParser.Extracted ex = setup.parser().parse(page.body(), format, page.url().toString(), page.url().toString());
        SourceDocument doc = ex.document();
        int length = Boilerplate.clean(doc.text()).text().strip().length();
        if (length < MIN_PAGE_TEXT) {
            throw new CorpusException(url + ": the page has almost no article text (" + length
                    + " characters); is it an article?");
        }
        DocumentMeta meta = doc.meta();
        if (meta.url().isEmpty() || !Html.isWebUrl(meta.url())) {
            meta = meta.withUrl(page.url().toString());
        }
        return preview(ctx, new SourceDocument(meta, doc.format(), doc.text()), ex.cut() ? cutNote() : "", "url");
    }

    private String addFile(Ctx ctx, Document file) {
        String name = file.getFileName() == null || file.getFileName().isBlank() ? "file" : file.getFileName();
        String format = UntrustedParser.formatOf(name);
        if (format == null && "application/pdf".equals(file.getMimeType())) format = "pdf";
        if (format == null) {
            throw new CorpusException(name + ": unsupported type; send a .txt, .md, .html or .pdf file");
        }
        long limit = setup.parser().limits().maxBytes();
        if (file.getFileSize() != null && file.getFileSize() > limit) {
            throw new CorpusException(name + ": too large (" + file.getFileSize() / (1024 * 1024) + " MB; the limit is "
                    + limit / (1024 * 1024) + " MB)");
        }
        org.telegram.telegrambots.meta.api.objects.File info;
        try {
            info = api.call(new GetFile(file.getFileId()));
        } catch (SendFailure f) {
            if (f.kind() == SendFailure.Kind.REJECTED) {
                throw new CorpusException(name + ": Telegram would not give the file (" + f.getMessage() + ")");
            }
            throw f;
        }
        if (info.getFilePath() == null) {
            throw new CorpusException(name + ": Telegram gave no download path for the file");
        }
        byte[] bytes = download(name, info.getFilePath(), limit);
        UntrustedParser.Extracted ex = setup.parser().parse(bytes, format, name, "telegram:" + name);
        return preview(ctx, ex.document(), ex.cut() ? cutNote() : "", "file");
    }

    private String cutNote() {
        return "The text was longer than " + String.format(Locale.ROOT, "%,d", setup.parser().limits().maxChars())
                + " characters and was cut there.";
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

    /** Prepares the document, refuses an exact duplicate, keeps a draft and sends its preview with the buttons. */
    private String preview(Ctx ctx, SourceDocument doc, String notes, String how) {
        PreparedDocument prepared = PreparedDocument.prepare(doc);
        List<StoredDocument> corpus = engine.store().list(false);
        Optional<NearDuplicates.Match> dup = NearDuplicates.find(prepared.text(), corpus);
        if (dup.isPresent() && dup.get().exact()) {
            throw new DuplicateDocumentException(dup.get().docId(), dup.get().title());
        }
        DocumentMeta meta = prepared.meta();
        store.pruneDrafts();
        Draft draft = store.saveDraft(new Draft(0, ctx.chatId(), ctx.userId(), uniqueId(meta.id()), meta.title(), meta.outlet(),
                meta.url(), meta.language().code(), meta.published(), meta.origin(), doc.format(), doc.text(), notes,
                "pending", ""));
        store.audit(ctx.userId(), ctx.chatId(), "add " + how, draft.docId(), "previewed", "preview #" + draft.id() + " · " + shorten(meta.origin(), 100));
        sendPreview(ctx, draft, prepared, "Preview");
        return "moderation add: preview #" + draft.id();
    }

    /** An id not yet used by any document, removed ones included: a new document never replaces another. */
    private String uniqueId(String base) {
        String id = base;
        for (int n = 2; engine.store().get(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private void sendPreview(Ctx ctx, Draft d, PreparedDocument p, String heading) {
        List<String> parts = new ArrayList<>();
        parts.add(Html.bold(heading + " #" + d.id()) + " — not in the corpus until confirmed");
        parts.add("Title: " + Html.bold(shorten(d.title(), 200)));
        parts.add("Outlet: " + Html.escape(or(d.outlet())) + "\nDate: " + Html.escape(or(d.published()))
                + "\nLanguage: " + Html.escape(d.language()) + "\nURL: " + Html.escape(or(shorten(d.url(), 200)))
                + "\nId: <code>" + Html.escape(d.docId()) + "</code>\nPassages: " + p.passages().size());
        List<String> first = p.text().lines().filter(l -> !l.isBlank()).limit(3).map(l -> shorten(l.strip(), 200)).toList();
        parts.add("Begins:\n<blockquote>" + Html.escape(String.join("\n", first)) + "</blockquote>");
        if (p.removed().isEmpty()) {
            parts.add("Boilerplate removed: none");
        } else {
            StringJoiner r = new StringJoiner("\n");
            r.add("Boilerplate removed (" + p.removed().size() + " line" + (p.removed().size() == 1 ? "" : "s") + "):");
            p.removed().stream().limit(5).forEach(x -> r.add("• " + Html.escape(shorten(x.line(), 100)) + " <i>(" + Html.escape(x.rule()) + ")</i>"));
            if (p.removed().size() > 5) r.add("• …");
            parts.add(r.toString());
        }
        List<StoredDocument> corpus = engine.store().list(false);
        NearDuplicates.find(p.text(), corpus).ifPresent(m -> parts.add("⚠️ Near-duplicate: "
                + Math.round(m.overlap() * 100) + "% of its text is in <code>" + Html.escape(m.docId()) + "</code> ("
                + Html.escape(shorten(m.title(), 100)) + ")."));
        if (!d.notes().isBlank()) parts.add("⚠️ " + Html.escape(d.notes()));
        parts.add("<i>Correct a field with /edit #" + d.id() + " FIELD VALUE. This preview expires in "
                + ModerationStore.PENDING_LIFETIME.toHours() + " h.</i>");
        InlineKeyboardRow row = new InlineKeyboardRow(button("✅ Confirm", "ok:" + d.id()), button("✏️ Edit metadata", "meta:" + d.id()),
                button("✖️ Cancel", "no:" + d.id()));
        reply(ctx, new Reply(List.of(String.join("\n\n", parts)), new InlineKeyboardMarkup(List.of(row))));
    }

    private static SourceDocument source(Draft d) {
        DocumentMeta meta = new DocumentMeta(d.docId(), d.title(), d.outlet(), d.url(),
                d.language().isEmpty() ? null : Lang.fromCode(d.language()), d.published(), d.origin());
        return new SourceDocument(meta, d.format(), d.text());
    }

    // ------------------------------------------------------------------ buttons

    private String button(CallbackQuery q, UpdateJournal.Entry entry) {
        String[] f = q.getData().substring(CALLBACK_PREFIX.length()).split(":", 2);
        long chatId = q.getMessage() != null ? q.getMessage().getChatId() : q.getFrom().getId();
        Integer messageId = q.getMessage() == null ? null : q.getMessage().getMessageId();
        Ctx ctx = new Ctx(chatId, q.getFrom().getId(), messageId, entry);
        String action = switch (f[0]) {
            case "ok" -> "confirm";
            case "no" -> "cancel";
            case "meta" -> "edit metadata";
            case "docs" -> "docs";
            default -> "unknown";
        };
        Role role = role(ctx.userId());
        if (role == Role.READER) {
            store.audit(ctx.userId(), chatId, action, f.length > 1 && !f[0].equals("docs") ? "#" + f[1] : "", "refused", "role reader");
            acknowledge(q, "This button is for the corpus moderators only.");
            return "moderation refused: button " + action;
        }
        if (f.length != 2 || action.equals("unknown")) {
            acknowledge(q, null);
            return "moderation: unknown button";
        }
        if (action.equals("docs")) {
            acknowledge(q, null);
            Reply page = docsPage(parsePage(String.valueOf(safeInt(f[1]) + 1)));
            if (messageId != null) sender.edit(chatId, messageId, page);
            else sender.send(chatId, page, null, entry);
            return "moderation docs page";
        }
        long id = safeInt(f[1]);
        Optional<Draft> draft = store.draft(id);
        if (draft.isEmpty() || !draft.get().pending()) {
            String state = draft.map(Draft::state).orElse("gone");
            acknowledge(q, "Preview #" + id + " is " + (state.equals("expired") ? "expired; send the document again."
                    : state.equals("gone") ? "gone." : "already " + state + "."));
            return "moderation " + action + ": preview " + state;
        }
        return switch (f[0]) {
            case "ok" -> confirm(q, ctx, draft.get());
            case "no" -> {
                boolean done = store.close(id, "cancelled");
                store.audit(ctx.userId(), chatId, "cancel", draft.get().docId(), done ? "ok" : "failed", "preview #" + id);
                acknowledge(q, done ? "Cancelled: nothing stored." : "Preview #" + id + " was already handled.");
                if (done) closePreview(q, "✖️ Cancelled by " + ctx.userId() + ": nothing stored.");
                yield "moderation cancel";
            }
            default -> {
                acknowledge(q, null);
                reply(ctx, Reply.plain("Correct a field with /edit #" + id + " FIELD VALUE, for example /edit #" + id
                        + " outlet Le Monde. Fields: title, outlet, url, date (YYYY-MM-DD), language (fr, en), id."
                        + " A new preview follows each correction."));
                yield "moderation edit metadata help";
            }
        };
    }

    private String confirm(CallbackQuery q, Ctx ctx, Draft d) {
        if (!store.close(d.id(), "confirmed")) {
            acknowledge(q, "Preview #" + d.id() + " was already handled.");
            return "moderation confirm: already handled";
        }
        Engine.IngestResult r;
        writes.lock();
        try {
            if (engine.store().get(d.docId()).isPresent()) {
                throw new DuplicateDocumentException(d.docId(), "the id is taken since the preview");
            }
            r = engine.ingest(source(d));
        } catch (CorpusException | StoreException e) {
            store.reopen(d.id());
            store.audit(ctx.userId(), ctx.chatId(), "confirm", d.docId(), "failed", e.getMessage());
            acknowledge(q, "Not stored.");
            reply(ctx, Reply.plain("Not stored: " + e.getMessage()));
            return "moderation confirm failed";
        } finally {
            writes.unlock();
        }
        store.audit(ctx.userId(), ctx.chatId(), "confirm", r.docId(), "ok", "preview #" + d.id() + " · " + r.passages() + " passages");
        acknowledge(q, "Added.");
        closePreview(q, "✅ Confirmed by " + ctx.userId() + ".");
        reply(ctx, Reply.text(List.of("✅ Added " + Html.bold(d.title()) + " as <code>" + Html.escape(r.docId()) + "</code>: "
                + r.passages() + " passages, searchable now.")));
        return "moderation confirm";
    }

    /** Takes the buttons off a preview once it is handled, noting how. */
    private void closePreview(CallbackQuery q, String note) {
        if (q.getMessage() == null) return;
        try {
            String original = q.getMessage() instanceof Message m && m.getText() != null ? m.getText() : "";
            String text = (original.isEmpty() ? "" : Html.escape(shorten(original, 3000)) + "\n\n") + Html.escape(note);
            sender.edit(q.getMessage().getChatId(), q.getMessage().getMessageId(), new Reply(List.of(text), null));
        } catch (SendFailure f) {
            if (f.kind() == SendFailure.Kind.UNAVAILABLE) throw f;
            LOG.debug("cannot close preview: {}", f.getMessage());
        }
    }

    private void acknowledge(CallbackQuery q, String text) {
        try {
            api.call(AnswerCallbackQuery.builder().callbackQueryId(q.getId()).text(text).build());
        } catch (SendFailure f) {
            if (f.kind() == SendFailure.Kind.UNAVAILABLE) throw f;
            LOG.debug("answerCallbackQuery refused: {}", f.getMessage());
        }
    }

    // ------------------------------------------------------------------ small things

    private static InlineKeyboardButton button(String label, String data) {
        return InlineKeyboardButton.builder().text(label).callbackData(CALLBACK_PREFIX + data).build();
    }

    private static long safeInt(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String or(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static String day(String iso) {
        return iso == null ? "" : iso.length() >= 10 ? iso.substring(0, 10) : iso;
    }

    private static String attribution(String outlet, String date) {
        List<String> parts = new ArrayList<>();
        if (!outlet.isBlank()) parts.add(outlet);
        if (!date.isBlank()) parts.add(date);
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static String shorten(String s, int max) {
        if (s == null) return "";
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
