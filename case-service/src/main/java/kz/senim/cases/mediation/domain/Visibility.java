package kz.senim.cases.mediation.domain;

/** What someone may see of a case (confidentiality). Anything below {@link #STATUS} answers 404. */
public enum Visibility {
    /** Nothing: not even that the case exists. */
    NONE,
    /** The status only: someone who referred the case but is not a party. */
    STATUS,
    /**
     * A guardian whose consent the school asks for a party (their child): the status and what the
     * consent is about, nothing said in the case, no other party.
     */
    GUARDIAN,
    /** A party: the status, the agreement, and their own submission if they submitted it. */
    PARTY,
    /** An assigned mediator, while assigned: the case work, including session notes. */
    MEDIATOR,
    /** A coordinator of the school: everything. */
    COORDINATOR;

    public boolean atLeast(Visibility other) {
        return compareTo(other) >= 0;
    }
}
