package dev.sourced.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.corpus.Lang;
import dev.sourced.index.Lexicon;
import dev.sourced.index.ParsedQuestion;
import dev.sourced.index.QueryTerm;
import dev.sourced.index.QuestionParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The span that answers, found in small texts written for the test, for questions parsed by the real parser. */
class FactSpanTest {
    private static final QuestionParser PARSER = new QuestionParser(Lexicon.builtIn(), true);

    static FactSpan.Asked asked(String question) {
        ParsedQuestion q = PARSER.parse(question, List.of(), null);
        List<Evidence.TermForms> forms = q.terms().stream().filter(t -> t.kind() != QueryTerm.Kind.FRAME)
                .map(t -> Evidence.TermForms.of(t, q.lang())).toList();
        return new FactSpan.Asked(question, forms);
    }

    static Optional<FactSpan.Kind> kind(String question) {
        ParsedQuestion q = PARSER.parse(question, List.of(), null);
        return FactSpan.kindOf(q.expects(), question);
    }

    static String answer(String question, String text, Lang lang) {
        FactSpan.Kind k = kind(question).orElseThrow(() -> new AssertionError("no kind of fact for " + question));
        return FactSpan.find(text, lang, k, asked(question)).map(FactSpan.Found::text).orElse(null);
    }

    @Test
    void aNumberComesWithItsUnitScaleOrCurrency() {
        assertThat(answer("Combien de GPU Musk a-t-il achetés pour Twitter ?",
                "Le réseau social compte 7 500 salariés. Pour Twitter, Musk a acheté 10 000 GPU auprès de Nvidia.", Lang.FR))
                .isEqualTo("10 000 GPU");
        assertThat(answer("Combien Musk a-t-il donné à OpenAI ?",
                "Musk a donné 100 millions de dollars à OpenAI avant de partir.", Lang.FR)).isEqualTo("100 millions de dollars");
        assertThat(answer("How much did the company raise from investors?",
                "The company raised $2.5 billion from investors in its latest round.", Lang.EN)).isEqualTo("$2.5 billion");
        assertThat(answer("Combien de voix le candidat a-t-il obtenues ?",
                "Le candidat a obtenu 31,36 % des voix au premier tour.", Lang.FR)).isEqualTo("31,36 %");
        assertThat(answer("Combien coûte la carte graphique ?", "La carte graphique coûte 30 603 $ sur les sites spécialisés.", Lang.FR))
                .isEqualTo("30 603 $");
    }

    @Test
    void aNumberAfterACapitalisedWordEndsAName() {
        // "France 2" is a channel, "Ligue 1" a league: neither is an amount
        assertThat(answer("Combien de personnes ont regardé la cérémonie ?",
                "La cérémonie, suivie en direct sur France 2, a réuni 2,1 millions de personnes.", Lang.FR))
                .isEqualTo("2,1 millions de personnes");
        assertThat(answer("Combien de téléspectateurs ont suivi la cérémonie ?", "La cérémonie a été diffusée sur France 2.", Lang.FR)).isNull();
        assertThat(answer("How many goals did the striker score?", "The striker scored in Ligue 1 again.", Lang.EN)).isNull();
        assertThat(answer("How many did the shop sell?", "The shop sold 4 000.", Lang.EN)).isEqualTo("4 000");
    }

    @Test
    void anAmountOfAnotherMonthOrYearThanTheQuestionsComesLast() {
        String text = "L'inflation sous-jacente s'est élevée à 5,8 % sur un an en mai, après 6,3 % en avril.";
        assertThat(answer("À combien s'est élevée l'inflation sous-jacente en mai ?", text, Lang.FR)).isEqualTo("5,8 %");
        assertThat(answer("À combien s'est élevée l'inflation sous-jacente en avril ?", text, Lang.FR)).isEqualTo("6,3 %");
        assertThat(answer("How much was core inflation in May?", text, Lang.FR)).isEqualTo("5,8 %");
        assertThat(answer("Combien d'habitants la ville comptait-elle en 2010 ?",
                "La ville comptait 15 000 habitants en 2020, contre 12 000 habitants en 2010.", Lang.FR)).isEqualTo("12 000 habitants");
        // with no month or year in the question, the nearest amount to its terms answers as before
        assertThat(answer("À combien s'est élevée l'inflation sous-jacente ?", text, Lang.FR)).isEqualTo("5,8 %");
    }

    @Test
    void aPlaceAfterALocativeAnswersBeforeACapitalisedWordCloserToTheQuestion() {
        String text = "La présidente de la Banque centrale européenne Christine Lagarde a prévenu mardi qu'il n'était pas encore "
                + "temps de crier victoire face à l'inflation. « Il n'est pas encore temps », a-t-elle indiqué lors d'une conférence à Berlin.";
        assertThat(answer("Où Christine Lagarde a-t-elle dit qu'il n'était pas temps de crier victoire face à l'inflation ?", text, Lang.FR))
                .isEqualTo("Berlin");
        // with no place introduced as one, a capitalised word may still be the answer
        assertThat(answer("Where did the delegates meet again?", "The delegates met again, this time with Geneva hosting the talks.", Lang.EN))
                .isEqualTo("Geneva");
    }

