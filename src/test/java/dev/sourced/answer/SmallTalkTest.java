package dev.sourced.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.corpus.Lang;
import org.junit.jupiter.api.Test;

class SmallTalkTest {
    @Test
    void greetingsThanksAndGoodbyesAreRecognisedInTheirLanguage() {
        assertThat(SmallTalk.of("Hello!")).hasValue(new SmallTalk.Said(SmallTalk.Kind.GREETING, Lang.EN));
        assertThat(SmallTalk.of("Bonjour à tous")).hasValue(new SmallTalk.Said(SmallTalk.Kind.GREETING, Lang.FR));
        assertThat(SmallTalk.of("merci beaucoup !")).hasValue(new SmallTalk.Said(SmallTalk.Kind.THANKS, Lang.FR));
        assertThat(SmallTalk.of("Thanks a lot 🙏")).hasValue(new SmallTalk.Said(SmallTalk.Kind.THANKS, Lang.EN));
        assertThat(SmallTalk.of("Au revoir")).hasValue(new SmallTalk.Said(SmallTalk.Kind.GOODBYE, Lang.FR));
    }

    @Test
    void questionsAboutTheBotItselfGetAnIntroductionThatCountsTheArticles() {
        SmallTalk.Said who = SmallTalk.of("Who are you?").orElseThrow();
        assertThat(who.kind()).isEqualTo(SmallTalk.Kind.IDENTITY);
        assertThat(SmallTalk.reply(who, 42)).contains("42 articles").doesNotStartWith("The corpus does not say");
        SmallTalk.Said qui = SmallTalk.of("Qui es-tu ?").orElseThrow();
        assertThat(qui.lang()).isEqualTo(Lang.FR);
        assertThat(SmallTalk.reply(qui, 3)).startsWith("Je suis Sourced");
    }

    @Test
    void aQuestionThatOpensWithAGreetingIsStillAQuestion() {
        assertThat(SmallTalk.of("Hello, why did the minister resign?")).isEmpty();
        assertThat(SmallTalk.of("Merci de me dire qui a gagné le match")).isEmpty();
        assertThat(SmallTalk.of("Who are you voting for in the election, according to the poll?")).isEmpty();
    }
}
