package kz.senim.test;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Which real infrastructure the harness uses in this JVM: containers when a Docker engine answers,
 * embedded otherwise. {@code SENIM_TEST_INFRA=embedded|containers} (environment or system property)
 * forces one side.
 */
public enum InfraSide {
    CONTAINERS,
    EMBEDDED;

    private static final Logger log = LoggerFactory.getLogger(InfraSide.class);
    private static volatile InfraSide chosen;

    public static InfraSide current() {
        InfraSide side = chosen;
        if (side == null) {
            synchronized (InfraSide.class) {
                if (chosen == null) {
                    chosen = choose();
                    log.info("Senim test infrastructure: {}", chosen);
                }
                side = chosen;
            }
        }
        return side;
    }

    private static InfraSide choose() {
        String forced = System.getProperty("SENIM_TEST_INFRA", System.getenv("SENIM_TEST_INFRA"));
        if (forced != null && !forced.isBlank()) {
            return valueOf(forced.strip().toUpperCase(Locale.ROOT));
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? CONTAINERS : EMBEDDED;
        } catch (RuntimeException | LinkageError e) {
            return EMBEDDED;
        }
    }
}
