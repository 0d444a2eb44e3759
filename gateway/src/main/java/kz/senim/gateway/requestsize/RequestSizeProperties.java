package kz.senim.gateway.requestsize;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The largest request body accepted: {@code maxBody}, or more on the paths (patterns) listed. */
@ConfigurationProperties("senim.gateway.request-size")
record RequestSizeProperties(DataSize maxBody, Map<String, DataSize> paths) {

    RequestSizeProperties {
        paths = paths == null ? Map.of() : Map.copyOf(paths);
    }
}
