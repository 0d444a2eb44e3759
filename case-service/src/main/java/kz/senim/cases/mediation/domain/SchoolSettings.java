package kz.senim.cases.mediation.domain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A school's own rules for its cases (docs/domain.md §4: school settings). A school that set none follows
 * the service's defaults.
 *
 * @param mediatorsPerCase 1 or 2; co-mediation by two is the default
 * @param guardianConsentBelowGrade students below this grade also need a guardian's consent; {@code null} = off
 * @param followUpDays days from the agreement to its follow-up
 * @param retentionDays days after closure until the case's confidential text is purged
 * @param timeZone the school's time zone, in which follow-up dates are counted
 */
public record SchoolSettings(
        int mediatorsPerCase, Integer guardianConsentBelowGrade, int followUpDays, int retentionDays, ZoneId timeZone) {

    public static final int MAX_RETENTION_DAYS = 3650;

    public SchoolSettings {
        Objects.requireNonNull(timeZone, "timeZone");
        if (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException("retentionDays must be 1.." + MAX_RETENTION_DAYS);
        }
        // The mediation rules check the rest.
        new MediationSettings(mediatorsPerCase, guardianConsentBelowGrade, followUpDays, timeZone);
    }

    public static SchoolSettings of(MediationSettings mediation, int retentionDays) {
        return new SchoolSettings(
                mediation.mediatorsPerCase(),
                mediation.guardianConsentBelowGrade(),
                mediation.followUpDays(),
                retentionDays,
                mediation.timeZone());
    }

    /** The settings the mediation rules follow. */
    public MediationSettings mediation() {
        return new MediationSettings(mediatorsPerCase, guardianConsentBelowGrade, followUpDays, timeZone);
    }

    /** How long confidential text is kept after closure. */
    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }
}
