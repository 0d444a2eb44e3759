package kz.senim.analytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import kz.senim.analytics.Events;
import kz.senim.analytics.SchoolEvents;
import kz.senim.analytics.Store;
import kz.senim.test.SenimIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Events carry user ids (members, submitters, askers, participants); none of them reaches the analytics tables. */
@SenimIntegrationTest
class NoPersonalDataIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Store store;

    @Test
    void no_user_id_of_any_event_is_stored_anywhere() {
        String school = SchoolEvents.newSchool("privacy");
        String member = "member-" + UUID.randomUUID();
        String submitter = "submitter-" + UUID.randomUUID();
        String asker = "asker-" + UUID.randomUUID();
        String guardian = "guardian-" + UUID.randomUUID();
        String participant = "participant-" + UUID.randomUUID();
        String mediator = "mediator-" + UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        UUID consultation = UUID.randomUUID();
        UUID activity = UUID.randomUUID();
        SchoolEvents events = new SchoolEvents(school)
                .registered("Asia/Almaty", "2026-09-01T00:00:00Z")
                .member("admitted", member, "2026-2027", "TRAINEE", "2026-09-02T00:00:00Z")
                .add(
                        "kz.senim.training.trainee-qualified.v1",
                        null,
                        "2026-12-01T00:00:00Z",
                        "\"userId\":\"" + member
                                + "\",\"schoolYear\":\"2026-2027\",\"modulesCompleted\":5,\"simulationsAttended\":2")
                .add(
                        "kz.senim.membership.person-registered.v1",
                        null,
                        "2026-09-01T00:00:00Z",
                        "\"userId\":\"" + guardian + "\",\"role\":\"parent\",\"grade\":null,\"classLetter\":null,"
                                + "\"guardianOf\":[\"" + member + "\"],\"language\":\"kk\"")
                .request(caseId, "2026-10-01T00:00:00Z", "ONLINE_FORM", "LOW")
                .add(
                        "kz.senim.cases.mediator-assigned.v1",
                        caseId,
                        "2026-10-02T00:00:00Z",
                        "\"caseId\":\"" + caseId + "\",\"mediatorId\":\"" + mediator
                                + "\",\"mediatorKind\":\"PEER\",\"status\":\"MEDIATORS_ASSIGNED\"")
                .add(
                        "kz.senim.cases.session-scheduled.v1",
                        caseId,
                        "2026-10-03T00:00:00Z",
                        "\"caseId\":\"" + caseId + "\",\"sessionId\":\"" + UUID.randomUUID()
                                + "\",\"sessionKind\":\"JOINT\",\"startsAt\":\"2026-10-04T05:00:00Z\",\"participantCount\":2,"
                                + "\"participantUserIds\":[\"" + participant + "\"],\"mediatorIds\":[\"" + mediator
                                + "\"]")
                .closed(caseId, "2026-10-05T00:00:00Z", "CLOSED", "NO_AGREEMENT", submitter)
                .add(
                        "kz.senim.cases.consultation-answered.v1",
                        consultation,
                        "2026-10-06T00:00:00Z",
                        "\"consultationId\":\"" + consultation + "\",\"kind\":\"QUESTION\",\"inMeeting\":false,"
                                + "\"peerAdvice\":false,\"askerId\":\"" + asker + "\"")
                .add(
                        "kz.senim.training.registration-changed.v1",
                        activity,
                        "2026-10-07T00:00:00Z",
                        "\"activityId\":\"" + activity + "\",\"activityType\":\"TRAINING\",\"userId\":\"" + participant
                                + "\",\"status\":\"REGISTERED\",\"promotedFromWaitlist\":false");
        Events.send(events.records);
        store.awaitCaughtUp();
        assertThat(jdbc.sql("select count(*) from fact where school_id = ?")
                        .param(school)
                        .query(Long.class)
                        .single())
                .as("the facts of the school were stored")
                .isGreaterThanOrEqualTo(5);

        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class)
                .list();
        StringBuilder everything = new StringBuilder();
        for (String table : tables) {
            jdbc.sql("select t::text from \"" + table + "\" t")
                    .query(String.class)
                    .list()
                    .forEach(row -> everything.append(row).append('\n'));
        }
        assertThat(everything.toString())
                .contains(school)
                .doesNotContain(member, submitter, asker, guardian, participant, mediator);
    }
}
