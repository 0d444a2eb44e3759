package kz.senim.analytics.report.domain;

/** The event types the indicators are computed from (contracts/src/main/resources/contracts/schemas). */
public final class EventTypes {

    public static final String SCHOOL_REGISTERED = "kz.senim.membership.school-registered.v1";
    public static final String SCHOOL_UPDATED = "kz.senim.membership.school-updated.v1";
    public static final String MEMBER_ADMITTED = "kz.senim.membership.member-admitted.v1";
    public static final String MEMBER_CERTIFIED = "kz.senim.membership.member-certified.v1";
    public static final String MEMBER_LEFT = "kz.senim.membership.member-left.v1";
    public static final String MEMBER_GRADUATED = "kz.senim.membership.member-graduated.v1";
    public static final String ROSTER_RENEWED = "kz.senim.membership.roster-renewed.v1";
    public static final String TRAINEE_QUALIFIED = "kz.senim.training.trainee-qualified.v1";
    public static final String ACTIVITY_COMPLETED = "kz.senim.training.activity-completed.v1";
    public static final String ACTIVITY_CANCELLED = "kz.senim.training.activity-cancelled.v1";
    public static final String ATTENDANCE_RECORDED = "kz.senim.training.attendance-recorded.v1";
    public static final String PLAN_ITEM_CREATED = "kz.senim.training.plan-item-created.v1";
    public static final String PLAN_ITEM_STATUS_CHANGED = "kz.senim.training.plan-item-status-changed.v1";
    public static final String MATERIAL_PUBLISHED = "kz.senim.training.material-published.v1";
    public static final String REQUEST_SUBMITTED = "kz.senim.cases.request-submitted.v1";
    public static final String REQUEST_TRIAGED = "kz.senim.cases.request-triaged.v1";
    public static final String REQUEST_ESCALATED = "kz.senim.cases.request-escalated.v1";
    public static final String AGREEMENT_SIGNED = "kz.senim.cases.agreement-signed-by-all.v1";
    public static final String NO_AGREEMENT = "kz.senim.cases.no-agreement-reached.v1";
    public static final String FOLLOW_UP_RECORDED = "kz.senim.cases.follow-up-recorded.v1";
    public static final String PARTY_WITHDREW = "kz.senim.cases.party-withdrew.v1";
    public static final String CASE_CLOSED = "kz.senim.cases.case-closed.v1";
    public static final String TRUST_BOX_MESSAGE_RECEIVED = "kz.senim.cases.trust-box-message-received.v1";
    public static final String TRUST_BOX_MESSAGE_ANSWERED = "kz.senim.cases.trust-box-message-answered.v1";
    public static final String TRUST_BOX_SAFETY_CONCERN = "kz.senim.cases.trust-box-safety-concern-flagged.v1";
    public static final String TRUST_BOX_CASE_OPENED = "kz.senim.cases.trust-box-case-opened.v1";
    public static final String CONSULTATION_REQUESTED = "kz.senim.cases.consultation-requested.v1";
    public static final String CONSULTATION_ANSWERED = "kz.senim.cases.consultation-answered.v1";
    public static final String CONSULTATION_CLOSED = "kz.senim.cases.consultation-closed.v1";

    private EventTypes() {}
}
