package kz.senim.analytics.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The calculation rules of docs/analytics.md on hand-made facts. */
class AnnualReportTest {

    static final SchoolYear YEAR = SchoolYear.parse("2026-2027").orElseThrow();
    final List<Fact> facts = new ArrayList<>();

    Fact fact(String type, String at, UUID subject, String... attributes) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            map.put(attributes[i], attributes[i + 1]);
        }
        Fact fact = new Fact(UUID.randomUUID(), type, Instant.parse(at), subject, map);
        facts.add(fact);
        return fact;
    }

    SchoolReport report() {
        return AnnualReport.of("school-1", YEAR, facts);
    }

    @Test
    void the_year_is_counted_in_the_schools_time_zone() {
        fact(EventTypes.SCHOOL_REGISTERED, "2026-01-01T00:00:00Z", null, "timeZone", "Asia/Almaty");
        // 31 August 20:00 UTC is 1 September 01:00 in Almaty (+05): this year, not the last
        fact(
                EventTypes.REQUEST_SUBMITTED,
                "2026-08-31T20:00:00Z",
                UUID.randomUUID(),
                "kind",
                "MEDIATION",
                "channel",
                "IN_PERSON",
                "urgency",
                "LOW");
        // 31 August 18:00 UTC is 23:00 in Almaty: still the last year
        fact(
                EventTypes.REQUEST_SUBMITTED,
                "2026-08-31T18:00:00Z",
                UUID.randomUUID(),
                "kind",
                "MEDIATION",
                "channel",
                "IN_PERSON",
                "urgency",
                "LOW");

        SchoolReport report = report();
        assertThat(report.get("cases.requested")).isEqualTo(1L);
        assertThat(report.from()).isEqualTo(Instant.parse("2026-08-31T19:00:00Z"));
    }

    @Test
    void a_school_year_may_start_in_another_month_and_an_unregistered_school_is_in_almaty() {
        assertThat(report().zone()).isEqualTo(AnnualReport.DEFAULT_ZONE);
        fact(EventTypes.SCHOOL_UPDATED, "2026-02-01T00:00:00Z", null, "timeZone", "Asia/Aqtobe", "yearStartMonth", "8");

        assertThat(report().from()).isEqualTo(Instant.parse("2026-07-31T19:00:00Z"));
    }

    @Test
    void the_start_month_comes_from_the_registration_too_and_the_latest_that_names_one_wins() {
        fact(
                EventTypes.SCHOOL_REGISTERED,
                "2026-01-01T00:00:00Z",
                null,
                "timeZone",
                "Asia/Almaty",
                "yearStartMonth",
                "8");
        assertThat(report().from()).isEqualTo(Instant.parse("2026-07-31T19:00:00Z"));

        // a later registration record of a producer that did not send the month yet changes nothing
        fact(EventTypes.SCHOOL_REGISTERED, "2026-03-01T00:00:00Z", null, "timeZone", "Asia/Almaty");
        assertThat(report().from()).isEqualTo(Instant.parse("2026-07-31T19:00:00Z"));

        fact(EventTypes.SCHOOL_UPDATED, "2026-04-01T00:00:00Z", null, "timeZone", "Asia/Almaty", "yearStartMonth", "9");
        assertThat(report().from()).isEqualTo(Instant.parse("2026-08-31T19:00:00Z"));
    }

    @Test
    void the_plan_counts_items_never_changed_since_they_were_created_and_its_completion_is_computed_from_them() {
        UUID neverChanged = UUID.randomUUID();
        UUID doneLater = UUID.randomUUID();
        UUID doneAtOnce = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        String year = "2026-2027";
        fact(
                EventTypes.PLAN_ITEM_CREATED,
                "2026-09-10T00:00:00Z",
                neverChanged,
                "schoolYear",
                year,
                "status",
                "PLANNED");
        fact(EventTypes.PLAN_ITEM_CREATED, "2026-09-11T00:00:00Z", doneLater, "schoolYear", year, "status", "PLANNED");
        fact(
                EventTypes.PLAN_ITEM_STATUS_CHANGED,
                "2026-10-11T00:00:00Z",
                doneLater,
                "schoolYear",
                year,
                "status",
                "DONE");
        // created already done: the created and the status change share an instant and agree
        fact(
                EventTypes.PLAN_ITEM_STATUS_CHANGED,
                "2026-09-12T00:00:00Z",
                doneAtOnce,
                "schoolYear",
                year,
                "status",
                "DONE");
        fact(EventTypes.PLAN_ITEM_CREATED, "2026-09-12T00:00:00Z", doneAtOnce, "schoolYear", year, "status", "DONE");
        fact(EventTypes.PLAN_ITEM_CREATED, "2026-09-13T00:00:00Z", cancelled, "schoolYear", year, "status", "PLANNED");
        fact(
                EventTypes.PLAN_ITEM_STATUS_CHANGED,
                "2026-09-14T00:00:00Z",
                cancelled,
                "schoolYear",
                year,
                "status",
                "CANCELLED");
        fact(
                EventTypes.PLAN_ITEM_CREATED,
                "2026-05-13T00:00:00Z",
                UUID.randomUUID(),
                "schoolYear",
                "2025-2026",
                "status",
                "PLANNED");

        SchoolReport report = report();
        assertThat(report.get("plan.items.total")).isEqualTo(4L);
        assertThat(report.get("plan.items.PLANNED")).isEqualTo(1L);
        assertThat(report.get("plan.items.DONE")).isEqualTo(2L);
        assertThat(report.get("plan.items.CANCELLED")).isEqualTo(1L);
        // two done of the three not cancelled
        assertThat(report.get("plan.completionPercentage")).isEqualTo(67L);
    }

    @Test
    void a_year_without_plan_items_has_no_completion() {
        assertThat(report().get("plan.completionPercentage")).isNull();
    }

    @Test
    void who_a_conflict_was_between_comes_from_the_party_counts_of_its_request() {
        request("2026-10-01T00:00:00Z", "2", "2", "0", "0", "0");
        request("2026-10-02T00:00:00Z", "2", "1", "1", "0", "0");
        request("2026-10-03T00:00:00Z", "3", "1", "1", "1", "0");
        request("2026-10-04T00:00:00Z", "2", "1", "0", "0", "1");
        request("2026-10-05T00:00:00Z", "2", "0", "1", "0", "1");
        request("2026-10-06T00:00:00Z", "0", "0", "0", "0", "0"); // anonymous, from the trust box
        fact( // published before the counts existed
                EventTypes.REQUEST_SUBMITTED,
                "2026-10-07T00:00:00Z",
                UUID.randomUUID(),
                "kind",
                "MEDIATION",
                "channel",
                "ONLINE_FORM",
                "urgency",
                "LOW",
                "partyCount",
                "2");

        SchoolReport report = report();
        assertThat(report.get("cases.requested")).isEqualTo(7L);
        assertThat(report.get("cases.byParties.STUDENTS_ONLY")).isEqualTo(1L);
        assertThat(report.get("cases.byParties.WITH_TEACHER")).isEqualTo(2L);
        assertThat(report.get("cases.byParties.WITH_PARENT")).isEqualTo(1L);
        assertThat(report.get("cases.byParties.WITH_OTHER_ADULT")).isEqualTo(1L);
        assertThat(report.get("cases.byParties.NOT_KNOWN")).isEqualTo(2L);
    }

    private void request(String at, String parties, String students, String teachers, String parents, String others) {
        fact(
                EventTypes.REQUEST_SUBMITTED,
                at,
                UUID.randomUUID(),
                "kind",
                "MEDIATION",
                "channel",
                "ONLINE_FORM",
                "urgency",
                "LOW",
                "partyCount",
                parties,
                "studentParties",
                students,
                "teacherParties",
                teachers,
                "parentParties",
                parents,
                "otherAdultParties",
                others);
    }

    @Test
    void the_pupils_reached_are_the_counts_of_the_latest_recording_of_the_year() {
        assertThat(report().get("reach.students")).isEqualTo(0L);
        UUID activity = UUID.randomUUID();
        fact(
                EventTypes.ATTENDANCE_RECORDED,
                "2026-10-01T00:00:00Z",
                activity,
                "schoolYear",
                "2026-2027",
                "studentsReachedInSchoolYear",
                "10",
                "peopleReachedInSchoolYear",
                "12");
        // a correction later in the year lowers it
        fact(
                EventTypes.ATTENDANCE_RECORDED,
                "2026-11-01T00:00:00Z",
                activity,
                "schoolYear",
                "2026-2027",
                "studentsReachedInSchoolYear",
                "9",
                "peopleReachedInSchoolYear",
                "11");
        // a late recording of last year's activity is last year's number
        fact(
                EventTypes.ATTENDANCE_RECORDED,
                "2026-12-01T00:00:00Z",
                UUID.randomUUID(),
                "schoolYear",
                "2025-2026",
                "studentsReachedInSchoolYear",
                "50",
                "peopleReachedInSchoolYear",
                "60");
        // a recording without the counts (an older producer) says nothing about reach
        fact(EventTypes.ATTENDANCE_RECORDED, "2026-12-02T00:00:00Z", activity, "presentCount", "3");

        List<Fact> shuffled = new ArrayList<>(facts);
        Collections.shuffle(shuffled, new Random(3));
        SchoolReport report = AnnualReport.of("school-1", YEAR, shuffled);
        assertThat(report.get("reach.students")).isEqualTo(9L);
        assertThat(report.get("reach.people")).isEqualTo(11L);
    }

    @Test
    void the_pupils_reached_follow_the_schools_start_month() {
        fact(EventTypes.SCHOOL_REGISTERED, "2026-01-01T00:00:00Z", null, "timeZone", "Asia/Almaty");
        fact(
                EventTypes.ATTENDANCE_RECORDED,
                "2026-10-01T00:00:00Z",
                UUID.randomUUID(),
                "schoolYear",
                "2026-2027",
                "studentsReachedInSchoolYear",
                "10",
                "peopleReachedInSchoolYear",
                "12");
        // September, training-service's year too: its counts are the school year's
        assertThat(report().get("reach.students")).isEqualTo(10L);
        // the school's year now runs from January: training-service's September-to-August counts are of another
        // period, and no count of distinct people over January to December exists
        fact(EventTypes.SCHOOL_UPDATED, "2026-02-01T00:00:00Z", null, "timeZone", "Asia/Almaty", "yearStartMonth", "1");
        SchoolReport report = report();
        assertThat(report.indicators()).containsEntry("reach.students", null).containsEntry("reach.people", null);
        // and back to September
        fact(EventTypes.SCHOOL_UPDATED, "2026-03-01T00:00:00Z", null, "timeZone", "Asia/Almaty", "yearStartMonth", "9");
        assertThat(report().get("reach.people")).isEqualTo(12L);
    }

    @Test
    void the_order_of_arrival_changes_nothing() {
        UUID item = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        fact(
                EventTypes.PLAN_ITEM_STATUS_CHANGED,
                "2026-10-01T00:00:00Z",
                item,
                "schoolYear",
                "2026-2027",
                "status",
                "PARTLY_DONE",
                "completionPercentage",
                "25");
        fact(
                EventTypes.PLAN_ITEM_STATUS_CHANGED,
                "2026-11-01T00:00:00Z",
                item,
                "schoolYear",
                "2026-2027",
                "status",
                "DONE",
                "completionPercentage",
                "50");
        fact(
                EventTypes.REQUEST_SUBMITTED,
                "2026-10-01T00:00:00Z",
                caseId,
                "kind",
                "MEDIATION",
                "channel",
                "ONLINE_FORM",
                "urgency",
                "LOW");
        fact(
                EventTypes.REQUEST_TRIAGED,
                "2026-10-02T00:00:00Z",
                caseId,
                "decision",
                "ACCEPT_FOR_PEER_MEDIATION",
                "mediatedBy",
                "PEER_MEDIATORS");
        fact(EventTypes.REQUEST_ESCALATED, "2026-10-03T00:00:00Z", caseId);
        fact(EventTypes.FOLLOW_UP_RECORDED, "2026-10-20T00:00:00Z", caseId, "result", "NOT_KEPT");
        fact(EventTypes.FOLLOW_UP_RECORDED, "2026-11-20T00:00:00Z", caseId, "result", "KEPT");
        SchoolReport inOrder = report();

        Random random = new Random(1);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(facts, random);
            assertThat(report().indicators()).isEqualTo(inOrder.indicators());
        }
        assertThat(inOrder.get("plan.items.DONE")).isEqualTo(1L);
        // computed from the items the events describe (the one item is done), not taken from the producer's figure
        assertThat(inOrder.get("plan.completionPercentage")).isEqualTo(100L);
        assertThat(inOrder.get("cases.mediatedBy.ADULTS")).isEqualTo(1L);
        assertThat(inOrder.get("cases.followUps.KEPT")).isEqualTo(1L);
        assertThat(inOrder.get("cases.followUps.recorded")).isEqualTo(1L);
    }

    @Test
    void a_completed_activity_counts_with_its_latest_attendance_and_a_cancelled_one_does_not() {
        UUID lesson = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        fact(
                EventTypes.ACTIVITY_COMPLETED,
                "2026-10-01T10:00:00Z",
                lesson,
                "activityType",
                "PARENT_SESSION",
                "startsAt",
                "2026-10-01T09:00:00Z",
                "participantCount",
                "10");
        fact(
                EventTypes.ATTENDANCE_RECORDED,
                "2026-10-02T10:00:00Z",
                lesson,
                "activityType",
                "PARENT_SESSION",
                "presentCount",
                "14");
        fact(
                EventTypes.ACTIVITY_COMPLETED,
                "2026-10-01T10:00:00Z",
                cancelled,
                "activityType",
                "PARENT_SESSION",
                "startsAt",
                "2026-10-01T09:00:00Z",
                "participantCount",
                "10");
        fact(EventTypes.ACTIVITY_CANCELLED, "2026-10-03T10:00:00Z", cancelled, "activityType", "PARENT_SESSION");
        // held in the last school year, completed in this one: counted where it was held
        fact(
                EventTypes.ACTIVITY_COMPLETED,
                "2026-09-02T10:00:00Z",
                UUID.randomUUID(),
                "activityType",
                "PARENT_SESSION",
                "startsAt",
                "2026-08-20T09:00:00Z",
                "participantCount",
                "3");

        SchoolReport report = report();
        assertThat(report.get("activities.PARENT_SESSION.held")).isEqualTo(1L);
        assertThat(report.get("activities.PARENT_SESSION.participants")).isEqualTo(14L);
    }

    @Test
    void medians_of_time_to_first_answer_and_to_agreement() {
        UUID t1 = UUID.randomUUID();
        UUID t2 = UUID.randomUUID();
        UUID t3 = UUID.randomUUID();
        fact(EventTypes.TRUST_BOX_MESSAGE_RECEIVED, "2026-10-01T00:00:00Z", t1, "firstMessage", "true");
        fact(EventTypes.TRUST_BOX_MESSAGE_ANSWERED, "2026-10-01T01:00:00Z", t1);
        fact(EventTypes.TRUST_BOX_MESSAGE_ANSWERED, "2026-10-01T09:00:00Z", t1);
        fact(EventTypes.TRUST_BOX_MESSAGE_RECEIVED, "2026-10-01T00:00:00Z", t2, "firstMessage", "true");
        fact(EventTypes.TRUST_BOX_MESSAGE_ANSWERED, "2026-10-01T05:00:00Z", t2);
        fact(EventTypes.TRUST_BOX_MESSAGE_RECEIVED, "2026-10-01T00:00:00Z", t3, "firstMessage", "true");
        fact(EventTypes.TRUST_BOX_MESSAGE_ANSWERED, "2026-10-01T12:00:00Z", t3);
        UUID caseId = UUID.randomUUID();
        fact(
                EventTypes.REQUEST_SUBMITTED,
                "2026-05-01T00:00:00Z",
                caseId,
                "kind",
                "MEDIATION",
                "channel",
                "ONLINE_FORM",
                "urgency",
                "LOW");
        fact(EventTypes.AGREEMENT_SIGNED, "2026-09-10T12:00:00Z", caseId);

        SchoolReport report = report();
        assertThat(report.get("trustBox.medianHoursToFirstAnswer")).isEqualTo(5.0);
        assertThat(report.get("trustBox.threadsAnswered")).isEqualTo(3L);
        // requested last year, agreed this year: counted as this year's agreement, 132.5 days after the request
        assertThat(report.get("cases.requested")).isEqualTo(0L);
        assertThat(report.get("cases.medianDaysToAgreement")).isEqualTo(132.5);
    }

    @Test
    void members_are_counted_by_the_school_year_the_event_names() {
        fact(EventTypes.ROSTER_RENEWED, "2026-08-25T00:00:00Z", null, "schoolYear", "2026-2027", "continuing", "6");
        fact(EventTypes.MEMBER_ADMITTED, "2026-08-26T00:00:00Z", null, "schoolYear", "2026-2027", "status", "TRAINEE");
        fact(EventTypes.MEMBER_GRADUATED, "2026-06-26T00:00:00Z", null, "schoolYear", "2025-2026", "status", "ALUMNI");
        fact(EventTypes.MEMBER_LEFT, "2026-12-26T00:00:00Z", null, "schoolYear", "2026-2027", "status", "LEFT");

        SchoolReport report = report();
        assertThat(report.get("youngMediators.admitted")).isEqualTo(1L);
        assertThat(report.get("youngMediators.graduated")).isEqualTo(0L);
        assertThat(report.get("youngMediators.activeEstimate")).isEqualTo(6L);
    }

    @Test
    void school_years_are_two_consecutive_years() {
        assertThat(SchoolYear.parse("2026-2027")).contains(new SchoolYear(2026));
        assertThat(SchoolYear.parse("2026-2028")).isEmpty();
        assertThat(SchoolYear.parse("2026/2027")).isEmpty();
        assertThat(SchoolYear.parse(null)).isEmpty();
    }
}
