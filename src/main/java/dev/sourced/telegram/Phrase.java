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
    COMMAND_HELP("How to use the bot", "Comment utiliser le bot");

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
