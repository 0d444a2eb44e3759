package kz.senim.notification.mapping;

/**
 * What this service keeps of another service's events so that it can tell the right people later: a case's
 * mediators, a session's participants, an activity's audience and registrations, the reminders to send. It is
 * kept before anyone is told, in the same transaction.
 */
interface ReadModel {

    /** Keeps what the event changes; an event of another family or kind changes nothing. */
    void keep(EventFields event);
}
