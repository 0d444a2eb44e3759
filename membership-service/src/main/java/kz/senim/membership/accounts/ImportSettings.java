package kz.senim.membership.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the background import of accounts looks for work ({@code senim.accounts.*}, docs/operations.md §10).
 *
 * @param importPoll how often a worker looks for a queued import
 * @param importLease how long a running import's worker may be silent before another takes it over (a crash)
 */
@ConfigurationProperties("senim.accounts")
record ImportSettings(
        @DefaultValue("PT2S") Duration importPoll,
        @DefaultValue("PT2M") Duration importLease) {}