    @Test
    void aNumberGluedToLettersIsANameNotAnAmount() {
        String text = "Les puces H100 de Nvidia équipent le centre ; la COP28 et l'A320 n'y sont pour rien. Le centre en aligne 4 000.";
        assertThat(answer("Combien de puces H100 le centre aligne-t-il ?", text, Lang.FR)).isEqualTo("4 000");
        assertThat(answer("How many chips does the data centre run?", "The data centre runs H100 chips from Nvidia.", Lang.EN)).isNull();
    }

    @Test
    void aNumberOfTheQuestionIsNotItsAnswer() {
        assertThat(answer("How many employees did the firm have in 2022?",
                "In 2022 the firm had 2022 desks and 1 850 employees.", Lang.EN)).isEqualTo("1 850 employees");
        assertThat(answer("Combien de salariés sur les 500 ont été licenciés ?",
                "Sur les 500 salariés du site, 120 salariés ont été licenciés.", Lang.FR)).isEqualTo("120 salariés");
    }

    @Test
    void aDateIsADayMonthOrYearNearTheQuestion() {
        assertThat(answer("Quand le traité a-t-il été signé ?", "Le traité a été signé le 12 juin 2024 à Bruxelles.", Lang.FR))
                .isEqualTo("le 12 juin 2024");
        assertThat(answer("When did the startup launch its app?", "The startup launched its app in March 2023, after 200 days of tests.",
                Lang.EN)).isEqualTo("in March 2023");
        assertThat(answer("When did Musk leave the board?", "Musk, born in 1971, left the board in 2018.", Lang.EN)).isEqualTo("in 2018");
    }

    @Test
    void whoIsANameThatTheQuestionDoesNotGive() {
        assertThat(answer("Qui a cofondé OpenAI avec Musk ?", "Musk a cofondé OpenAI avec Sam Altman en 2015.", Lang.FR))
                .isEqualTo("Sam Altman");
        assertThat(answer("Who leads the research lab?", "The research lab is led by Margaret Okafor, a former physicist.", Lang.EN))
                .isEqualTo("Margaret Okafor");
        // a capital that only starts the sentence is not a name
        assertThat(answer("Who runs the bakery?", "Yesterday the bakery was run by Paul Dubois.", Lang.EN)).isEqualTo("Paul Dubois");
    }

    @Test
    void whereIsAPlaceAfterALocativePreposition() {
        assertThat(kind("Où l'usine sera-t-elle construite ?")).contains(FactSpan.Kind.PLACE);
        assertThat(answer("Où l'usine sera-t-elle construite ?", "Renault construira l'usine à Douai, selon la direction.", Lang.FR))
                .isEqualTo("Douai");
        assertThat(answer("Where will the summit be held?", "Officials from Kenya said the summit will be held in Nairobi.", Lang.EN))
                .isEqualTo("Nairobi");
    }

    @Test
    void quotedSpeechIsAttributedToTheNameNextToAVerbOfSaying() {
        assertThat(FactSpan.speech("« Nous allons ouvrir trois usines », a déclaré Marie Lefèvre lundi."))
                .contains(new FactSpan.Speech("Marie Lefèvre", "Nous allons ouvrir trois usines"));
        assertThat(FactSpan.speech("John Carter said: “We will not raise prices this year.”"))
                .contains(new FactSpan.Speech("John Carter", "We will not raise prices this year."));
        assertThat(FactSpan.speech("Le projet « Aube Nouvelle » a été présenté à Lyon.")).isEmpty();
        assertThat(FactSpan.speech("The report, titled “A Long Road Ahead”, was published in Paris.")).isEmpty();
    }

    @Test
    void theQuestionWordThatOpensTheQuestionDecidesWhatItAsksFor() {
        assertThat(kind("Where was the minister speaking when she said it?")).contains(FactSpan.Kind.PLACE);
        assertThat(kind("What was the score when the match ended?")).isNotEqualTo(Optional.of(FactSpan.Kind.DATE));
        assertThat(kind("On what date does the museum reopen?")).contains(FactSpan.Kind.DATE);
        assertThat(kind("Qui dirigera le chantier ?")).contains(FactSpan.Kind.NAME);
    }

    @Test
    void anAmountOfTheThingCountedWinsOverAnotherNumber() {
        assertThat(answer("How many seats did the party win?", "The party won 60% of the vote and 412 seats in the election.", Lang.EN))
                .isEqualTo("412 seats");
    }

    @Test
    void whyQuestionsHaveNoTypedFact() {
        assertThat(kind("Pourquoi Musk a-t-il quitté OpenAI ?")).isEmpty();
        assertThat(kind("Why did the talks fail?")).isEmpty();
    }

    @Test
    void amountsParseAllTheWaysOutletsWriteThem() {
        assertThat(FactSpan.parse("10 000")).isEqualTo(10000);
        assertThat(FactSpan.parse("10.000")).isEqualTo(10000);
        assertThat(FactSpan.parse("10,000")).isEqualTo(10000);
        assertThat(FactSpan.parse("31,36")).isEqualTo(31.36);
        assertThat(FactSpan.parse("2.5")).isEqualTo(2.5);
    }
}
