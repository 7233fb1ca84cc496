package dev.sourced.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sourced.telegram.Incoming.Ask;
import dev.sourced.telegram.Incoming.Command;
import dev.sourced.telegram.Incoming.CommandName;
import dev.sourced.telegram.Incoming.Ignored;
import dev.sourced.telegram.Incoming.Refusal;
import dev.sourced.telegram.Incoming.Refused;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

class UpdateClassifierTest {
    private static final BotIdentity BOT = new BotIdentity(99, "sourced_bot");
    private final UpdateClassifier classifier = new UpdateClassifier(BOT);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyTextInAPrivateChatIsAQuestion() {
        assertThat(classify(privateText("What about the budget?", ""))).isInstanceOfSatisfying(Ask.class,
                a -> assertThat(a.text()).isEqualTo("What about the budget?"));
    }

    @Test
    void inAGroupOnlyAMentionAReplyToTheBotOrAskIsAQuestion() {
        assertThat(classify(groupText("Lunch anyone?", ""))).isInstanceOf(Ignored.class);
        assertThat(classify(groupText("@sourced_bot what about the budget?", mention(0, 12))))
                .isInstanceOfSatisfying(Ask.class, a -> assertThat(a.text()).isEqualTo("what about the budget?"));
        assertThat(classify(groupText("@someone_else hello", mention(0, 13)))).isInstanceOf(Ignored.class);
        assertThat(classify(groupText("/ask@sourced_bot the budget?", command(16)))).isInstanceOfSatisfying(Ask.class,
                a -> assertThat(a.text()).isEqualTo("the budget?"));
        assertThat(classify(groupText("/ask the budget?", command(4)))).isInstanceOf(Ask.class);
        assertThat(classify(groupText("/ask@other_bot the budget?", command(14)))).isInstanceOf(Ignored.class);
        assertThat(classify(groupText("/weather", command(8)))).isInstanceOf(Ignored.class);
        String reply = "{\"update_id\":1,\"message\":{\"message_id\":5,\"date\":1,\"chat\":{\"id\":-100,\"type\":\"supergroup\",\"title\":\"g\"},"
                + "\"from\":{\"id\":7,\"is_bot\":false,\"first_name\":\"A\"},\"text\":\"and before?\",\"reply_to_message\":{\"message_id\":4,"
                + "\"date\":1,\"chat\":{\"id\":-100,\"type\":\"supergroup\",\"title\":\"g\"},\"from\":{\"id\":99,\"is_bot\":true,\"first_name\":\"S\"},\"text\":\"x\"}}}";
        assertThat(classify(reply)).isInstanceOfSatisfying(Ask.class, a -> assertThat(a.text()).isEqualTo("and before?"));
    }

