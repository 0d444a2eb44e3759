package kz.senim.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void accept_language_chooses_the_best_supported_language_by_weight() {
        assertThat(Languages.fromAcceptLanguage("de-DE,de;q=0.9,ru;q=0.8,en;q=0.7"))
                .contains(Languages.RUSSIAN);
        assertThat(Languages.fromAcceptLanguage("en-US;q=0.5,en;q=0.4,kk;q=0.95"))
                .contains(Languages.KAZAKH);
        assertThat(Languages.fromAcceptLanguage("fr")).isEmpty();
        assertThat(Languages.fromAcceptLanguage("not a header;;q=x")).isEmpty();
        assertThat(Languages.fromAcceptLanguage(null)).isEmpty();
    }

    @Test
    void a_tag_names_a_supported_language_whatever_its_region_or_case() {
        assertThat(Languages.of("ru-RU")).contains(Languages.RUSSIAN);
        assertThat(Languages.of("KK")).contains(Languages.KAZAKH);
        assertThat(Languages.of("en_GB")).contains(Languages.ENGLISH);
        assertThat(Languages.of("tr")).isEmpty();
        assertThat(Languages.of(" ")).isEmpty();
    }
}
