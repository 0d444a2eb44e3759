package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which JVMs of a platform run on the JIT's first tier only (decisions 134 and 160). */
class PlatformOptionsTest {

    private static final String C1 = "-XX:TieredStopAtLevel=1";

    @Test
    void a_developers_platform_starts_kafka_and_keycloak_on_the_first_tier() {
        PlatformOptions local = PlatformOptions.local(Path.of("state"), true);

        assertThat(local.serviceJvmOptions()).contains(C1);
        assertThat(local.kafkaJvmOptions()).containsExactly(C1);
        assertThat(local.keycloakJvmOptions()).containsExactly(C1);
    }

    @Test
    void the_end_to_end_platforms_keep_keycloaks_full_jit_for_their_many_sign_ins() {
        PlatformOptions journeys = PlatformOptions.ephemeral().withQuickStartJit();

        assertThat(journeys.kafkaJvmOptions()).containsExactly(C1);
        assertThat(journeys.keycloakJvmOptions()).isEmpty();
    }

    @Test
    void the_benchmark_keeps_the_full_jit_everywhere() {
        PlatformOptions benchmark = PlatformOptions.ephemeral();

        assertThat(benchmark.serviceJvmOptions()).doesNotContain(C1);
        assertThat(benchmark.kafkaJvmOptions()).isEmpty();
        assertThat(benchmark.keycloakJvmOptions()).isEmpty();
    }
}
