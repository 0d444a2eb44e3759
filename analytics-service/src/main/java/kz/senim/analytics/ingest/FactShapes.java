package kz.senim.analytics.ingest;

import static kz.senim.analytics.report.domain.EventTypes.*;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the store keeps of each event type it uses: the field naming the aggregate (a case, thread, activity…),
 * the fields kept (kinds, statuses, counts, dates) and the fields the type also has but the store drops (user ids
 * above all). A field that is in neither list is unknown (a newer producer): accepted and counted. Types that are
 * not listed are not needed by any indicator and are not stored. Checked against the schemas in contracts/ by
 * FactShapesTest.
 */
final class FactShapes {

    /**
     * @param subject the field with the aggregate id, or null
     * @param kept fields stored as attributes
     * @param dropped fields of the type that are never stored
     */
    record Shape(String subject, List<String> kept, List<String> dropped) {

        Set<String> known() {
            Set<String> known = new HashSet<>(List.of("eventId", "schoolId", "occurredAt"));
            if (subject != null) {
                known.add(subject);
            }
            known.addAll(kept);
            known.addAll(dropped);
            return known;
        }
    }

    private static final List<String> MEMBER = List.of("schoolYear", "status");
    private static final List<String> USER = List.of("userId");

    static final Map<String, Shape> SHAPES = Map.ofEntries(
            Map.entry(
                    SCHOOL_REGISTERED,
                    new Shape(null, List.of("timeZone", "yearStartMonth"), List.of("defaultLanguage"))),
            Map.entry(
                    SCHOOL_UPDATED, new Shape(null, List.of("timeZone", "yearStartMonth"), List.of("defaultLanguage"))),
            Map.entry(MEMBER_ADMITTED, new Shape(null, MEMBER, USER)),
            Map.entry(MEMBER_CERTIFIED, new Shape(null, MEMBER, USER)),
            Map.entry(MEMBER_LEFT, new Shape(null, MEMBER, USER)),
            Map.entry(MEMBER_GRADUATED, new Shape(null, MEMBER, USER)),
            Map.entry(
                    ROSTER_RENEWED,
                    new Shape(
                            null,
                            List.of("schoolYear", "previousSchoolYear", "continuing", "graduated", "left"),
                            List.of())),
            Map.entry(
                    TRAINEE_QUALIFIED,
                    new Shape(null, List.of("schoolYear", "modulesCompleted", "simulationsAttended"), USER)),
            Map.entry(
                    ACTIVITY_COMPLETED,
                    new Shape(
                            "activityId",
                            List.of(
                                    "activityType",
                                    "startsAt",
                                    "registeredCount",
                                    "presentCount",
                                    "absentCount",
                                    "excusedCount",
                                    "headCount",
                                    "participantCount"),
                            List.of("seriesId"))),
            Map.entry(
                    ACTIVITY_CANCELLED,
                    new Shape(
                            "activityId", List.of("activityType", "startsAt", "registeredCount"), List.of("seriesId"))),
            Map.entry(
                    ATTENDANCE_RECORDED,
                    new Shape(
                            "activityId",
                            List.of(
                                    "activityType",
                                    "presentCount",
                                    "absentCount",
                                    "excusedCount",
                                    "headCount",
                                    "schoolYear",
                                    "studentsReachedInSchoolYear",
                                    "peopleReachedInSchoolYear"),
                            List.of())),
            Map.entry(
                    PLAN_ITEM_CREATED,
                    new Shape(
                            "planItemId", List.of("schoolYear", "month", "status", "completionPercentage"), List.of())),
            Map.entry(
                    PLAN_ITEM_STATUS_CHANGED,
                    new Shape(
                            "planItemId",
                            List.of("schoolYear", "month", "previousStatus", "status", "completionPercentage"),
                            List.of())),
            Map.entry(
                    MATERIAL_PUBLISHED,
                    new Shape(
                            "materialId",
                            List.of("kind", "language", "hasFile", "hasLink"),
                            List.of("audienceGroups", "gradeFrom", "gradeTo"))),
            Map.entry(
                    REQUEST_SUBMITTED,
                    new Shape(
                            "caseId",
                            List.of(
                                    "kind",
                                    "channel",
                                    "urgency",
                                    "partyCount",
                                    "adultParty",
                                    "studentParties",
                                    "teacherParties",
                                    "parentParties",
                                    "otherAdultParties"),
                            List.of())),
            Map.entry(REQUEST_TRIAGED, new Shape("caseId", List.of("decision", "mediatedBy", "status"), List.of())),
            Map.entry(REQUEST_ESCALATED, new Shape("caseId", List.of(), List.of())),
            Map.entry(AGREEMENT_SIGNED, new Shape("caseId", List.of("commitmentCount", "followUpDate"), List.of())),
            Map.entry(NO_AGREEMENT, new Shape("caseId", List.of(), List.of())),
            Map.entry(FOLLOW_UP_RECORDED, new Shape("caseId", List.of("result"), List.of())),
            Map.entry(PARTY_WITHDREW, new Shape("caseId", List.of("fromStatus"), List.of())),
            Map.entry(CASE_CLOSED, new Shape("caseId", List.of("status", "outcome"), List.of("submitterId"))),
            Map.entry(TRUST_BOX_MESSAGE_RECEIVED, new Shape("threadId", List.of("firstMessage"), List.of())),
            Map.entry(TRUST_BOX_MESSAGE_ANSWERED, new Shape("threadId", List.of(), List.of())),
            Map.entry(TRUST_BOX_SAFETY_CONCERN, new Shape("threadId", List.of(), List.of())),
            Map.entry(TRUST_BOX_CASE_OPENED, new Shape("threadId", List.of("caseId"), List.of())),
            Map.entry(CONSULTATION_REQUESTED, new Shape("consultationId", List.of("kind"), List.of())),
            Map.entry(
                    CONSULTATION_ANSWERED,
                    new Shape("consultationId", List.of("kind", "inMeeting", "peerAdvice"), List.of("askerId"))),
            Map.entry(CONSULTATION_CLOSED, new Shape("consultationId", List.of("kind", "status"), List.of())));

