package dev.sourced.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackDataTest {
    @Test
    void everyButtonRoundTripsWithinTelegramsSixtyFourBytes() {
        for (CallbackData d : List.of(new CallbackData.ShowContext(Long.MAX_VALUE, 12), new CallbackData.MoreSources(Long.MAX_VALUE),
                new CallbackData.Feedback(Long.MAX_VALUE, 1), new CallbackData.Feedback(3, -1), new CallbackData.SourcesPage(4),
                new CallbackData.ModButton(CallbackData.ModAction.CONFIRM, Long.MAX_VALUE),
                new CallbackData.ModButton(CallbackData.ModAction.DOCS_PAGE, 2))) {
            assertThat(d.encode().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
            assertThat(CallbackData.parse(d.encode())).contains(d);
        }
    }

    @Test
    void foreignOrDamagedDataIsNotUnderstood() {
        assertThat(CallbackData.parse(null)).isEmpty();
        assertThat(CallbackData.parse("ctx:abc:1")).isEmpty();
        assertThat(CallbackData.parse("fb:1:sideways")).isEmpty();
        assertThat(CallbackData.parse("something else")).isEmpty();
        assertThat(CallbackData.parse("more")).isEmpty();
    }

    @Test
    void anyModerationDataParsesSoThatWhoPressedItIsCheckedFirst() {
        assertThat(CallbackData.parse("mod:ok:12")).get().isInstanceOfSatisfying(CallbackData.ModButton.class, b -> {
            assertThat(b.action()).isEqualTo(CallbackData.ModAction.CONFIRM);
            assertThat(b.number()).isEqualTo(12);
            assertThat(b.wellFormed()).isTrue();
        });
        assertThat(CallbackData.parse("mod:ok")).get().isInstanceOfSatisfying(CallbackData.ModButton.class,
                b -> assertThat(b.wellFormed()).isFalse());
        assertThat(CallbackData.parse("mod:explode:1")).get().isInstanceOfSatisfying(CallbackData.ModButton.class, b -> {
            assertThat(b.action()).isEqualTo(CallbackData.ModAction.UNKNOWN);
            assertThat(b.wellFormed()).isFalse();
        });
        assertThat(CallbackData.parse("mod:no:abc")).get().isInstanceOfSatisfying(CallbackData.ModButton.class,
                b -> assertThat(b.number()).isEqualTo(-1));
    }
}
