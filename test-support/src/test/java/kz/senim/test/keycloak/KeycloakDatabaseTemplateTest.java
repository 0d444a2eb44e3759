package kz.senim.test.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakDatabaseTemplateTest {

    @TempDir
    Path folder;

    @Test
    void the_same_realm_file_gives_the_same_template() throws Exception {
        Path realm = realm("a.json", "{\"realm\":\"senim\"}");
        Path copy = realm("b.json", "{\"realm\":\"senim\"}");

        assertThat(KeycloakDatabaseTemplate.key(realm)).isEqualTo(KeycloakDatabaseTemplate.key(copy));
    }

    @Test
    void a_changed_realm_file_never_starts_from_the_old_template() throws Exception {
        Path before = realm("a.json", "{\"realm\":\"senim\",\"loginTheme\":\"keycloak\"}");
        Path after = realm("b.json", "{\"realm\":\"senim\",\"loginTheme\":\"senim\"}");

        assertThat(KeycloakDatabaseTemplate.key(before)).isNotEqualTo(KeycloakDatabaseTemplate.key(after));
    }

    @Test
    void a_placeholder_keycloak_fills_at_import_is_part_of_the_template() throws Exception {
        Path realm = realm("a.json", "{\"smtpServer\":{\"port\":\"${senim.test.template.port:25}\"}}");
        String unset = KeycloakDatabaseTemplate.key(realm);
        try {
            System.setProperty("senim.test.template.port", "2525");
            String set = KeycloakDatabaseTemplate.key(realm);
            System.setProperty("senim.test.template.port", "2526");

            assertThat(set).isNotEqualTo(unset).isNotEqualTo(KeycloakDatabaseTemplate.key(realm));
        } finally {
            System.clearProperty("senim.test.template.port");
        }
    }

    @Test
    void a_home_with_a_database_is_left_as_it_is() throws Exception {
        Path home = Files.createDirectories(folder.resolve("home"));
        Path database = Files.createDirectories(home.resolve("data").resolve("h2"));
        Files.writeString(database.resolve("keycloakdb.mv.db"), "kept");

        boolean seeded = KeycloakDatabaseTemplate.copyInto(
                home, folder.resolve("installation"), realm("a.json", "{}"), empty -> {
                    throw new AssertionError("no Keycloak may be started for a home that has a database");
                });

        assertThat(seeded).isTrue();
        assertThat(Files.readString(database.resolve("keycloakdb.mv.db"))).isEqualTo("kept");
    }

    private Path realm(String name, String json) throws Exception {
        return Files.writeString(folder.resolve(name), json);
    }
}
