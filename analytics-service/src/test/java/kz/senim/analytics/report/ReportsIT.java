package kz.senim.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import kz.senim.analytics.Events;
import kz.senim.analytics.SchoolEvents;
import kz.senim.analytics.Store;
import kz.senim.analytics.report.domain.Indicators;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every indicator of a school's year from a hand-made event sequence with a known answer, sent through the real
 * topics in a shuffled order, with every record delivered twice, an unknown type and an unknown field among them.
 */
@SenimIntegrationTest
class ReportsIT {

    @LocalServerPort
    int port;

    @Autowired
    Store store;

    @Test
    void a_school_year_counts_each_event_once_whatever_the_order_and_redelivery() {
        String school = SchoolEvents.newSchool("report");
        SchoolEvents events = new SchoolEvents(school).registered("Asia/Almaty", "2026-08-20T04:00:00Z");
        UUID item1 = UUID.randomUUID();
        UUID item2 = UUID.randomUUID();
        UUID item3 = UUID.randomUUID();
        // item 3 was added and never changed: only plan-item-created tells of it
        events.planItemCreated(item1, "2026-2027", "PLANNED", 0, "2026-09-15T10:00:00Z")
                .planItemCreated(item3, "2026-2027", "PLANNED", 33, "2026-12-01T10:00:00Z");
        events.planItem(item1, "2026-2027", "PLANNED", "DONE", 50, "2026-10-30T10:00:00Z")
                .planItem(item2, "2026-2027", "PLANNED", "PARTLY_DONE", 75, "2026-11-30T10:00:00Z")
                .planItem(UUID.randomUUID(), "2025-2026", "PLANNED", "DONE", 100, "2026-05-30T10:00:00Z");
        events.member("admitted", "user-a-" + school, "2026-2027", "TRAINEE", "2026-09-10T05:00:00Z")
                .member("admitted", "user-b-" + school, "2026-2027", "TRAINEE", "2026-09-11T05:00:00Z")
                .member("certified", "user-a-" + school, "2026-2027", "CERTIFIED", "2027-02-01T05:00:00Z")
                .member("left", "user-b-" + school, "2026-2027", "LEFT", "2027-03-01T05:00:00Z");
        UUID training = UUID.randomUUID();
        UUID peerLesson = UUID.randomUUID();
        // the latest recording of the year has the year's distinct students and people; last year's is another's
        events.attendance(training, "TRAINING", "2026-10-05T10:00:00Z", 12, "2026-2027", 11, 13)
                .attendance(UUID.randomUUID(), "TRAINING", "2026-05-05T10:00:00Z", 40, "2025-2026", 40, 45);
        events.activityCompleted(training, "TRAINING", "2026-10-05T09:00:00Z", 12, 12)
                .activityCompleted(peerLesson, "PEER_LESSON", "2026-10-06T09:00:00Z", 2, 30)
                .add(
                        "kz.senim.training.attendance-recorded.v1",
                        peerLesson,
                        "2026-10-07T09:00:00Z",
                        "\"activityId\":\"" + peerLesson + "\",\"activityType\":\"PEER_LESSON\",\"presentCount\":5,"
                                + "\"absentCount\":0,\"excusedCount\":0,\"headCount\":28,\"schoolYear\":\"2026-2027\","
                                + "\"studentsReachedInSchoolYear\":14,\"peopleReachedInSchoolYear\":16");
        for (String kind : List.of("MEMO", "POSTER")) {
            UUID material = UUID.randomUUID();
            events.add(
                    "kz.senim.training.material-published.v1",
                    material,
                    "2026-11-02T06:00:00Z",
                    "\"materialId\":\"" + material + "\",\"kind\":\"" + kind + "\",\"language\":\"kk\","
                            + "\"audienceGroups\":[\"STUDENTS\"],\"gradeFrom\":null,\"gradeTo\":null,\"hasFile\":false,\"hasLink\":true");
        }
        UUID thread1 = UUID.randomUUID();
        UUID thread2 = UUID.randomUUID();
        UUID c1 = UUID.randomUUID();
        UUID c2 = UUID.randomUUID();
        UUID c3 = UUID.randomUUID();
        events.trustBoxMessage(thread1, "2026-11-10T10:00:00Z", true)
                .trustBoxAnswer(thread1, "2026-11-10T13:00:00Z")
                .trustBoxMessage(thread1, "2026-11-11T10:00:00Z", false)
                .trustBoxMessage(thread2, "2026-11-12T10:00:00Z", true)
                .trustBoxAnswer(thread2, "2026-11-12T11:00:00Z")
                .safetyConcern(thread2, "2026-11-12T12:00:00Z")
                .safetyConcern(thread2, "2026-11-12T12:30:00Z")
                .add(
                        "kz.senim.cases.trust-box-case-opened.v1",
                        thread1,
                        "2026-11-13T10:00:00Z",
                        "\"threadId\":\"" + thread1 + "\",\"caseId\":\"" + c3 + "\"");
        events.request(c1, "2026-10-01T06:00:00Z", "ONLINE_FORM", "NORMAL")
                .triaged(c1, "2026-10-02T06:00:00Z", "ACCEPT_FOR_PEER_MEDIATION", "PEER_MEDIATORS")
                .agreement(c1, "2026-10-05T06:00:00Z")
                .followUp(c1, "2026-10-20T06:00:00Z", "KEPT")
                .closed(c1, "2026-10-20T06:00:01Z", "CLOSED", "AGREEMENT_KEPT", "submitter-" + school)
                .request(c2, "2026-10-10T06:00:00Z", "IN_PERSON", "HIGH", 1, 1, 0, 0)
                .triaged(c2, "2026-10-10T08:00:00Z", "ACCEPT_FOR_COORDINATOR_MEDIATION", "COORDINATORS")
                .agreement(c2, "2026-10-12T06:00:00Z")
                .followUp(c2, "2026-10-27T06:00:00Z", "PARTLY_KEPT")
                .triaged(c3, "2026-11-14T06:00:00Z", "ACCEPT_FOR_PEER_MEDIATION", "PEER_MEDIATORS")
                .escalated(c3, "2026-11-15T06:00:00Z")
                .add(
                        "kz.senim.cases.party-withdrew.v1",
                        c3,
                        "2026-11-16T06:00:00Z",
                        "\"caseId\":\"" + c3 + "\",\"fromStatus\":\"IN_MEDIATION\"")
                .closed(c3, "2026-11-16T06:00:01Z", "WITHDRAWN", "WITHDRAWN", null)
                // last school year: not in this report
                .request(UUID.randomUUID(), "2026-05-01T06:00:00Z", "ONLINE_FORM", "LOW");
        // c3 from the trust box, sent by a newer producer with a field this service does not know
        events.records.add(Events.unchecked(
                "kz.senim.cases.request-submitted.v1",
                c3.toString(),
                school,
                "2026-11-13T10:00:00Z",
                "\"caseId\":\"" + c3 + "\",\"kind\":\"MEDIATION\",\"channel\":\"TRUST_BOX\",\"urgency\":\"LOW\","
                        + "\"partyCount\":0,\"adultParty\":false,\"priorityScore\":3"));
        events.records.add(Events.unchecked(
                "kz.senim.cases.something-new.v1",
                c1.toString(),
                school,
                "2026-10-03T06:00:00Z",
                "\"caseId\":\"" + c1 + "\""));
        for (String kind : List.of("QUESTION", "CONSULTATION")) {
            UUID consultation = UUID.randomUUID();
            boolean peer = kind.equals("CONSULTATION");
            events.add(
                            "kz.senim.cases.consultation-requested.v1",
                            consultation,
                            "2026-12-01T06:00:00Z",
                            "\"consultationId\":\"" + consultation + "\",\"kind\":\"" + kind + "\"")
                    .add(
                            "kz.senim.cases.consultation-answered.v1",
                            consultation,
                            "2026-12-02T06:00:00Z",
                            "\"consultationId\":\"" + consultation + "\",\"kind\":\"" + kind + "\",\"inMeeting\":"
                                    + peer + ",\"peerAdvice\":" + peer + ",\"askerId\":\"asker-" + school + "\"");
        }

        List<Events.Record> shuffled = new ArrayList<>(events.records);
        shuffled.addAll(events.records); // every record delivered twice
        Collections.shuffle(shuffled, new Random(14));
        Events.send(shuffled);

        Map<String, String> expected = expected(Map.ofEntries(
                Map.entry("plan.items.DONE", "1"),
                Map.entry("plan.items.PARTLY_DONE", "1"),
                Map.entry("plan.items.PLANNED", "1"),
                Map.entry("plan.items.total", "3"),
                Map.entry("plan.completionPercentage", "50"),
                Map.entry("youngMediators.admitted", "2"),
                Map.entry("youngMediators.certified", "1"),
                Map.entry("youngMediators.left", "1"),
                Map.entry("youngMediators.activeEstimate", "1"),
                Map.entry("activities.TRAINING.held", "1"),
                Map.entry("activities.TRAINING.participants", "12"),
                Map.entry("activities.PEER_LESSON.held", "1"),
                Map.entry("activities.PEER_LESSON.participants", "33"),
                Map.entry("reach.students", "14"),
                Map.entry("reach.people", "16"),
                Map.entry("information.materialsPublished.MEMO", "1"),
                Map.entry("information.materialsPublished.POSTER", "1"),
                Map.entry("information.materialsPublished.total", "2"),
                Map.entry("trustBox.messagesReceived", "3"),
                Map.entry("trustBox.threadsStarted", "2"),
                Map.entry("trustBox.threadsAnswered", "2"),
                Map.entry("trustBox.medianHoursToFirstAnswer", "2.0"),
                Map.entry("trustBox.safetyConcernsFlagged", "1"),
                Map.entry("trustBox.casesOpened", "1"),
                Map.entry("cases.requested", "3"),
                Map.entry("cases.byKind.MEDIATION", "3"),
                Map.entry("cases.byChannel.ONLINE_FORM", "1"),
                Map.entry("cases.byChannel.IN_PERSON", "1"),
                Map.entry("cases.byChannel.TRUST_BOX", "1"),
                Map.entry("cases.byUrgency.LOW", "1"),
                Map.entry("cases.byUrgency.NORMAL", "1"),
                Map.entry("cases.byUrgency.HIGH", "1"),
                Map.entry("cases.byParties.STUDENTS_ONLY", "1"),
                Map.entry("cases.byParties.WITH_TEACHER", "1"),
                Map.entry("cases.byParties.NOT_KNOWN", "1"),
                Map.entry("cases.accepted", "3"),
                Map.entry("cases.mediatedBy.PEER", "1"),
                Map.entry("cases.mediatedBy.ADULTS", "2"),
                Map.entry("cases.escalated", "1"),
                Map.entry("cases.agreementsReached", "2"),
                Map.entry("cases.medianDaysToAgreement", "3.0"),
                Map.entry("cases.closed", "2"),
                Map.entry("cases.closedBy.AGREEMENT_KEPT", "1"),
                Map.entry("cases.closedBy.WITHDRAWN", "1"),
                Map.entry("cases.followUps.recorded", "2"),
                Map.entry("cases.followUps.KEPT", "1"),
                Map.entry("cases.followUps.PARTLY_KEPT", "1"),
                Map.entry("consultations.requested", "2"),
                Map.entry("consultations.byKind.CONSULTATION", "1"),
                Map.entry("consultations.byKind.QUESTION", "1"),
                Map.entry("consultations.answered", "2"),
                Map.entry("consultations.answeredAsPeerAdvice", "1"),
                Map.entry("consultations.answeredInMeeting", "1")));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(Store.report(port, school, "2026-2027", Store.DISTRICT_ADMIN))
                        .containsExactlyEntriesOf(expected));
        store.awaitCaughtUp(); // the second copies have been read too
        assertThat(Store.report(port, school, "2026-2027", Store.DISTRICT_ADMIN))
                .containsExactlyEntriesOf(expected);

