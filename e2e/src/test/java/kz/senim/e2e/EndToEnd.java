package kz.senim.e2e;

import java.nio.file.Path;
import kz.senim.local.Mailbox;
import kz.senim.local.Platform;
import kz.senim.local.PlatformOptions;
import kz.senim.local.ProjectLayout;
import kz.senim.local.api.SenimApi;

/**
 * The one platform of this test JVM: every service's built jar, the gateway, real PostgreSQL, Kafka,
 * Keycloak and an SMTP catcher, on free ports in a temporary folder, started on first use and stopped
 * (every process) when the JVM ends; the services' and Keycloak's logs stay in
 * {@code target/platform-logs}. Journeys share it, so each creates the data it needs and never assumes an
 * empty database.
 */
final class EndToEnd {

    private static Platform platform;
    private static RuntimeException failure;

    private EndToEnd() {}

    static synchronized Platform platform() {
        if (failure != null) {
            throw new IllegalStateException("The platform failed to start earlier in this JVM", failure);
        }
        if (platform == null) {
            try {
                platform = Platform.start(
                        ProjectLayout.find(),
                        PlatformOptions.ephemeral()
                                .withQuickStartJit()
                                .withLogsKeptIn(
                                        Path.of("target", "platform-logs").toAbsolutePath()));
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "senim-e2e-platform-stop"));
        }
        return platform;
    }

    /** The public API through the gateway, with real Keycloak tokens of the demo users. */
    static SenimApi api() {
        return platform().api();
    }

    /** Every e-mail the platform sent. */
    static Mailbox mailbox() {
        return platform().mailbox();
    }
}
