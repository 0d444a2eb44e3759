package kz.senim.cases.mediation.domain;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A school's settings for mediation.
 *
 * @param mediatorsPerCase 1 or 2; co-mediation by two is the default
 * @param guardianConsentBelowGrade students below this grade also need a guardian's consent; {@code null} = off (default)
 * @param followUpDays days from the agreement to its follow-up (default 14)
 * @param timeZone the school's time zone, in which follow-up dates are counted (default Asia/Almaty)
 */
public record MediationSettings(
        int mediatorsPerCase, Integer guardianConsentBelowGrade, int followUpDays, ZoneId timeZone) {

    public static final MediationSettings DEFAULT = new MediationSettings(2, null, 14, ZoneId.of("Asia/Almaty"));

    public MediationSettings {
        Objects.requireNonNull(timeZone, "timeZone");
        if (mediatorsPerCase < 1 || mediatorsPerCase > 2) {
            throw new IllegalArgumentException("mediatorsPerCase must be 1 or 2");
        }
        if (guardianConsentBelowGrade != null && (guardianConsentBelowGrade < 2 || guardianConsentBelowGrade > 12)) {
            throw new IllegalArgumentException("guardianConsentBelowGrade must be 2..12");
        }
        if (followUpDays < 1 || followUpDays > 365) {
            throw new IllegalArgumentException("followUpDays must be 1..365");
        }
    }
}
