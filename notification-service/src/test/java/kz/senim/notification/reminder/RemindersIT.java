package kz.senim.notification.reminder;

import static kz.senim.notification.Events.CASES;
import static kz.senim.notification.Events.MEMBERSHIP;
import static kz.senim.notification.Events.TRAINING;
import static kz.senim.notification.Events.personRegistered;
import static kz.senim.notification.Events.publish;
import static kz.senim.notification.TestRecipients.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import kz.senim.notification.Mailbox;
import kz.senim.notification.NotificationServiceApplication;
import kz.senim.notification.TestRecipients;
import kz.senim.notification.people.PersonRepository;
import kz.senim.test.Infrastructure;
import kz.senim.test.SenimIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reminders before sessions and activities, with a second instance of the service running on the
 * same database: each reminder fires once, each mail arrives once.
 */
@SenimIntegrationTest
@Import(TestRecipients.class)
class RemindersIT {

    static ConfigurableApplicationContext secondInstance;

    @Autowired
    JdbcConnectionDetails database;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PersonRepository people;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aSecondInstanceOnTheSameDatabase() {
        if (secondInstance == null) {
            secondInstance = new SpringApplicationBuilder(NotificationServiceApplication.class, TestRecipients.class)
                    // Command-line arguments: they win over application.yml, as the environment would in production.
                    .run(
                            "--server.port=0",
                            "--spring.datasource.url=" + database.getJdbcUrl(),
                            "--spring.datasource.username=" + database.getUsername(),
                            "--spring.datasource.password=" + database.getPassword(),
                            "--spring.kafka.bootstrap-servers="
                                    + Infrastructure.kafka().bootstrapServers(),
                            "--spring.kafka.consumer.group-id=second-instance-" + UUID.randomUUID(),
                            "--spring.mail.host=" + Infrastructure.smtp().host(),
                            "--spring.mail.port=" + Infrastructure.smtp().port());
        }
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
            secondInstance = null;
        }
    }

    @Test
    void a_reminder_fires_once_an_hour_before_even_with_two_instances() {
        String school = "rem-" + UUID.randomUUID().toString().substring(0, 8);
        String mediator = "mediator-" + UUID.randomUUID();
        String registered = "student-" + UUID.randomUUID();
        String waitlisted = "student-" + UUID.randomUUID();
        String facilitator = "coach-" + UUID.randomUUID();
        String party = "party-" + UUID.randomUUID();
        publish(
                MEMBERSHIP,
                "kz.senim.membership.person-registered.v1",
                mediator,
                school,
                personRegistered(mediator, "student", 9, "ru"));
        await().atMost(Duration.ofSeconds(30)).until(() -> people.find(mediator).isPresent());
        double firedBefore = fired(meters) + fired(secondInstance.getBean(MeterRegistry.class));

        // Both start an hour and a few seconds from now: the 1 h reminder is due in seconds, the 24 h one has passed.
        Instant startsAt =
                Instant.now().plus(Duration.ofHours(1)).plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        UUID caseId = UUID.randomUUID();
        UUID activityId = UUID.randomUUID();
        publish(CASES, "kz.senim.cases.mediator-assigned.v1", caseId.toString(), school, """
                "caseId":"%s","mediatorId":"%s","mediatorKind":"PEER","status":"MEDIATORS_ASSIGNED\"""".formatted(
                        caseId, mediator));
        publish(CASES, "kz.senim.cases.session-scheduled.v1", caseId.toString(), school, """
                "caseId":"%s","sessionId":"%s","sessionKind":"INDIVIDUAL","startsAt":"%s","participantCount":1,
                "participantUserIds":["%s"],"mediatorIds":["%s"]""".formatted(
                        caseId, UUID.randomUUID(), startsAt, party, mediator));
        publish(TRAINING, "kz.senim.training.activity-scheduled.v1", activityId.toString(), school, """
                "activityId":"%s","seriesId":"%s","activityType":"TRAINING","startsAt":"%s",
                "endsAt":"%s","timeZone":"Asia/Almaty","language":"ru","capacity":1,
                "audienceGroups":["MEDIATORS"],"gradeFrom":null,"gradeTo":null,"facilitatorIds":["%s"],"modules":[]""".formatted(
                        activityId, UUID.randomUUID(), startsAt, startsAt.plusSeconds(3600), facilitator));
        publish(TRAINING, "kz.senim.training.registration-changed.v1", activityId.toString(), school, """
                "activityId":"%s","activityType":"TRAINING","userId":"%s","status":"REGISTERED","promotedFromWaitlist":false""".formatted(
                        activityId, registered));
        publish(TRAINING, "kz.senim.training.registration-changed.v1", activityId.toString(), school, """
                "activityId":"%s","activityType":"TRAINING","userId":"%s","status":"WAITLISTED","promotedFromWaitlist":false""".formatted(
                        activityId, waitlisted));

        await().atMost(Duration.ofSeconds(40))
                .until(() -> jdbc.sql("select count(*) from reminder where school_id = :school and status = 'SENT'")
                                .param("school", school)
                                .query(Long.class)
                                .single()
                        == 2);
        for (String told : new String[] {mediator, registered, facilitator, party}) {
            Mailbox.awaitOne(address(told));
        }
        // Long enough for a second reminder, if there were one.
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                fired(meters) + fired(secondInstance.getBean(MeterRegistry.class)) - firedBefore)
                        .isEqualTo(2));
        // The mediator also heard of the assignment and the session; the reminder came once.
        assertThat(Mailbox.to(address(mediator)))
                .extracting(Mailbox::subject)
                .containsOnlyOnce("Напоминание: скоро встреча")
                .hasSize(3);
        // Neither they nor their school are known here yet: Kazakh, the last resort.
        assertThat(Mailbox.to(address(registered)))
                .extracting(Mailbox::subject)
                .containsExactly("Еске салу: жақында сабақ");
        assertThat(Mailbox.to(address(facilitator)))
                .extracting(Mailbox::subject)
                .containsOnlyOnce("Еске салу: жақында сабақ")
                .hasSize(2);
        // The party taking part heard of the session and is reminded once, like the mediator.
        assertThat(Mailbox.to(address(party)))
                .extracting(Mailbox::subject)
                .containsExactlyInAnyOrder("Кездесу белгіленді", "Еске салу: жақында кездесу");
        assertThat(Mailbox.to(address(waitlisted))).isEmpty();
        assertThat(jdbc.sql("""
                        select count(*) from reminder where school_id = :school and lead_seconds = 86400
                        """).param("school", school).query(Long.class).single())
                .isZero();
    }

    @Test
    void a_cancelled_session_sends_no_reminder() {
        String school = "rem-" + UUID.randomUUID().toString().substring(0, 8);
        UUID caseId = UUID.randomUUID();
        UUID sessionId = UUID.randomUUID();
        Instant startsAt = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        publish(CASES, "kz.senim.cases.session-scheduled.v1", caseId.toString(), school, """
                "caseId":"%s","sessionId":"%s","sessionKind":"JOINT","startsAt":"%s","participantCount":2,
                "participantUserIds":[],"mediatorIds":[]""".formatted(
                        caseId, sessionId, startsAt));
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(school) == 2);

        publish(CASES, "kz.senim.cases.session-cancelled.v1", caseId.toString(), school, """
                "caseId":"%s","sessionId":"%s","participantUserIds":[],"mediatorIds":[]""".formatted(
                        caseId, sessionId));

        await().atMost(Duration.ofSeconds(30)).until(() -> pending(school) == 0);
        assertThat(jdbc.sql("select count(*) from reminder where school_id = :school and status = 'CANCELLED'")
                        .param("school", school)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void a_case_that_ended_reminds_nobody_of_its_sessions() {
        String school = "rem-" + UUID.randomUUID().toString().substring(0, 8);
        UUID caseId = UUID.randomUUID();
        UUID otherCase = UUID.randomUUID();
        Instant startsAt = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        for (UUID aCase : java.util.List.of(caseId, caseId, otherCase)) {
            publish(CASES, "kz.senim.cases.session-scheduled.v1", aCase.toString(), school, """
                    "caseId":"%s","sessionId":"%s","sessionKind":"JOINT","startsAt":"%s","participantCount":2,
                    "participantUserIds":[],"mediatorIds":[]""".formatted(
                            aCase, UUID.randomUUID(), startsAt));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(school) == 6);

        // The case ends (a party withdrew): even without each session's cancellation, no reminder stays.
        publish(CASES, "kz.senim.cases.case-closed.v1", caseId.toString(), school, """
                "caseId":"%s","status":"WITHDRAWN","outcome":"WITHDRAWN","submitterId":null""".formatted(caseId));

        await().atMost(Duration.ofSeconds(30)).until(() -> pending(school) == 2);
        assertThat(jdbc.sql("""
                                select count(*) from reminder
                                where school_id = :school and case_id = :case and status = 'PENDING'
                                """)
                        .param("school", school)
                        .param("case", otherCase)
                        .query(Long.class)
                        .single())
                .as("the other case's reminders stay")
                .isEqualTo(2);
    }

    private long pending(String school) {
        return jdbc.sql("select count(*) from reminder where school_id = :school and status = 'PENDING'")
                .param("school", school)
                .query(Long.class)
                .single();
    }

    private static double fired(MeterRegistry registry) {
        return registry.get("senim.reminders.fired").counter().count();
    }
}
