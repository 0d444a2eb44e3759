package kz.senim.membership.accounts.domain;

import java.security.SecureRandom;

/**
 * A one-time first-login code for a person without an e-mail address (most pupils of grades 1–9): ten letters
 * and digits in two groups ({@code K7QM4-XPDTR}), from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S,
 * 2/Z, 8/B), so that a child can type it from a printed slip. It is set as a temporary password in Keycloak —
 * the user must choose their own password at the first sign-in — and shown once to the school admin. Senim
 * never stores it, logs it or sends it anywhere else; a lost code is replaced by a new one, which makes the
 * old one useless.
 */
public final class FirstLoginCode {

    static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    static final int LENGTH = 10;

    private FirstLoginCode() {}

    public static String generate(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