    @Test
    void commandsAreRecognisedAndAnEmptyAskIsExplained() {
        assertThat(classify(privateText("/start", command(6)))).isInstanceOfSatisfying(Command.class,
                c -> assertThat(c.name()).isEqualTo(CommandName.START));
        assertThat(classify(privateText("/sources", command(8)))).isInstanceOfSatisfying(Command.class,
                c -> assertThat(c.name()).isEqualTo(CommandName.SOURCES));
        assertThat(classify(privateText("/ask", command(4)))).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Refusal.ASK_USAGE));
        assertThat(classify(privateText("/frobnicate", command(11)))).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Refusal.UNKNOWN_COMMAND));
    }

    @Test
    void mediaEditsChannelPostsBotsAndOverLongTextAreRefusedOrIgnored() {
        String sticker = "{\"update_id\":1,\"message\":{\"message_id\":5,\"date\":1,\"chat\":{\"id\":7,\"type\":\"private\",\"first_name\":\"A\"},"
                + "\"from\":{\"id\":7,\"is_bot\":false,\"first_name\":\"A\"},\"sticker\":{\"file_id\":\"f\",\"file_unique_id\":\"u\",\"type\":\"regular\","
                + "\"width\":1,\"height\":1,\"is_animated\":false,\"is_video\":false}}}";
        assertThat(classify(sticker)).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.reason()).isEqualTo(Refusal.TEXT_ONLY));
        assertThat(classify(privateText("x".repeat(UpdateClassifier.MAX_QUESTION_CHARS + 1), "")))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.reason()).isEqualTo(Refusal.TOO_LONG));
        assertThat(classify(privateText("   ", ""))).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Refusal.EMPTY));
        assertThat(classify(privateText("hi", "").replace("\"message\"", "\"edited_message\""))).isInstanceOf(Ignored.class);
        assertThat(classify("{\"update_id\":1,\"channel_post\":{\"message_id\":5,\"date\":1,\"chat\":{\"id\":-5,\"type\":\"channel\",\"title\":\"c\"},\"text\":\"news\"}}"))
                .isInstanceOf(Ignored.class);
        assertThat(classify(privateText("hi", "").replace("\"is_bot\":false", "\"is_bot\":true"))).isInstanceOf(Ignored.class);
    }

    @Test
    void withModerationItsCommandsAndFilesToAddAreToldApartAndWithoutItTheyAreNot() {
        UpdateClassifier moderated = new UpdateClassifier(BOT, true);
        assertThat(classify(moderated, privateText("/remove@sourced_bot tram extra", command(19))))
                .isInstanceOfSatisfying(Incoming.ModCommand.class, c -> {
                    assertThat(c.name()).isEqualTo("remove");
                    assertThat(c.argument()).isEqualTo("tram extra");
                    assertThat(c.languageCode()).isEqualTo("en");
                });
        assertThat(classify(moderated, groupText("/docs 2", command(5))))
                .isInstanceOfSatisfying(Incoming.ModCommand.class, c -> assertThat(c.argument()).isEqualTo("2"));
        assertThat(classify(moderated, groupText("/docs@other_bot", command(15)))).isInstanceOf(Ignored.class);
        assertThat(classify(privateText("/docs", command(5)))).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Refusal.UNKNOWN_COMMAND));

        String file = "{\"update_id\":1,\"message\":{\"message_id\":5,\"date\":1,\"chat\":CHAT,"
                + "\"from\":{\"id\":7,\"is_bot\":false,\"first_name\":\"A\"},CAPTION\"document\":{\"file_id\":\"f1\","
                + "\"file_unique_id\":\"u\",\"file_name\":\"report.pdf\",\"mime_type\":\"application/pdf\",\"file_size\":1234}}}";
        String privateChat = "{\"id\":7,\"type\":\"private\",\"first_name\":\"A\"}";
        String group = "{\"id\":-100,\"type\":\"supergroup\",\"title\":\"g\"}";
        assertThat(classify(moderated, file.replace("CHAT", privateChat).replace("CAPTION", "")))
                .isInstanceOfSatisfying(Incoming.Upload.class, u -> {
                    assertThat(u.fileName()).isEqualTo("report.pdf");
                    assertThat(u.fileSize()).isEqualTo(1234L);
                });
        assertThat(classify(moderated, file.replace("CHAT", group).replace("CAPTION", "\"caption\":\"/add@sourced_bot\",")))
                .isInstanceOf(Incoming.Upload.class);
        assertThat(classify(moderated, file.replace("CHAT", group).replace("CAPTION", ""))).isInstanceOf(Ignored.class);
        assertThat(classify(file.replace("CHAT", privateChat).replace("CAPTION", ""))).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Refusal.TEXT_ONLY));
    }

    private Incoming classify(String updateJson) {
        return classify(classifier, updateJson);
    }

    private Incoming classify(UpdateClassifier classifier, String updateJson) {
        try {
            return classifier.classify(json.readValue(updateJson, Update.class));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String privateText(String text, String entities) {
        return "{\"update_id\":1,\"message\":{\"message_id\":5,\"date\":1,\"chat\":{\"id\":7,\"type\":\"private\",\"first_name\":\"A\"},"
                + "\"from\":{\"id\":7,\"is_bot\":false,\"first_name\":\"A\",\"language_code\":\"en\"},\"text\":" + quote(text) + entities + "}}";
    }

    private static String groupText(String text, String entities) {
        return "{\"update_id\":1,\"message\":{\"message_id\":5,\"date\":1,\"chat\":{\"id\":-100,\"type\":\"supergroup\",\"title\":\"g\"},"
                + "\"from\":{\"id\":7,\"is_bot\":false,\"first_name\":\"A\"},\"text\":" + quote(text) + entities + "}}";
    }

    private static String mention(int offset, int length) {
        return ",\"entities\":[{\"type\":\"mention\",\"offset\":" + offset + ",\"length\":" + length + "}]";
    }

    private static String command(int length) {
        return ",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":" + length + "}]";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
