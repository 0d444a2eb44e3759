package kz.senim.notification.delivery;

import kz.senim.notification.delivery.domain.Category;
import org.jspecify.annotations.Nullable;

/**
 * What someone chose about mail of a category, as the preference feature keeps it (it implements this),
 * so that delivery does not depend on that feature's classes.
 */
public interface MailChoices {

    /** The user's explicit e-mail choice for the category, or null when none was made. */
    @Nullable
    Boolean wantsMail(String userId, Category category);
}
