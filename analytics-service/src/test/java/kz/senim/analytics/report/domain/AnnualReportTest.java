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
        assertThat(inOrder.get("plan.completionPercentage")).isEqualTo(50L);
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
