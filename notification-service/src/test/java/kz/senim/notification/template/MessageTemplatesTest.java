package kz.senim.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessageTemplatesTest {

    private final MessageTemplates templates = new MessageTemplates(new PortalSettings("https://portal.example/"));

    @Test
    void every_text_exists_in_kazakh_russian_and_english() throws IOException {
        Properties english = bundle("");
        for (String language : new String[] {"_ru", "_kk"}) {
            Properties translated = bundle(language);
            for (String key : english.stringPropertyNames()) {
                if (!key.endsWith(".link")) {
                    assertThat(translated.getProperty(key))
                            .as(key + " in " + language)
                            .isNotBlank();
                    assertThat(translated.getProperty(key))
                            .as(key + " in " + language)
                            .isNotEqualTo(english.getProperty(key));
                }
            }
        }
    }

    @Test
    void a_mail_says_that_something_needs_attention_and_links_to_the_portal() {
        ComposedMessage mail =
                templates.compose("mediator-assigned", Map.of("caseId", "c-42"), Locale.of("ru"), Optional.empty());

        assertThat(mail.subject()).isEqualTo("Вы назначены на случай");
        assertThat(mail.portalLink()).isEqualTo("https://portal.example/cases/c-42");
        assertThat(mail.text()).contains("Здравствуйте!", "Открыть портал: https://portal.example/cases/c-42");
        assertThat(mail.html()).contains("<html lang=\"ru\">", "href=\"https://portal.example/cases/c-42\"");
        assertThat(mail.text()).doesNotContain("unsubscribe", "Отказаться");
    }

    @Test
    void ids_cannot_break_out_of_the_link_or_the_html() {
        ComposedMessage mail = templates.compose(
                "mediator-assigned", Map.of("caseId", "\"><script>x</script>/../"), Locale.of("en"), Optional.empty());

        assertThat(mail.html()).doesNotContain("<script>");
        assertThat(mail.portalLink()).startsWith("https://portal.example/cases/%22%3E%3Cscript%3E");
    }

    @Test
    void an_optional_mail_carries_its_unsubscribe_link() {
        ComposedMessage mail = templates.compose(
                "activity-scheduled",
                Map.of("activityId", "a-1"),
                Locale.of("kk"),
                Optional.of("https://portal.example/api/notifications/unsubscribe?token=t"));

        assertThat(mail.text())
                .contains("Мұндай хаттардан бас тарту: https://portal.example/api/notifications/unsubscribe?token=t");
        assertThat(mail.html()).contains("href=\"https://portal.example/api/notifications/unsubscribe?token=t\"");
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (var in =
                MessageTemplatesTest.class.getResourceAsStream("/templates/notifications" + suffix + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
