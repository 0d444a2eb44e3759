package kz.senim.membership.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccountStatusTest {

    @Test
    void a_disabled_account_is_disabled_whatever_else_it_has() {
        assertThat(AccountStatus.of(false, List.of(), true, false)).isEqualTo(AccountStatus.DISABLED);
        assertThat(AccountStatus.of(false, List.of("UPDATE_PASSWORD"), false, true))
                .isEqualTo(AccountStatus.DISABLED);
    }

    @Test
    void an_account_whose_password_is_still_to_be_chosen_has_not_signed_in() {
        assertThat(AccountStatus.of(true, List.of("UPDATE_PASSWORD"), false, false))
                .isEqualTo(AccountStatus.NEVER_SIGNED_IN);
        // A first-login code is a temporary password: still to be replaced at the first sign-in.
        assertThat(AccountStatus.of(true, List.of("UPDATE_PASSWORD"), true, false))
                .isEqualTo(AccountStatus.NEVER_SIGNED_IN);
    }

    @Test
    void an_invited_person_is_invited_until_both_password_and_email_are_done() {
        assertThat(AccountStatus.of(true, List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"), false, true))
                .isEqualTo(AccountStatus.INVITED);
        assertThat(AccountStatus.of(true, List.of("VERIFY_EMAIL"), true, true)).isEqualTo(AccountStatus.INVITED);
        assertThat(AccountStatus.of(true, List.of(), true, true)).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void an_account_without_any_password_is_never_active() {
        assertThat(AccountStatus.of(true, List.of(), false, false)).isEqualTo(AccountStatus.NEVER_SIGNED_IN);
    }

    @Test
    void other_required_actions_do_not_hold_the_first_sign_in_back() {
        assertThat(AccountStatus.of(true, List.of("CONFIGURE_TOTP"), true, false))
                .isEqualTo(AccountStatus.ACTIVE);
        assertThat(AccountStatus.NEVER_SIGNED_IN.apiName()).isEqualTo("never-signed-in");
    }
}
