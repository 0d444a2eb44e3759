package kz.senim.membership.accounts.domain;

import java.util.Collection;
import java.util.Locale;

/**
 * Where an account stands, as the school admin sees it (issue 13), read from what Keycloak keeps rather than
 * from anything Senim records about sign-ins: Senim makes every account with the required action of choosing a
 * password ({@code UPDATE_PASSWORD}, and {@code VERIFY_EMAIL} for people with an e-mail address), and Keycloak
 * clears an action only when the person has done it — at a sign-in with a first-login code, or through the
 * invitation's link.
 */
public enum AccountStatus {
    /** Disabled (a leaver, or disabled by an admin): nobody can sign in with it. */
    DISABLED,
    /** An invitation was e-mailed and the person has not done what it asks yet. */
    INVITED,
    /** No invitation and no first sign-in yet (a pupil waiting for their class sheet's code, say). */
    NEVER_SIGNED_IN,
    /** The person has chosen their own password (and confirmed their e-mail address, if they have one). */
    ACTIVE;

    /** Keycloak's required actions that say the first sign-in is still to come. */
    static final java.util.Set<String> FIRST_SIGN_IN = java.util.Set.of("UPDATE_PASSWORD", "VERIFY_EMAIL");

    /**
     * The status of an account.
     *
     * @param enabled whether both Senim and Keycloak have the account enabled
     * @param requiredActions Keycloak's required actions of the user
     * @param hasPassword whether Keycloak holds a password for the user (an account made without any password
     *     and without the required action, as before issue 13's invitations, is not active)
     * @param invited whether Senim had Keycloak send an invitation
     */
    public static AccountStatus of(
            boolean enabled, Collection<String> requiredActions, boolean hasPassword, boolean invited) {
        if (!enabled) {
            return DISABLED;
        }
        if (!firstSignInPending(requiredActions) && hasPassword) {
            return ACTIVE;
        }
        return invited ? INVITED : NEVER_SIGNED_IN;
    }

    /** True while Keycloak still asks the person for their first sign-in's actions. */
    public static boolean firstSignInPending(Collection<String> requiredActions) {
        return requiredActions.stream().anyMatch(FIRST_SIGN_IN::contains);
    }

    /** The status as the API writes it: {@code invited}, {@code active}, {@code disabled}, {@code never-signed-in}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