        String metrics = ServiceApi.at(port).get("/actuator/prometheus").send().body();
        assertThat(metrics)
                .containsPattern("senim_analytics_events_total\\{[^}]*outcome=\"unknown-type\"[^}]*} [1-9]")
                .containsPattern(
                        "senim_analytics_unknown_fields_total\\{[^}]*type=\"kz.senim.cases.request-submitted.v1\"[^}]*} [1-9]");
    }

    @Test
    void the_district_view_follows_each_new_event_of_a_school() {
        String school = SchoolEvents.newSchool("district-follows");
        SchoolEvents first = new SchoolEvents(school)
                .registered("Asia/Almaty", "2026-08-20T04:00:00Z")
                .activityCompleted(UUID.randomUUID(), "SIMULATION", "2026-10-05T09:00:00Z", 7, 7);
        Events.send(first.records);
        store.awaitCaughtUp();
        assertThat(district(school, "activities.SIMULATION.held")).isEqualTo("1");
        assertThat(district(school, "activities.SIMULATION.held"))
                .as("asked again, nothing changed")
                .isEqualTo("1");

        SchoolEvents more = new SchoolEvents(school)
                .activityCompleted(UUID.randomUUID(), "SIMULATION", "2026-11-05T09:00:00Z", 9, 9);
        Events.send(more.records);
        store.awaitCaughtUp();
        assertThat(district(school, "activities.SIMULATION.held")).isEqualTo("2");
        assertThat(district(school, "activities.SIMULATION.participants")).isEqualTo("16");
    }

    /** The school's value of an indicator in the district view of 2026-2027. */
    private String district(String school, String key) {
        ServiceApi.Answer answer = ServiceApi.at(port)
                .get("/api/reports/district/years/2026-2027")
                .auth(Store.DISTRICT_ADMIN)
                .send();
        assertThat(answer.status()).isEqualTo(200);
        for (var row : answer.json().get("indicators")) {
            if (row.get("key").asString().equals(key)) {
                return row.get("schools").get(school).asString();
            }
        }
        throw new AssertionError("no row " + key);
    }

    /** Every indicator: the given values, zero for every other count, empty for a median or share without data. */
    static Map<String, String> expected(Map<String, String> given) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String key : Indicators.keys()) {
            boolean noData = Indicators.MEDIANS.contains(key) || Indicators.NOT_ADDITIVE.contains(key);
            all.put(key, given.getOrDefault(key, noData ? "" : "0"));
        }
        return all;
    }
}
