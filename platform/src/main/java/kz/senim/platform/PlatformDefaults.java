package kz.senim.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code senim-platform-defaults.properties} with the lowest precedence: the settings every
 * service shares (Kafka serializers and fail-fast timeouts, outbox, actuator, locale), which a
 * service's own {@code application.yml} or an environment variable may still override.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "senim-platform-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
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
