package kz.senim.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every text exists in kk, ru and en: each bundle's Kazakh and Russian files have exactly the keys of its
 * English base file, none is empty, and every message key a template names literally is defined.
 */
class PortalMessagesTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9._-]*)[}(]");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "common",
                "cases",
                "club",
                "training",
                "trustbox",
                "notifications",
                "admin",
                "reports",
                "accounts"
            })
    void everyBundleHasTheSameKeysInEveryLanguage(String bundle) throws IOException {
        Properties english = load(bundle + ".properties");
        for (String language : new String[] {"kk", "ru"}) {
            Properties translated = load(bundle + "_" + language + ".properties");
            assertThat(new TreeSet<>(translated.stringPropertyNames()))
                    .as("keys of %s_%s", bundle, language)
                    .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
            translated.forEach((key, value) -> assertThat(value.toString())
                    .as("%s_%s: %s", bundle, language, key)
                    .isNotBlank());
        }
        english.forEach((key, value) ->
                assertThat(value.toString()).as("%s: %s", bundle, key).isNotBlank());
    }

    @Test
    void every_key_a_template_names_is_defined() throws IOException {
        Set<String> defined = new TreeSet<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path file :
                    files.filter(f -> !f.getFileName().toString().contains("_")).toList()) {
                defined.addAll(load(file.getFileName().toString()).stringPropertyNames());
            }
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template :
                    templates.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher keys = LITERAL_KEY.matcher(Files.readString(template));
                while (keys.find()) {
                    if (!defined.contains(keys.group(1))) {
                        missing.add(TEMPLATES.relativize(template) + ": " + keys.group(1));
                    }
                }
            }
        }
        assertThat(missing)
                .as("message keys used by templates but defined nowhere")
                .isEmpty();
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(I18N.resolve(file))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
