package kz.senim.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Without SENIM_OTLP_ENDPOINT the gateway must not try to reach a collector that isn't there. */
class TelemetryDefaultsTest extends GatewayTest {

    @Autowired
    ApplicationContext context;

    @Test
    void nothing_is_exported_over_otlp_by_default() {
        assertThat(context.getBeanNamesForType(OtlpHttpSpanExporter.class)).isEmpty();
        assertThat(context.getBeanNamesForType(OtlpGrpcSpanExporter.class)).isEmpty();
        assertThat(context.getBeanNamesForType(OtlpMeterRegistry.class)).isEmpty();
    }
}
