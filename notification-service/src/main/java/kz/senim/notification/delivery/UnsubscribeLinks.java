package kz.senim.notification.delivery;

import kz.senim.notification.delivery.domain.Category;

/** The one-click unsubscribe link a mail carries (the preference feature signs it and implements this). */
public interface UnsubscribeLinks {

    /** The link that switches this category's mail off for this user. */
    String link(String userId, Category category);
}
