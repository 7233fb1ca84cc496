package dev.sourced.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BotConfigTest {
    private static final String TOKEN = "42:secret-token";

    @Test
    void defaultsAreLongPollingOnTelegramWithTwentyQuestionsPerMinute() {
        BotConfig c = BotConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN));
        assertThat(c.webhookMode()).isFalse();
        assertThat(c.apiUrl()).isNull();
        assertThat(c.rateLimitPerMinute()).isEqualTo(20);
        assertThat(c.webhookPort()).isEqualTo(8443);
        assertThat(c.webhookSecret()).matches("[A-Za-z0-9_-]{20,}");
    }

    @Test
    void theEnvironmentChoosesWebhookModeAnotherApiServerAndTheRateLimit() {
        BotConfig c = BotConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "SOURCED_WEBHOOK_URL", "https://bot.example.org/tg",
                "SOURCED_WEBHOOK_SECRET", "s3cret_-", "SOURCED_WEBHOOK_PORT", "9000", "SOURCED_TELEGRAM_API_URL",
                "http://127.0.0.1:8081", "SOURCED_RATE_LIMIT_PER_MINUTE", "5"));
        assertThat(c.webhookMode()).isTrue();
        assertThat(c.webhookUrl()).isEqualTo(URI.create("https://bot.example.org/tg"));
        assertThat(c.webhookSecret()).isEqualTo("s3cret_-");
        assertThat(c.webhookPort()).isEqualTo(9000);
        assertThat(TelegramBot.telegramUrl(c.apiUrl()).getPort()).isEqualTo(8081);
        assertThat(c.rateLimitPerMinute()).isEqualTo(5);
    }

    @Test
    void theTokenAndSecretNeverAppearInTheDescription() {
        BotConfig c = BotConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "SOURCED_WEBHOOK_SECRET", "hidden_value"));
        assertThat(c.toString()).doesNotContain("secret-token").doesNotContain("hidden_value");
    }

    @Test
    void aMissingTokenOrBadSettingIsExplained() {
        assertThatThrownBy(() -> BotConfig.fromEnv(Map.of())).hasMessageContaining("TELEGRAM_BOT_TOKEN");
        assertThatThrownBy(() -> BotConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "SOURCED_RATE_LIMIT_PER_MINUTE", "lots")))
                .hasMessageContaining("SOURCED_RATE_LIMIT_PER_MINUTE");
        assertThatThrownBy(() -> BotConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "SOURCED_WEBHOOK_SECRET", "no spaces")))
                .hasMessageContaining("SOURCED_WEBHOOK_SECRET");
        assertThatThrownBy(() -> BotConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "SOURCED_WEBHOOK_URL", "ftp://x")))
                .hasMessageContaining("SOURCED_WEBHOOK_URL");
    }
}
