package kz.senim.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Without SENIM_OTLP_ENDPOINT the gateway must not try to reach a collector that isn't there; and it observes each
 * call, not each of Spring Security's filters (decision 157).
 */
class TelemetryDefaultsTest extends GatewayTest {

    @Autowired
    ApplicationContext context;

    @Test
    void nothing_is_exported_over_otlp_by_default() {
        assertThat(context.getBeanNamesForType(OtlpHttpSpanExporter.class)).isEmpty();
        assertThat(context.getBeanNamesForType(OtlpGrpcSpanExporter.class)).isEmpty();
        assertThat(context.getBeanNamesForType(OtlpMeterRegistry.class)).isEmpty();
    }

    @Test
    void calls_are_observed_but_not_spring_security_s_own_steps(@Autowired ObservationRegistry observations) {
        assertThat(Observation.start("spring.security.filterchains", observations)
                        .isNoop())
                .isTrue();
        assertThat(Observation.start("http.server.requests", observations).isNoop())
                .isFalse();
    }
}
