package kz.senim.notification.recipient;

import java.util.Optional;

/** Looks up a user's e-mail address and preferred language by Keycloak subject id. */
public interface RecipientDirectory {

    /**
     * The user, or empty when there is no such user or the user has no e-mail address.
     *
     * @throws DirectoryUnavailable when the directory cannot answer now (try again later)
     */
    Optional<Recipient> find(String userId);

    /** The directory could not be asked; the lookup may succeed later. */
    class DirectoryUnavailable extends RuntimeException {
        public DirectoryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
