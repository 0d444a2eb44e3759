package kz.senim.notification.mapping;

/**
 * One family of events (case-, membership- or training-service's) turned into notifications: who is told,
 * in which category, with which template (docs/notifications.md has the table).
 */
interface Notifications {

    /** Tells the people concerned; an event of another family, or one nobody is told about, tells nobody. */
    void tell(EventFields event);
}
