package kz.senim.test.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeycloakPortsTest {

    @Test
    void a_start_that_found_its_port_taken_is_told_apart_from_other_failures() {
        assertThat(KeycloakProcess.portTaken(new IllegalStateException(
                        "Keycloak exited with code 1 during start-up; log x:\n... ERROR: io.quarkus.runtime."
                                + "QuarkusBindException: Port already bound: 34571: Address already in use")))
                .isTrue();
        assertThat(KeycloakProcess.portTaken(new IllegalStateException(
                        "Keycloak exited with code 1 during start-up; log x:\n... ERROR: Failed to start server")))
                .isFalse();
        assertThat(KeycloakProcess.portTaken(new IllegalStateException((String) null)))
                .isFalse();
    }
}
