package kz.senim.notification.delivery.domain;

/**
 * What a notification is about. Essential categories carry work someone must do (or a decision
 * about them) and cannot be switched off; the others can, per category, and carry
 * {@code List-Unsubscribe}.
 */
public enum Category {
    /** New requests, trust-box messages, assignments, follow-ups: the mediation service's work. */
    CASE_WORK(true),
    /** Consent, sessions, agreements, closure: what a party of a case must know. */
    CASE_PARTICIPATION(true),
    /** A decision about one's own application to the club. */
    APPLICATION_STATUS(true),
    /** New applications to the club, for coordinators. */
    APPLICATIONS(false),
    /** Activities scheduled or cancelled. */
    ACTIVITIES(false),
    /** Booklets, memos and posters published to one's group. */
    MATERIALS(false),
    /** Reminders before sessions and activities. */
    REMINDERS(false),
    /** A trainee completed the curriculum. */
    QUALIFICATIONS(false);

    private final boolean essential;

    Category(boolean essential) {
        this.essential = essential;
    }

    public boolean essential() {
        return essential;
    }

    /** Whether an e-mail of this category goes out, given the recipient's own choice (null: none made). */
    public boolean mailed(Boolean recipientWantsMail) {
        return essential || recipientWantsMail == null || recipientWantsMail;
    }
}
