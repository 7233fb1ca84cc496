package dev.sourced.telegram;

import dev.sourced.corpus.Lang;
import java.util.Locale;

/**
 * The bot's own words, in English and French. Replies are framed in the reader's language: the answer's language,
 * else Telegram's {@code language_code}, else English. Placeholders follow {@link String#format}.
 */
enum Phrase {
    SOURCES("Sources", "Sources"),
    ALSO_IN("Also in:", "Aussi dans :"),
    MACHINE_TRANSLATION("Machine translation:", "Traduction automatique :"),
    CONTEXT_BUTTON("🔎 [%d]", "🔎 [%d]"),
    MORE_SOURCES_BUTTON("More sources", "Plus de sources"),
    MORE_SOURCES_TITLE("More sources", "Autres sources"),
    NO_MORE_SOURCES("There are no further sources for this answer.", "Il n'y a pas d'autres sources pour cette réponse."),
    CONTEXT_TITLE("Context of [%d]", "Contexte de [%d]"),
    CONTEXT_GONE("This article is no longer in the corpus.", "Cet article n'est plus dans le corpus."),
    ANSWER_GONE("This answer is no longer available; please ask again.",
            "Cette réponse n'est plus disponible ; reposez la question."),
    FEEDBACK_UP("Thanks, glad it helped!", "Merci, ravi que cela vous aide !"),
    FEEDBACK_DOWN("Thanks, noted: this answer was not helpful.", "Merci, c'est noté : cette réponse ne vous a pas aidé."),
    RATE_LIMITED("You are asking many questions at once. Please wait a minute, then ask again.",
            "Vous posez beaucoup de questions à la fois. Patientez une minute, puis reposez votre question."),
    TEXT_ONLY("I can only read text. Please type your question.",
            "Je ne lis que le texte. Écrivez votre question, s'il vous plaît."),
    EMPTY_QUESTION("Please write a question after my name, for example: %s",
            "Écrivez une question après mon nom, par exemple : %s"),
    TOO_LONG("Your message is too long (%d characters). Please ask a shorter question, of at most %d characters.",
            "Votre message est trop long (%d caractères). Posez une question plus courte, de %d caractères au plus."),
    ASK_USAGE("Write your question after /ask, for example: /ask %s",
            "Écrivez votre question après /ask, par exemple : /ask %s"),
    UNKNOWN_COMMAND("I don't know that command. /help lists what I can do.",
            "Je ne connais pas cette commande. /help indique ce que je sais faire."),
    CONVERSATION_CLEARED("Done: I forgot our conversation. Your next question starts afresh.",
            "C'est fait : j'ai oublié notre conversation. Votre prochaine question repart de zéro."),
    OTHER_LANGUAGE("(I read French and English best; questions in those languages get the best answers.)",
            "(Je lis mieux le français et l'anglais ; les questions dans ces langues ont les meilleures réponses.)"),
    FAILED("Sorry, something went wrong while answering. Please try again in a moment.",
            "Désolé, un problème est survenu pendant la réponse. Réessayez dans un instant."),
    SOURCES_TITLE("Articles in the corpus (%d–%d of %d)", "Articles du corpus (%d–%d sur %d)"),
    SOURCES_EMPTY("The corpus is empty for now.", "Le corpus est vide pour l'instant."),
    PREVIOUS("‹ Previous", "‹ Précédents"),
    NEXT("Next ›", "Suivants ›"),
    WELCOME_HELLO("Hello! I answer questions about a collection of news articles, quoting the passages I rely on.",
            "Bonjour ! Je réponds aux questions sur un ensemble d'articles de presse, en citant les passages sur lesquels je m'appuie."),
    WELCOME_CORPUS("The collection holds %d articles, published %s.", "La collection compte %d articles, publiés %s."),
    WELCOME_OUTLETS("Outlets include %s.", "Parmi les sources : %s."),
    WELCOME_TOPICS("They cover topics such as: %s.", "Ils couvrent des sujets comme : %s."),
    WELCOME_EXAMPLES("Try for example:", "Essayez par exemple :"),
    WELCOME_HINT("/help explains the rest.", "/help explique le reste."),
    DATE_RANGE("between %s and %s", "entre %s et %s"),
    DATE_ON_DAY("on %s", "le %s"),
    DATE_IN_MONTH("in %s", "en %s"),
    DATE_UNKNOWN("at various dates", "à des dates diverses"),
    AND("and", "et"),
    EXAMPLE_ABOUT("What do the articles say about %s?", "Que disent les articles sur %s ?"),
    EXAMPLE_TITLE("What happened: %s?", "Que s'est-il passé : %s ?"),
    HELP("""
            Ask me a question in plain words; I answer from the articles of the corpus and quote my sources [1], [2]…
            Under an answer: 🔎 shows the context of a quote, "More sources" the other passages, 👍/👎 tell me if it helped.
            Follow-up questions are understood in the light of the previous ones; /new starts a fresh conversation.

            In a group, mention me (@%s your question), reply to one of my messages, or use /ask your question.

            /ask — ask a question
            /sources — list the articles of the corpus
            /new — forget the conversation
            /start — what the corpus covers
            /help — this help""", """
            Posez-moi une question simplement ; je réponds à partir des articles du corpus et je cite mes sources [1], [2]…
            Sous une réponse : 🔎 montre le contexte d'une citation, « Plus de sources » les autres passages, 👍/👎 me disent si elle vous a aidé.
            Les questions de suivi sont comprises à la lumière des précédentes ; /new commence une nouvelle conversation.

            Dans un groupe, mentionnez-moi (@%s votre question), répondez à l'un de mes messages, ou utilisez /ask votre question.

            /ask — poser une question
            /sources — lister les articles du corpus
            /new — oublier la conversation
            /start — ce que couvre le corpus
            /help — cette aide"""),
    COMMAND_ASK("Ask a question about the news corpus", "Poser une question sur le corpus d'articles"),
    COMMAND_SOURCES("List the articles of the corpus", "Lister les articles du corpus"),
    COMMAND_NEW("Forget the conversation", "Oublier la conversation"),
    COMMAND_START("What the corpus covers", "Ce que couvre le corpus"),
    COMMAND_HELP("How to use the bot", "Comment utiliser le bot"),

