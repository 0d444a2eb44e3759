package kz.senim.cases.trustbox.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The only key to an anonymous trust-box conversation: 100 random bits, written as 20 characters
 * of Crockford's base32 in five groups of four ({@code 7KQM-3XRD-...}), which a child can copy
 * without confusing 0/O or 1/I/L. It is shown once; only its SHA-256 is stored.
 */
public record Receipt(String code) {

    public static final int BITS = 100;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = BITS / 5;

    public Receipt {
        if (code == null || !code.matches("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}")) {
            throw new IllegalArgumentException("not a receipt code");
        }
    }

    public static Receipt random(SecureRandom random) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(32)));
        }
        return new Receipt(code.toString());
    }

    /** What a child typed, forgiving case, spaces, dashes and the look-alikes O, I and L. */
    public static Optional<Receipt> typed(String input) {
        if (input == null || input.length() > 64) {
            return Optional.empty();
        }
        String clean = input.toUpperCase(Locale.ROOT)
                .replaceAll("[\\s-]", "")
                .replace('O', '0')
                .replace('I', '1')
                .replace('L', '1');
        if (clean.length() != LENGTH || !clean.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(clean.charAt(i));
        }
        return Optional.of(new Receipt(code.toString()));
    }

    /** What is stored instead of the code. */
    public String hash() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Receipt[****]";
    }
}
