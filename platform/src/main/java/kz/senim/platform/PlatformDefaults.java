package kz.senim.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code senim-platform-defaults.properties} with the lowest precedence: the settings every
 * service shares (Kafka serializers and fail-fast timeouts, outbox, actuator, locale), which a
 * service's own {@code application.yml} or an environment variable may still override. Also maps
 * {@code SENIM_OTLP_ENDPOINT} and {@code SENIM_LOG_FORMAT} to Spring's settings when they are set.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "senim-platform-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> optional = new HashMap<>();
        // Only when asked for: an empty value would switch on an exporter or a log format with no target.
        String otlp = environment.getProperty("SENIM_OTLP_ENDPOINT");
        if (otlp != null && !otlp.isBlank()) {
            optional.put(
                    "management.opentelemetry.tracing.export.otlp.endpoint", otlp.replaceAll("/+$", "") + "/v1/traces");
        }
        String logFormat = environment.getProperty("SENIM_LOG_FORMAT");
        if (logFormat != null && !logFormat.isBlank()) {
            optional.put("logging.structured.format.console", logFormat.strip());
        }
        environment.getPropertySources().addLast(new MapPropertySource("senimOptionalSettings", optional));
        try {
            for (PropertySource<?> source :
                    new PropertiesPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
