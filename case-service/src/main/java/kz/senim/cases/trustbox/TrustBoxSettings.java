package kz.senim.cases.trustbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The trust box's guard against guessed receipts ({@code senim.cases.trust-box.*}).
 *
 * @param failedLookupsPerMinute how many wrong receipts one school answers per minute before it refuses more
 */
@ConfigurationProperties("senim.cases.trust-box")
record TrustBoxSettings(@DefaultValue("20") int failedLookupsPerMinute) {}