    /**
     * Types of Senim's contracts that no indicator uses yet; they are accepted and not stored. Everything else is
     * an unknown type.
     */
    static final Set<String> NOT_USED = Set.of(
            "kz.senim.membership.person-registered.v1",
            "kz.senim.membership.person-updated.v1",
            "kz.senim.membership.person-removed.v1",
            "kz.senim.membership.application-submitted.v1",
            "kz.senim.membership.application-accepted.v1",
            "kz.senim.membership.application-rejected.v1",
            "kz.senim.membership.application-withdrawn.v1",
            "kz.senim.membership.application-waitlisted.v1",
            "kz.senim.membership.interview-scheduled.v1",
            "kz.senim.training.activity-scheduled.v1",
            "kz.senim.training.activity-rescheduled.v1",
            "kz.senim.training.registration-changed.v1",
            "kz.senim.cases.mediator-assigned.v1",
            "kz.senim.cases.mediator-unassigned.v1",
            "kz.senim.cases.consent-given.v1",
            "kz.senim.cases.consent-refused.v1",
            "kz.senim.cases.consent-requested.v1",
            "kz.senim.cases.session-scheduled.v1",
            "kz.senim.cases.session-cancelled.v1",
            "kz.senim.cases.agreement-proposed.v1",
            "kz.senim.cases.follow-up-due.v1",
            "kz.senim.cases.mediation-reopened.v1",
            "kz.senim.cases.trust-box-case-proposed.v1",
            "kz.senim.cases.trust-box-case-proposal-answered.v1");

    private FactShapes() {}

    static Optional<Shape> of(String type) {
        return Optional.ofNullable(SHAPES.get(type));
    }
}
