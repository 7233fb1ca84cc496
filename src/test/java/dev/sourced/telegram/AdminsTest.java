package dev.sourced.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sourced.config.ConfigException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The admins setting. */
class AdminsTest {
    @Test
    void adminsAreCommaSeparatedUserIdsAndAnythingElseIsAConfigurationErrorNamingTheSetting() {
        assertThat(Admins.fromEnv(Map.of())).isEmpty();
        assertThat(Admins.parse("  ")).isEmpty();
        assertThat(Admins.parse("123, 456,,789")).isEqualTo(Set.of(123L, 456L, 789L));
        assertThatThrownBy(() -> Admins.parse("123,@alice")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("SOURCED_ADMINS").hasMessageContaining("@alice");
        assertThatThrownBy(() -> Admins.parse("-5")).isInstanceOf(ConfigException.class).hasMessageContaining("SOURCED_ADMINS");
    }
}
