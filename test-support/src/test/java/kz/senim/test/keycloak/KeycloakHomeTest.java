package kz.senim.test.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept Keycloak home is laid out again on every start (the fault suite stops and starts Keycloak). */
class KeycloakHomeTest {

    @TempDir
    Path folder;

    @Test
    void a_kept_home_is_laid_out_again_and_the_installation_is_untouched() throws Exception {
        Path installation = installation();
        Path theme = Files.createDirectories(
                folder.resolve("keycloak").resolve("themes").resolve("senim").resolve("login"));
        Path realm = Files.writeString(folder.resolve("keycloak").resolve("senim-realm.json"), "{}");
        Files.writeString(theme.resolve("theme.properties"), "parent=keycloak");
        Path home = folder.resolve("home");

        KeycloakProcess.prepareHome(home, installation, realm);
        Files.writeString(theme.resolve("theme.properties"), "parent=keycloak.v2");
        KeycloakProcess.prepareHome(home, installation, realm);

        assertThat(home.resolve("lib")).isSymbolicLink();
        assertThat(home.resolve("themes").resolve("keycloak")).isSymbolicLink();
        assertThat(home.resolve("themes").resolve("senim").resolve("login").resolve("theme.properties"))
                .hasContent("parent=keycloak.v2");
        assertThat(installation.resolve("themes").resolve("keycloak").resolve("theme.properties"))
                .hasContent("built-in");
        assertThat(installation.resolve("lib").resolve("keycloak.jar")).exists();
    }

    private Path installation() throws Exception {
        Path installation = folder.resolve("keycloak-dist");
        Files.createDirectories(installation.resolve("bin"));
        Files.writeString(installation.resolve("bin").resolve("kc.sh"), "#!/bin/sh\n");
        Files.createDirectories(installation.resolve("lib"));
        Files.writeString(installation.resolve("lib").resolve("keycloak.jar"), "jar");
        Files.createDirectories(installation.resolve("conf"));
        Files.createDirectories(installation.resolve("providers"));
        Path builtIn = Files.createDirectories(installation.resolve("themes").resolve("keycloak"));
        Files.writeString(builtIn.resolve("theme.properties"), "built-in");
        return installation;
    }
}
