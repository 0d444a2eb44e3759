package kz.senim.platform.messaging;

/** A record that can never be processed (no {@code ce_id}, unreadable JSON): it goes straight to the DLT. */
public class MalformedEvent extends RuntimeException {

    public MalformedEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
