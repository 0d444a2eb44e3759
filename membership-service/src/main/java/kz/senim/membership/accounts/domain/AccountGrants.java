package kz.senim.membership.accounts.domain;

import java.util.Optional;
import kz.senim.membership.people.domain.PersonRole;

/**
 * Who may manage which accounts (issue 13). The district admin (an {@code admin} without a school) manages
 * every school's accounts and is the only one who creates {@code admin}s. A school admin manages the
 * accounts of their own school only: students, teachers and parents, and coordinators only when the
 * district allowed it in the school's settings. Another school is not there for a school admin (404).
 * Anyone else manages no accounts.
 */
public final class AccountGrants {

    /** What the caller is, as far as accounts go. */
    public record Caller(boolean admin, Optional<String> schoolId) {

        boolean districtAdmin() {
            return admin && schoolId.isEmpty();
        }
    }

    /** The answer: allowed, or refused as not found (another school) or as not allowed (the role). */
    public enum Verdict {
        ALLOWED,
        NOT_FOUND,
        ROLE_NOT_GRANTABLE,
        NOT_AN_ADMIN
    }

    private AccountGrants() {}

    /** May the caller see and manage the accounts of the school at all? */
    public static Verdict mayManage(Caller caller, String schoolId) {
        if (!caller.admin()) {
            return Verdict.NOT_AN_ADMIN;
        }
        if (caller.districtAdmin() || caller.schoolId().orElseThrow().equals(schoolId)) {
            return Verdict.ALLOWED;
        }
        return Verdict.NOT_FOUND;
    }

    /**
     * May the caller create (or otherwise manage) an account with the role in the school?
     *
     * @param schoolAdminsMayGrantCoordinator the school's setting, chosen by the district
     */
    public static Verdict mayGrant(
            Caller caller, String schoolId, PersonRole role, boolean schoolAdminsMayGrantCoordinator) {
        Verdict school = mayManage(caller, schoolId);
        if (school != Verdict.ALLOWED || caller.districtAdmin()) {
            return school;
        }
        return switch (role) {
            case STUDENT, TEACHER, PARENT -> Verdict.ALLOWED;
            case COORDINATOR -> schoolAdminsMayGrantCoordinator ? Verdict.ALLOWED : Verdict.ROLE_NOT_GRANTABLE;
            case ADMIN -> Verdict.ROLE_NOT_GRANTABLE;
        };
    }
}
