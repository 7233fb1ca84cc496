package dev.sourced.telegram;

import dev.sourced.botsim.TelegramHtml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TelegramHtmlTest {
    @Test
    void allowedTagsAndEntitiesParseToTheVisibleText() {
        assertThat(TelegramHtml.visibleText("<b>a</b> &lt;<i>b</i>&gt; &amp; <a href=\"https://x.org/?a=1&amp;b=2\">c</a>"
                + "<blockquote>q</blockquote>&#33;")).isEqualTo("a <b> & cq!");
    }

    @Test
    void unescapedSpecialCharactersAreRefused() {
        assertThatThrownBy(() -> TelegramHtml.visibleText("a < b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TelegramHtml.visibleText("a & b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TelegramHtml.visibleText("a > b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unsupportedUnbalancedOrNestedTagsAreRefused() {
        assertThat(TelegramHtml.isValid("<div>x</div>")).isFalse();
        assertThat(TelegramHtml.isValid("<b>x")).isFalse();
        assertThat(TelegramHtml.isValid("<b><i>x</b></i>")).isFalse();
        assertThat(TelegramHtml.isValid("<blockquote><blockquote>x</blockquote></blockquote>")).isFalse();
        assertThat(TelegramHtml.isValid("<a>x</a>")).isFalse();
        assertThat(TelegramHtml.isValid("<b class=\"x\">x</b>")).isFalse();
    }

    @Test
    void escapingProducesTextThatParsesBackToTheOriginal() {
        String nasty = "<script>alert('x')</script> & *bold* _it_ [l](u) `c` \"q\" &amp; ≥ 😀";
        assertThat(TelegramHtml.visibleText(Html.escape(nasty))).isEqualTo(nasty);
        assertThat(TelegramHtml.visibleText(Html.link(nasty, "https://e.org/a?b=\"c\"&d=<e>"))).isEqualTo(nasty);
    }

    @Test
    void onlyWebLinksBecomeAnchors() {
        assertThat(Html.link("t", "javascript:alert(1)")).isEqualTo("t");
        assertThat(Html.link("t", "")).isEqualTo("t");
        assertThat(Html.link("t", "https://example.org/x")).isEqualTo("<a href=\"https://example.org/x\">t</a>");
    }
}
