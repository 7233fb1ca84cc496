package dev.sourced.answer;

import dev.sourced.corpus.Lang;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Messages that are not questions about the news: greetings, thanks, goodbyes, and questions about the bot itself.
 * They get a short friendly reply in their language instead of "the corpus does not say". Only whole messages of
 * this kind count: "hello, why did X resign?" is a question.
 */
final class SmallTalk {
    enum Kind { GREETING, THANKS, GOODBYE, IDENTITY }

    private static final String POLITE = "(?: (?:there|all|everyone|à tous|tout le monde|bot|sourced|again|encore))*";
    private static final Pattern GREETING = Pattern.compile("(?:hi|hello|hey|good (?:morning|afternoon|evening)|bonjour|bonsoir|salut|coucou|hola|hallo|guten tag)" + POLITE);
    private static final Pattern THANKS = Pattern.compile("(?:ok |great |super |parfait )?(?:thanks?|thank you|thx|cheers|merci|gracias|danke)(?: (?:a lot|very much|so much|beaucoup|bien|mille fois))?" + POLITE);
    private static final Pattern GOODBYE = Pattern.compile("(?:bye|goodbye|see you|au revoir|à plus|a plus|bonne (?:journée|soirée|nuit)|adieu|ciao)" + POLITE);
    private static final Pattern IDENTITY = Pattern.compile("(?:who|what) are you|what can you do|what do you do|how do you work|are you a bot"
            + "|qui es[- ]tu|qui êtes[- ]vous|tu es qui|vous êtes qui|que sais[- ]tu faire|que peux[- ]tu faire|que fais[- ]tu|comment (?:tu )?(?:fonctionnes[- ]tu|marches[- ]tu)|es[- ]tu un bot");
    private static final Pattern FRENCH = Pattern.compile("(?:ok |super |parfait )?(?:bonjour|bonsoir|salut|coucou|merci|au revoir|à plus|a plus|bonne |adieu|qui es|qui êtes|tu |vous |que |comment |es[- ]tu)");

    private SmallTalk() {
    }

    record Said(Kind kind, Lang lang) {
    }

    /** The kind of small talk {@code message} is, with its language, or empty when it is (or may be) a question. */
    static Optional<Said> of(String message) {
        String m = Normalizer.normalize(message, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('’', '\'')
                .replaceAll("[^\\p{L}\\p{N}' -]+", " ").replaceAll("\\s+", " ").strip();
        if (m.isEmpty() || m.length() > 60) return Optional.empty();
        Kind kind = GREETING.matcher(m).matches() ? Kind.GREETING : THANKS.matcher(m).matches() ? Kind.THANKS
                : GOODBYE.matcher(m).matches() ? Kind.GOODBYE : IDENTITY.matcher(m).matches() ? Kind.IDENTITY : null;
        if (kind == null) return Optional.empty();
        return Optional.of(new Said(kind, FRENCH.matcher(m).lookingAt() ? Lang.FR : Lang.EN));
    }

    static String reply(Said said, int documents) {
        boolean fr = said.lang() == Lang.FR;
        return switch (said.kind()) {
            case GREETING -> fr ? "Bonjour ! Posez-moi une question sur l'actualité des articles du corpus, en français ou en anglais : je réponds en citant les passages, avec leur source, leur date et un lien."
                    : "Hello! Ask me a question about the news in the corpus, in English or French: I answer by quoting the passages, with their outlet, date and link.";
            case THANKS -> fr ? "Avec plaisir ! Une autre question ?" : "You're welcome! Anything else?";
            case GOODBYE -> fr ? "Au revoir, à bientôt !" : "Goodbye, see you soon!";
            case IDENTITY -> fr ? "Je suis Sourced : je réponds aux questions sur les " + documents + " articles de mon corpus en citant mot pour mot les passages qui appuient chaque réponse, avec leur média, leur date et un lien. Quand le corpus ne dit rien, je le dis."
                    : "I am Sourced: I answer questions about the " + documents + " articles of my corpus by quoting, word for word, the passages that support each answer, with their outlet, date and link. When the corpus does not say, I say so.";
        };
    }
}
