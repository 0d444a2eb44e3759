package kz.senim.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void the_recipients_own_language_comes_first() {
        assertThat(Language.choose(Optional.of(Locale.of("en")), Optional.of(Locale.of("ru"))))
                .isEqualTo(Locale.of("en"));
    }

    @Test
    void without_one_the_schools_default_language_is_used() {
        assertThat(Language.choose(Optional.empty(), Optional.of(Locale.of("ru"))))
                .isEqualTo(Locale.of("ru"));
    }

    @Test
    void a_language_senim_does_not_speak_is_passed_over_and_kazakh_is_the_last_resort() {
        assertThat(Language.choose(Optional.of(Locale.GERMAN), Optional.of(Locale.of("ru"))))
                .isEqualTo(Locale.of("ru"));
        assertThat(Language.choose(Optional.empty(), Optional.empty())).isEqualTo(Locale.of("kk"));
    }

    @Test
    void profile_tags_with_regions_are_understood() {
        assertThat(Language.parse("ru-KZ")).contains(Locale.of("ru"));
        assertThat(Language.parse("kk_KZ")).contains(Locale.of("kk"));
        assertThat(Language.parse("de")).isEmpty();
        assertThat(Language.parse(null)).isEmpty();
    }
}
