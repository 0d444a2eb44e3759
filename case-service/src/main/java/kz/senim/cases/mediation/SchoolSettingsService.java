package kz.senim.cases.mediation;

import java.time.Clock;
import java.time.ZoneId;
import kz.senim.cases.audit.AuditTrail;
import kz.senim.cases.audit.domain.AuditEntry.Action;
import kz.senim.cases.mediation.domain.SchoolSettings;
import kz.senim.cases.mediation.persistence.SchoolSettingsRepository;
import kz.senim.platform.problem.PreconditionFailed;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.security.Role;
import kz.senim.platform.web.Versions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The schools' own case settings: read and changed by the school's coordinators and its admin,
 * and read by the rules when they decide. A school that set none follows the configured defaults
 * ({@code senim.cases.mediation.*}, {@code senim.cases.retention.days}).
 */
@Service
@EnableConfigurationProperties({MediationDefaults.class, RetentionDefaults.class})
public class SchoolSettingsService {

    static final String SUBJECT = "SCHOOL_SETTINGS";

    private final SchoolSettingsRepository settings;
    private final SchoolSettings defaults;
    private final AuditTrail audit;
    private final Clock clock;

    SchoolSettingsService(
            SchoolSettingsRepository settings,
            MediationDefaults defaults,
            RetentionDefaults retention,
            AuditTrail audit,
            Clock clock) {
        this.settings = settings;
        this.defaults = SchoolSettings.of(defaults.settings(), retention.days());
        this.audit = audit;
        this.clock = clock;
    }

    /** The settings in force in a school now. */
    @Transactional(readOnly = true)
    public SchoolSettings inForce(String schoolId) {
        return settings.find(schoolId).map(VersionedSettings::settings).orElse(defaults);
    }

    /** The time zone a school's times are shown in: its setting, else the default ({@code Asia/Almaty}). */
    @Transactional(readOnly = true)
    public ZoneId timeZone(String schoolId) {
        return inForce(schoolId).timeZone();
    }

    /** The settings of schools that set none (the configured defaults). */
    public SchoolSettings defaults() {
        return defaults;
    }

    /** The caller's school's settings, with their version (0 while the school follows the defaults). */
    @Transactional(readOnly = true)
    public VersionedSettings read(CurrentUser caller) {
        String school = schoolOf(caller);
        requireCoordinatorOrAdmin(caller);
        return settings.find(school).orElse(new VersionedSettings(defaults, 0));
    }

    /** Changes the caller's school's settings; 412 when {@code ifMatch} names another version. */
    @Transactional
    public VersionedSettings change(CurrentUser caller, String ifMatch, SchoolSettings changed) {
        String school = schoolOf(caller);
        requireCoordinatorOrAdmin(caller);
        long current = settings.find(school).map(VersionedSettings::version).orElse(0L);
        Versions.check(ifMatch, current);
        if (!settings.save(school, changed, current, caller.id(), clock.instant())) {
            throw new PreconditionFailed();
        }
        audit.append(school, caller.id(), Action.CHANGE, SUBJECT, school);
        return settings.find(school).orElseThrow();
    }

    private static void requireCoordinatorOrAdmin(CurrentUser caller) {
        if (!caller.has(Role.COORDINATOR) && !caller.has(Role.ADMIN)) {
            throw new AccessDeniedException("The school's coordinators and admin manage its settings");
        }
    }

    /** Settings belong to a school; a district admin has none. */
    private static String schoolOf(CurrentUser caller) {
        return caller.schoolId().orElseThrow(() -> new ResourceNotFound("Settings"));
    }
}
