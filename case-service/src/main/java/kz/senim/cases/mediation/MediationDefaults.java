package kz.senim.cases.mediation;

import java.time.ZoneId;
import kz.senim.cases.mediation.domain.MediationSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mediation settings every school starts with (docs/domain.md §3: co-mediation by two, no guardian
 * consent, follow-up after 14 days, Asia/Almaty); a school changes them in its own settings
 * ({@link SchoolSettingsService}).
 */
@ConfigurationProperties("senim.cases.mediation")
public record MediationDefaults(
        Integer mediatorsPerCase, Integer guardianConsentBelowGrade, Integer followUpDays, String timeZone) {

    public MediationSettings settings() {
        return new MediationSettings(
                mediatorsPerCase == null ? 2 : mediatorsPerCase,
                guardianConsentBelowGrade,
                followUpDays == null ? 14 : followUpDays,
                ZoneId.of(timeZone == null ? "Asia/Almaty" : timeZone));
    }
}
