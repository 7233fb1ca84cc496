package dev.sourced.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Citations as the bot stores them (JSON): the answer span survives, and citations stored before it have none. */
class CitationTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theAnswerSpanSurvivesJsonAndOldCitationsHaveNone() throws Exception {
        Citation c = new Citation(1, new SourceRef("d", "T", "O", "", "", 3, 30), "They bought 250 buses in 2021.", 0.9, List.of())
                .withHighlight(12, 21);
        Citation back = json.readValue(json.writeValueAsString(c), Citation.class);
        assertThat(back).isEqualTo(c);
        assertThat(back.highlight()).isEqualTo("250 buses");

        String old = "{\"n\":1,\"source\":{\"docId\":\"d\",\"title\":\"T\",\"source\":\"O\",\"url\":\"\",\"date\":\"\",\"start\":3,\"end\":30},"
                + "\"text\":\"They bought 250 buses.\",\"score\":0.9,\"alsoIn\":[]}";
        Citation legacy = json.readValue(old, Citation.class);
        assertThat(legacy.highlighted()).isFalse();
        assertThat(legacy.highlightStart()).isEqualTo(-1);
    }

    @Test
    void aSpanOutsideTheTextIsNoSpan() {
        Citation c = new Citation(1, new SourceRef("d", "T", "O", "", "", 0, 5), "short", 1, List.of(), 2, 50);
        assertThat(c.highlighted()).isFalse();
        assertThat(c.highlight()).isEmpty();
    }
}
