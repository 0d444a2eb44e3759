package kz.senim.test.keycloak;

import java.nio.file.Path;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/** Keycloak as a Testcontainers container ({@code start-dev --import-realm}). */
final class KeycloakContainer implements SenimKeycloak.Backend {

    static final String IMAGE = "quay.io/keycloak/keycloak:" + SenimKeycloak.VERSION;
    private static final int HTTP_PORT = 8080;
    private static final int MANAGEMENT_PORT = 9000;

    private final GenericContainer<?> container;
    private final String baseUrl;

    private KeycloakContainer(GenericContainer<?> container) {
        this.container = container;
        this.baseUrl = "http://" + container.getHost() + ":" + container.getMappedPort(HTTP_PORT);
    }

    @SuppressWarnings("resource") // stopped by stop(), from the JVM shutdown hook
    static KeycloakContainer start(Path realmFile) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withCommand("start-dev", "--import-realm", "--health-enabled=true")
                .withCopyFileToContainer(
                        MountableFile.forHostPath(realmFile), "/opt/keycloak/data/import/senim-realm.json")
                // Senim's login theme, which the realm names (keycloak/themes/senim beside the realm file)
                .withCopyFileToContainer(
                        MountableFile.forHostPath(
                                realmFile.toAbsolutePath().getParent().resolve("themes/senim")),
                        "/opt/keycloak/themes/senim")
                .withExposedPorts(HTTP_PORT, MANAGEMENT_PORT)
                .waitingFor(Wait.forHttp("/health/ready")
                        .forPort(MANAGEMENT_PORT)
                        .withStartupTimeout(SenimKeycloak.STARTUP_TIMEOUT));
        container.start();
        return new KeycloakContainer(container);
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void stop() {
        container.stop();
    }
}
