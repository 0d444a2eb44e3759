package kz.senim.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param suppressionThreshold in the district view, counts of cases and trust-box messages from 1 to this minus 1
 *     are suppressed
 * @param generationCheckInterval how often consumers of store generations are reconciled and a rebuild's progress
 *     is checked
 * @param rebuildOnStart request a rebuild of the store from the earliest offsets when the service starts
 * @param districtRefreshInterval how often the district views asked for are brought up to date in the background
 */
@ConfigurationProperties("senim.analytics")
public record AnalyticsProperties(
        Integer suppressionThreshold,
        Duration generationCheckInterval,
        boolean rebuildOnStart,
        Duration districtRefreshInterval) {

    public AnalyticsProperties {
        if (suppressionThreshold == null || suppressionThreshold < 2) {
            suppressionThreshold = 5;
        }
        if (generationCheckInterval == null) {
            generationCheckInterval = Duration.ofSeconds(5);
        }
        if (districtRefreshInterval == null
                || districtRefreshInterval.isNegative()
                || districtRefreshInterval.isZero()) {
            districtRefreshInterval = Duration.ofMillis(500);
        }
    }
}