    // moderation
    MOD_ADMINS_ONLY("Only admins can appoint or remove moderators.", "Seuls les admins nomment ou retirent les modérateurs."),
    MOD_ONLY_ADD("Sorry, adding documents is for the corpus moderators only.",
            "Désolé, seuls les modérateurs du corpus peuvent ajouter des documents."),
    MOD_ONLY_COMMAND("Sorry, /%s is for the corpus moderators only.", "Désolé, /%s est réservé aux modérateurs du corpus."),
    MOD_ONLY_BUTTON("This button is for the corpus moderators only.", "Ce bouton est réservé aux modérateurs du corpus."),
    MOD_NOT_DONE("Not done: %s", "Pas fait : %s"),
    MOD_NONE("none", "aucun"),
    MOD_ADMINS("Admins", "Admins"),
    /** What follows a bold label: the colon, spaced as each language spaces it. */
    COLON(": ", " : "),
    MOD_MODERATORS("Moderators", "Modérateurs"),
    MOD_APPOINTED("• %d — appointed by %d on %s", "• %d — nommé par %d le %s"),
    MOD_USAGE("Usage: /mod add USER_ID, /mod remove USER_ID, /mod list",
            "Usage : /mod add ID_UTILISATEUR, /mod remove ID_UTILISATEUR, /mod list"),
    MOD_GRANTED("User %d is now a moderator.", "L'utilisateur %d est maintenant modérateur."),
    MOD_ALREADY("User %d already is a moderator.", "L'utilisateur %d est déjà modérateur."),
    MOD_REVOKED("User %d is no longer a moderator.", "L'utilisateur %d n'est plus modérateur."),
    MOD_WAS_NOT("User %d was not a moderator.", "L'utilisateur %d n'était pas modérateur."),
    AUDIT_EMPTY("The audit trail is empty.", "Le journal de modération est vide."),
    AUDIT_TITLE("Latest moderation actions", "Dernières actions de modération"),
    DOCS_EMPTY("The corpus is empty.", "Le corpus est vide."),
    DOCS_TITLE("Documents, newest first (page %d of %d, %d in all)", "Documents, du plus récent (page %d sur %d, %d en tout)"),
    DOCS_PASSAGES("%d passages", "%d passages"),
    NEWER("‹ Newer", "‹ Plus récents"),
    OLDER("Older ›", "Plus anciens ›"),
    DOC_USAGE("Usage: /doc ID (the ids are in /docs)", "Usage : /doc ID (les ids sont dans /docs)"),
    DOC_UNKNOWN("There is no document '%s'. /docs lists them.", "Il n'y a pas de document '%s'. /docs les liste."),
    FIELD_ID("Id:", "Id :"),
    FIELD_TITLE("Title:", "Titre :"),
    FIELD_OUTLET("Outlet:", "Source :"),
    FIELD_DATE("Date:", "Date :"),
    FIELD_LANGUAGE("Language:", "Langue :"),
    FIELD_URL("URL:", "URL :"),
    FIELD_PASSAGES("Passages:", "Passages :"),
    DOC_FORMAT("Format: %s · origin: %s", "Format : %s · origine : %s"),
    DOC_DATES("Added: %s · updated: %s", "Ajouté : %s · modifié : %s"),
    DOC_REMOVED("Removed on %s", "Retiré le %s"),
    DOC_RESTORABLE("; /restore %s brings it back until %s", " ; /restore %s le rétablit jusqu'au %s"),
    DOC_TOO_OLD("; too long ago to restore", " ; trop ancien pour être rétabli"),
    EDIT_USAGE("Usage: /edit ID FIELD VALUE — fields: title, outlet, url, date, language (for a preview: /edit #N FIELD VALUE, and also id)",
            "Usage : /edit ID CHAMP VALEUR — champs : title, outlet, url, date, language (pour un aperçu : /edit #N CHAMP VALEUR, et aussi id)"),
    EDIT_DONE("Done: the %s of %s is now “%s”.", "C'est fait : le champ %s de %s vaut maintenant « %s »."),
    EDIT_NONE("There is no document '%s' in the corpus (removed documents are restored first).",
            "Il n'y a pas de document '%s' dans le corpus (un document retiré se rétablit d'abord)."),
    PREVIEW_GONE_EDIT("Preview #%d is no longer waiting (confirmed, cancelled or expired).",
            "L'aperçu n°%d n'attend plus (confirmé, annulé ou expiré)."),
    REMOVE_USAGE("Usage: /remove ID (the ids are in /docs)", "Usage : /remove ID (les ids sont dans /docs)"),
    REMOVED("Removed %s: its passages are out of the index now. /restore %s brings it back within %d days.",
            "%s est retiré : ses passages ne sont plus dans l'index. /restore %s le rétablit dans les %d jours."),
    REMOVE_NONE("There is no document '%s' in the corpus.", "Il n'y a pas de document '%s' dans le corpus."),
    RESTORE_USAGE("Usage: /restore ID", "Usage : /restore ID"),
    RESTORED("Restored %s: it can be cited again.", "%s est rétabli : il peut de nouveau être cité."),
    RESTORE_NONE("No document '%s' was removed in the last %d days.", "Aucun document '%s' n'a été retiré ces %d derniers jours."),
    ADD_USAGE("To add a document: send the file (.txt, .md, .html, .pdf), or /add URL, or /add followed by the title on the"
            + " first line and the text below.", "Pour ajouter un document : envoyez le fichier (.txt, .md, .html, .pdf), ou /add URL,"
            + " ou /add suivi du titre sur la première ligne et du texte en dessous."),
    PREVIEW("Preview", "Aperçu"),
    PREVIEW_UPDATED("Updated preview", "Aperçu mis à jour"),
    PREVIEW_HEADING("%s #%d", "%s n°%d"),
    PREVIEW_NOT_YET("not in the corpus until confirmed", "pas dans le corpus avant confirmation"),
    PREVIEW_BEGINS("Begins:", "Début :"),
    BOILERPLATE_NONE("Boilerplate removed: none", "Lignes parasites retirées : aucune"),
    BOILERPLATE_ONE("Boilerplate removed (%d line):", "Lignes parasites retirées (%d ligne) :"),
    BOILERPLATE_MANY("Boilerplate removed (%d lines):", "Lignes parasites retirées (%d lignes) :"),
    NEAR_DUPLICATE("⚠️ Near-duplicate: %d%% of its text is in %s (%s).", "⚠️ Quasi-doublon : %d %% de son texte est dans %s (%s)."),
    PREVIEW_FOOTER("Correct a field with /edit #%d FIELD VALUE. This preview expires in %d h.",
            "Corrigez un champ avec /edit #%d CHAMP VALEUR. Cet aperçu expire dans %d h."),
    CONFIRM_BUTTON("✅ Confirm", "✅ Confirmer"),
    EDIT_METADATA_BUTTON("✏️ Edit metadata", "✏️ Corriger"),
    CANCEL_BUTTON("✖️ Cancel", "✖️ Annuler"),
    PREVIEW_EXPIRED("Preview #%d is expired; send the document again.", "L'aperçu n°%d a expiré ; renvoyez le document."),
    PREVIEW_GONE("Preview #%d is gone.", "L'aperçu n°%d n'existe plus."),
    PREVIEW_ALREADY("Preview #%d is already %s.", "L'aperçu n°%d est déjà %s."),
    PREVIEW_HANDLED("Preview #%d was already handled.", "L'aperçu n°%d a déjà été traité."),
    CANCELLED("Cancelled: nothing stored.", "Annulé : rien n'est enregistré."),
    CANCELLED_BY("✖️ Cancelled by %d: nothing stored.", "✖️ Annulé par %d : rien n'est enregistré."),
    EDIT_METADATA_HELP("Correct a field with /edit #%d FIELD VALUE, for example /edit #%d outlet Le Monde. Fields: title, outlet,"
            + " url, date (YYYY-MM-DD), language (fr, en), id. A new preview follows each correction.",
            "Corrigez un champ avec /edit #%d CHAMP VALEUR, par exemple /edit #%d outlet Le Monde. Champs : title, outlet,"
            + " url, date (AAAA-MM-JJ), language (fr, en), id. Un nouvel aperçu suit chaque correction."),
    NOT_STORED("Not stored.", "Non enregistré."),
    NOT_STORED_BECAUSE("Not stored: %s", "Non enregistré : %s"),
    ADDED("Added.", "Ajouté."),
    CONFIRMED_BY("✅ Confirmed by %d.", "✅ Confirmé par %d."),
    ADDED_AS("✅ Added %s as %s: %d passages, searchable now.", "✅ %s est ajouté sous %s : %d passages, cherchables dès maintenant.");

    private final String english;
    private final String french;

    Phrase(String english, String french) {
        this.english = english;
        this.french = french;
    }

    String in(Lang lang, Object... args) {
        String pattern = lang == Lang.FR ? french : english;
        return args.length == 0 ? pattern : String.format(Locale.ROOT, pattern, args);
    }

    /** The language to frame a reply in: the answer's own, else the reader's Telegram language, else English. */
    static Lang framing(Lang answerLang, String telegramLanguageCode) {
        if (answerLang == Lang.FR || answerLang == Lang.EN) {
            return answerLang;
        }
        Lang reader = Lang.fromCode(telegramLanguageCode);
        return reader == Lang.FR ? Lang.FR : Lang.EN;
    }
}
