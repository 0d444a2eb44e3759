package kz.senim.gateway.tracing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spans are exported over OTLP only when {@code SENIM_OTLP_ENDPOINT} names a collector (e.g.
 * {@code http://otel-collector:4318}); without it Boot creates no exporter and nothing connects
 * anywhere. The {@code traceparent} header is propagated either way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${SENIM_OTLP_ENDPOINT:}'.isBlank()")
class OtlpTraceExport {

    @Bean
    OtlpTracingConnectionDetails otlpTracingConnectionDetails(@Value("${SENIM_OTLP_ENDPOINT}") String collector) {
        String base = collector.endsWith("/") ? collector.substring(0, collector.length() - 1) : collector;
        return transport -> switch (transport) {
            case HTTP -> base + "/v1/traces";
            case GRPC -> base;
        };
    }
}
