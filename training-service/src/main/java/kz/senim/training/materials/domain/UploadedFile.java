package kz.senim.training.materials.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A PDF or an image uploaded for a material. Its type is what its first bytes say, whatever the
 * sender declared: a file that is not really a PDF, PNG or JPEG is refused.
 */
public record UploadedFile(String contentType, byte[] content) {

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    /** The type the bytes really have, if it is one that materials accept. */
    public static Optional<String> detect(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        return Optional.empty();
    }

    /**
     * Accepts the upload when the declared type (parameters such as charset ignored) is the one its
     * bytes have and it is not larger than the limit.
     */
    public static UploadedFile accept(String declaredType, byte[] content, int maxBytes) {
        if (content.length == 0) {
            throw new Refused("empty");
        }
        if (content.length > maxBytes) {
            throw new Refused("too-large");
        }
        String declared =
                declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase();
        String actual = detect(content).orElseThrow(() -> new Refused("unsupported-type"));
        if (!actual.equals(declared)) {
            throw new Refused("type-mismatch");
        }
        return new UploadedFile(actual, content);
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Why an upload was refused: empty, too-large, unsupported-type or type-mismatch. */
    public static final class Refused extends RuntimeException {
        private final String code;

        public Refused(String code) {
            super("Upload refused: " + code);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
