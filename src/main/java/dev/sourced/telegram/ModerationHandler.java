package dev.sourced.telegram;

import dev.sourced.corpus.CorpusException;
import dev.sourced.corpus.Lang;
import dev.sourced.store.DuplicateDocumentException;
import dev.sourced.telegram.CallbackData.ModAction;
import dev.sourced.telegram.CallbackData.ModButton;
import dev.sourced.telegram.Incoming.Button;
import dev.sourced.telegram.Incoming.ModCommand;
import dev.sourced.telegram.Incoming.Upload;
import dev.sourced.telegram.ModerationReplies.Ctx;
import dev.sourced.telegram.store.ModerationStore;
import dev.sourced.telegram.store.UpdateJournal;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Moderators curating the corpus from Telegram: routes their commands, files and buttons (as
 * {@link UpdateClassifier} and {@link CallbackData} parse them) to {@link CorpusCommands} or {@link DocumentPreviews},
 * after checking the sender's role on their user id, never on the chat. Every action, and every refused attempt, goes
 * to the audit trail; a refused input gets a reply saying why.
 */
final class ModerationHandler {
    enum Role { READER, MODERATOR, ADMIN }

    private final Moderation setup;
    private final ModerationStore store;
    private final ModerationReplies out;
    private final CorpusCommands commands;
    private final DocumentPreviews previews;

    ModerationHandler(BotApi api, ReplySender sender, ModerationStore store, Moderation setup, BotConfig config) {
        this.setup = setup;
        this.store = store;
        this.out = new ModerationReplies(api, sender);
        this.commands = new CorpusCommands(setup.curation(), setup.admins(), store, out);
        this.previews = new DocumentPreviews(setup.curation(), setup.intake(), store, out, api, config);
    }

    Role role(long userId) {
        if (setup.admins().contains(userId)) return Role.ADMIN;
        return store.isModerator(userId) ? Role.MODERATOR : Role.READER;
    }

    /** A moderation command; the outcome for the journal. */
    String command(ModCommand c, UpdateJournal.Entry entry) {
        Ctx ctx = Ctx.of(c.chatId(), c.userId(), c.messageId(), entry, c.languageCode());
        String name = c.name();
        String argument = c.argument();
        String target = name.equals("add") || name.equals("mod") || name.equals("audit") || name.equals("docs")
                ? "" : argument.split("\\s+", 2)[0];
        return guarded(ctx, name, target, () -> switch (name) {
            case "mod" -> commands.mod(ctx, argument);
            case "audit" -> commands.audit(ctx);
            case "add" -> previews.add(ctx, argument);
            case "docs" -> commands.docs(ctx, argument);
            case "doc" -> commands.doc(ctx, argument);
            case "edit" -> edit(ctx, argument);
            case "remove", "restore" -> commands.removeOrRestore(ctx, name, argument);
            default -> throw new IllegalStateException(name);
        });
    }

    /** A file sent to be added. */
    String upload(Upload u, UpdateJournal.Entry entry) {
        Ctx ctx = Ctx.of(u.chatId(), u.userId(), u.messageId(), entry, u.languageCode());
        return guarded(ctx, "add", "", () -> previews.addFile(ctx, u));
    }

    /** /edit ID FIELD VALUE for a stored document, /edit #N FIELD VALUE for a preview. */
    private String edit(Ctx ctx, String argument) {
        String[] a = argument.split("\\s+", 3);
        if (a.length < 3 || a[2].isBlank()) {
            out.plain(ctx, Phrase.EDIT_USAGE);
            return "moderation edit usage";
        }
        String field = a[1].toLowerCase(Locale.ROOT);
        String value = a[2].strip();
        return a[0].startsWith("#") ? previews.editDraft(ctx, a[0].substring(1), field, value)
                : commands.edit(ctx, a[0], field, value);
    }

    /** Checks the sender's role, runs the action, and turns a refusal of the input into a reply saying why. */
    private String guarded(Ctx ctx, String command, String target, Supplier<String> action) {
        Role role = role(ctx.userId());
        boolean allowed = command.equals("mod") ? role == Role.ADMIN : role != Role.READER;
        if (!allowed) {
            store.audit(ctx.userId(), ctx.chatId(), command, target, "refused", "role " + role.name().toLowerCase(Locale.ROOT));
            if (command.equals("mod") && role == Role.MODERATOR) out.plain(ctx, Phrase.MOD_ADMINS_ONLY);
            else if (command.equals("add")) out.plain(ctx, Phrase.MOD_ONLY_ADD);
            else out.plain(ctx, Phrase.MOD_ONLY_COMMAND, command);
            return "moderation refused: " + command;
        }
        try {
            return action.get();
        } catch (CorpusException | DuplicateDocumentException | IllegalArgumentException e) {
            store.audit(ctx.userId(), ctx.chatId(), command, target, "failed", e.getMessage());
            out.plain(ctx, Phrase.MOD_NOT_DONE, e.getMessage());
            return "moderation " + command + " failed";
        }
    }

    /** A moderator's button: the role is checked first, whatever the button says. */
    String button(Button b, ModButton m, UpdateJournal.Entry entry) {
        Ctx ctx = Ctx.of(b.chatId(), b.userId(), b.messageId(), entry, b.languageCode());
        String action = switch (m.action()) {
            case CONFIRM -> "confirm";
            case CANCEL -> "cancel";
            case EDIT_METADATA -> "edit metadata";
            case DOCS_PAGE -> "docs";
            case UNKNOWN -> "unknown";
        };
        if (role(ctx.userId()) == Role.READER) {
            store.audit(ctx.userId(), ctx.chatId(), action, m.value() != null && m.action() != ModAction.DOCS_PAGE ? "#" + m.value() : "",
                    "refused", "role reader");
            out.acknowledge(b.callbackId(), ctx.say(Phrase.MOD_ONLY_BUTTON));
            return "moderation refused: button " + action;
        }
        if (!m.wellFormed()) {
            out.acknowledge(b.callbackId(), null);
            return "moderation: unknown button";
        }
        if (m.action() == ModAction.DOCS_PAGE) {
            out.acknowledge(b.callbackId(), null);
            return commands.docsPageButton(ctx, m.number());
        }
        return previews.pressed(ctx, b.callbackId(), b, m, action);
    }

    /** The column of an editable field; {@code id} only for previews. */
    static String column(String field, boolean draft) {
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

    /** The value checked for its column: a date, a web URL, a known language, or a short text. */
    static String valid(String column, String value) {
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
}
