package kz.senim.membership.accounts.domain;

import static kz.senim.membership.accounts.domain.AccountGrants.Verdict.ALLOWED;
import static kz.senim.membership.accounts.domain.AccountGrants.Verdict.NOT_AN_ADMIN;
import static kz.senim.membership.accounts.domain.AccountGrants.Verdict.NOT_FOUND;
import static kz.senim.membership.accounts.domain.AccountGrants.Verdict.ROLE_NOT_GRANTABLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import kz.senim.membership.accounts.domain.AccountGrants.Caller;
import kz.senim.membership.people.domain.PersonRole;
import org.junit.jupiter.api.Test;

class AccountGrantsTest {

    static final Caller DISTRICT = new Caller(true, Optional.empty());
    static final Caller SCHOOL_ADMIN = new Caller(true, Optional.of("gym-1"));
    static final Caller COORDINATOR = new Caller(false, Optional.of("gym-1"));

    @Test
    void the_district_admin_grants_every_role_in_every_school() {
        for (PersonRole role : PersonRole.values()) {
            assertThat(AccountGrants.mayGrant(DISTRICT, "any-school", role, false))
                    .isEqualTo(ALLOWED);
        }
    }

    @Test
    void a_school_admin_grants_students_teachers_and_parents_of_their_own_school() {
        for (PersonRole role : new PersonRole[] {PersonRole.STUDENT, PersonRole.TEACHER, PersonRole.PARENT}) {
            assertThat(AccountGrants.mayGrant(SCHOOL_ADMIN, "gym-1", role, false))
                    .isEqualTo(ALLOWED);
        }
    }

    @Test
    void nobody_but_the_district_admin_creates_an_admin() {
        assertThat(AccountGrants.mayGrant(SCHOOL_ADMIN, "gym-1", PersonRole.ADMIN, true))
                .isEqualTo(ROLE_NOT_GRANTABLE);
    }

    @Test
    void a_school_admin_grants_coordinators_only_when_the_district_allowed_it() {
        assertThat(AccountGrants.mayGrant(SCHOOL_ADMIN, "gym-1", PersonRole.COORDINATOR, false))
                .isEqualTo(ROLE_NOT_GRANTABLE);
        assertThat(AccountGrants.mayGrant(SCHOOL_ADMIN, "gym-1", PersonRole.COORDINATOR, true))
                .isEqualTo(ALLOWED);
    }

    @Test
    void another_school_is_not_found_for_a_school_admin_whatever_the_role() {
        assertThat(AccountGrants.mayGrant(SCHOOL_ADMIN, "sch-2", PersonRole.STUDENT, true))
                .isEqualTo(NOT_FOUND);
        assertThat(AccountGrants.mayGrant(SCHOOL_ADMIN, "sch-2", PersonRole.ADMIN, true))
                .isEqualTo(NOT_FOUND);
        assertThat(AccountGrants.mayManage(SCHOOL_ADMIN, "sch-2")).isEqualTo(NOT_FOUND);
    }

    @Test
    void a_coordinator_manages_no_accounts() {
        assertThat(AccountGrants.mayGrant(COORDINATOR, "gym-1", PersonRole.STUDENT, true))
                .isEqualTo(NOT_AN_ADMIN);
    }
}
