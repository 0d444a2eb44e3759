package kz.senim.test.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import kz.senim.test.InfraSide;
import org.junit.jupiter.api.Test;

/** The Keycloak of a test JVM starts from the realm's database template instead of importing the realm. */
class KeycloakDatabaseTemplateIT {

    @Test
    void the_keycloak_of_this_jvm_started_from_the_template_and_still_serves_the_realm() throws Exception {
        // A Keycloak container imports the realm itself; the template is for the Keycloak run from the distribution.
        assumeTrue(InfraSide.current() != InfraSide.CONTAINERS, "Keycloak runs in a container here");
        SenimKeycloak keycloak = SenimKeycloak.get();

        Path installation = KeycloakDistribution.installation();
        String key = KeycloakDatabaseTemplate.key(SenimKeycloak.realmFile());
        Path template = installation.resolveSibling(installation.getFileName() + "-realm-" + key);
        assertThat(template.resolve("keycloakdb.mv.db")).isRegularFile();
        assertThat(Files.readString(Path.of("target", "senim-keycloak.log")))
                .contains("Realm 'senim' already exists. Import skipped");
        assertThat(keycloak.passwordToken("student1.gym1", SenimKeycloak.DEMO_PASSWORD))
                .isNotBlank();
    }
}
