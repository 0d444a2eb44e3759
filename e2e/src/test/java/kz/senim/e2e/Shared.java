package kz.senim.e2e;

/**
 * The data two journeys running at the same time could trip each other over, as JUnit resource keys
 * ({@code @ResourceLock}). Journeys run two at a time on one platform (junit-platform.properties); each
 * creates its own cases, people and activities, so most never meet. These are the exceptions:
 *
 * <ul>
 *   <li>a journey that changes a school's settings changes them for everyone in that school while it runs;
 *   <li>a journey that compares a count before and after (a report, a home page's counts, a list's first
 *       line) needs nobody else to add to it meanwhile.
 * </ul>
 *
 * Such a journey takes the key {@code READ_WRITE}, alone; a journey that only adds to the data or depends on
 * the settings takes it {@code READ}, beside other readers. A journey that touches none of it takes nothing.
 *
 * <p>A worker waiting for a lock waits; it does not take other work meanwhile. JUnit's fork-join pool hands one
 * worker the journeys from the front of their {@code @Order} and the other from the back, so the exclusive
 * journeys come first, then the long readers, and the journeys that share nothing come last: each worker
 * starts at its own end, and they seldom wait for each other.
 */
final class Shared {

    /** The cases, trust-box threads and case settings of Demo Gymnasium No. 1. */
    static final String GYMNASIUM_1_CASES = "gymnasium-1-cases";

    /** The activities of Demo Gymnasium No. 1 and what the annual report counts of them. */
    static final String GYMNASIUM_1_ACTIVITIES = "gymnasium-1-activities";

    /** The mediation club of Demo School 2: its applications and members. */
    static final String SCHOOL_2_CLUB = "school-2-club";

    private Shared() {}
}
