package kz.senim.analytics.report.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A school's indicators for one school year, in the order of the club's annual report.
 *
 * @param indicators dotted key (docs/analytics.md) → a count, a percentage or a median (null when there is none)
 * @param samples the durations behind each median, by the median's key, so that a district median pools them
 */
public record SchoolReport(
        String schoolId,
        SchoolYear year,
        ZoneId zone,
        Instant from,
        Instant to,
        Map<String, Number> indicators,
        Map<String, List<Double>> samples) {

    public SchoolReport {
        indicators = Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
        samples = Map.copyOf(samples);
    }

    public Number get(String key) {
        return indicators.get(key);
    }
}
