package kz.senim.notification.mapping;

import static kz.senim.notification.Events.CASES;
import static kz.senim.notification.Events.MEMBERSHIP;
import static kz.senim.notification.Events.TRAINING;
import static kz.senim.notification.Events.personRegistered;
import static kz.senim.notification.Events.publish;
import static kz.senim.notification.TestRecipients.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.senim.notification.Events;
import kz.senim.notification.Mailbox;
import kz.senim.notification.TestRecipients;
import kz.senim.notification.delivery.NotificationRepository;
import kz.senim.notification.people.PersonRepository;
import kz.senim.notification.school.SchoolSettingsRepository;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Events of case-, membership- and training-service, from the real topics, become e-mails in the
 * recipient's language for the right people, and nothing confidential reaches a mail.
 */
@SenimIntegrationTest
@Import(TestRecipients.class)
class EventNotificationsIT {

    @Autowired
    PersonRepository people;

    @Autowired
    SchoolSettingsRepository schools;

    @Autowired
    NotificationRepository notifications;

    String school;
    String coordinatorKk;
    String coordinatorEn;
    String student5;
    String student9;
    String teacher;
    String parentOf5;

    /** A school speaking Russian by default, with two coordinators, students, a teacher and a parent. */
    @BeforeEach
    void aSchoolWithItsPeople() {
        school = "school-" + UUID.randomUUID().toString().substring(0, 8);
        coordinatorKk = user("coord-kk");
        coordinatorEn = user("coord-en");
        student5 = user("student5");
        student9 = user("student9");
        teacher = user("teacher");
        parentOf5 = user("parent");
        publish(MEMBERSHIP, "kz.senim.membership.school-registered.v1", school, school, Events.schoolRegistered("ru"));
        person(coordinatorKk, "coordinator", null, "kk");
        person(coordinatorEn, "coordinator", null, "en");
        person(student5, "student", 5, "ru");
        person(student9, "student", 9, "kk");
        person(teacher, "teacher", null, "ru");
        publish(
                MEMBERSHIP,
                "kz.senim.membership.person-registered.v1",
                parentOf5,
                school,
                personRegistered(parentOf5, "parent", null, "en", student5));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> people.find(parentOf5).isPresent()
                        && schools.find(school).isPresent());
    }

    @Test
    void a_new_request_tells_the_coordinators_each_in_their_language_with_a_link_and_no_details() {
        UUID caseId = UUID.randomUUID();
        publish(CASES, "kz.senim.cases.request-submitted.v1", caseId.toString(), school, """
                "caseId":"%s","kind":"MEDIATION","channel":"ONLINE_FORM","urgency":"HIGH","partyCount":2,"adultParty":false""".formatted(caseId));

        MimeMessage kk = Mailbox.awaitOne(address(coordinatorKk));
        MimeMessage en = Mailbox.awaitOne(address(coordinatorEn));
        assertThat(Mailbox.subject(kk)).isEqualTo("Жаңа өтініш назарыңызды қажет етеді");
        assertThat(Mailbox.subject(en)).isEqualTo("A new request needs your attention");
        assertThat(Mailbox.plainText(en)).contains("https://portal.senim.test/cases/" + caseId);
        assertThat(Mailbox.html(en)).contains("href=\"https://portal.senim.test/cases/" + caseId + "\"");
        assertThat(Mailbox.everything(en)).doesNotContain("HIGH", "MEDIATION", "ONLINE_FORM");
        // Essential: no unsubscribe.
        assertThat(Mailbox.header(en, "List-Unsubscribe")).isNull();
        for (String nobody : List.of(student5, teacher, parentOf5)) {
            assertThat(Mailbox.to(address(nobody))).isEmpty();
        }
    }

    @Test
    void a_trust_box_message_tells_the_coordinators() {
        UUID caseId = UUID.randomUUID();
        publish(CASES, "kz.senim.cases.request-submitted.v1", caseId.toString(), school, """
                "caseId":"%s","kind":"CONSULTATION","channel":"TRUST_BOX","urgency":"NORMAL","partyCount":2,"adultParty":false""".formatted(caseId));

        assertThat(Mailbox.subject(Mailbox.awaitOne(address(coordinatorEn))))
                .isEqualTo("A new trust-box message needs your attention");
    }

    @Test
    void a_message_in_the_trust_box_tells_the_coordinators_and_nobody_else() {
        UUID thread = UUID.randomUUID();
        publish(CASES, "kz.senim.cases.trust-box-message-received.v1", thread.toString(), school, """
                "threadId":"%s","firstMessage":true""".formatted(
                        thread));

        MimeMessage mail = Mailbox.awaitOne(address(coordinatorKk));
        assertThat(Mailbox.subject(mail)).isEqualTo("Сенім жәшігіндегі хабарлама назарыңызды қажет етеді");
        assertThat(Mailbox.plainText(mail)).contains("https://portal.senim.test/trust-box/threads/" + thread);
        Mailbox.awaitOne(address(coordinatorEn));
        assertThat(Mailbox.to(address(teacher))).isEmpty();
    }

    @Test
    void a_request_for_advice_tells_the_coordinators() {
        UUID consultation = UUID.randomUUID();
        publish(CASES, "kz.senim.cases.consultation-requested.v1", consultation.toString(), school, """
                "consultationId":"%s","kind":"QUESTION\"""".formatted(
                        consultation));

        MimeMessage mail = Mailbox.awaitOne(address(coordinatorEn));
        assertThat(Mailbox.subject(mail)).isEqualTo("A request for advice needs your attention");
        assertThat(Mailbox.plainText(mail)).contains("https://portal.senim.test/consultations/" + consultation);
    }

    @Test
    void published_material_reaches_its_audience() {
        UUID material = UUID.randomUUID();
        publish(TRAINING, "kz.senim.training.material-published.v1", material.toString(), school, """
                "materialId":"%s","kind":"MEMO","language":"ru","audienceGroups":["TEACHERS","STUDENTS"],
                "gradeFrom":8,"gradeTo":11,"hasFile":true,"hasLink":false""".formatted(
                        material));

        assertThat(Mailbox.subject(Mailbox.awaitOne(address(teacher)))).isEqualTo("Новый материал для вас");
        assertThat(Mailbox.subject(Mailbox.awaitOne(address(student9)))).isEqualTo("Сізге арналған жаңа материал");
        assertThat(Mailbox.to(address(student5))).isEmpty();
        assertThat(Mailbox.to(address(parentOf5))).isEmpty();
    }

    @Test
    void assigned_mediators_are_told_and_later_hear_of_follow_ups_and_sessions_of_their_case() {
        UUID caseId = UUID.randomUUID();
        String mediator = user("mediator");
        person(mediator, "student", 8, "ru");
        await().until(() -> people.find(mediator).isPresent());
        publish(CASES, "kz.senim.cases.mediator-assigned.v1", caseId.toString(), school, """
                "caseId":"%s","mediatorId":"%s","mediatorKind":"PEER","status":"MEDIATORS_ASSIGNED\"""".formatted(
                        caseId, mediator));
        publish(CASES, "kz.senim.cases.session-scheduled.v1", caseId.toString(), school, """
                "caseId":"%s","sessionId":"%s","sessionKind":"JOINT","startsAt":"2026-12-01T09:00:00Z","participantCount":4,
                "participantUserIds":[],"mediatorIds":["%s"]""".formatted(
                        caseId, UUID.randomUUID(), mediator));
        publish(CASES, "kz.senim.cases.follow-up-due.v1", caseId.toString(), school, """
                "caseId":"%s","followUpDate":"2026-12-20\"""".formatted(caseId));

        List<MimeMessage> mails = Mailbox.awaitCount(address(mediator), 3);
        assertThat(mails)
                .extracting(Mailbox::subject)
                .containsExactlyInAnyOrder(
                        "Вы назначены на случай", "Назначена встреча", "Пора провести контрольную встречу");
    }

    @Test
    void consent_needed_tells_each_party_and_the_guardian_the_school_asks_and_nobody_learns_who_else() {
        UUID caseId = UUID.randomUUID();
        publish(CASES, "kz.senim.cases.consent-requested.v1", caseId.toString(), school, """
                "caseId":"%s","partyUserIds":["%s","%s"],"guardianConsentUserIds":["%s"],"partyCount":3""".formatted(
                        caseId, student5, student9, student5));

        MimeMessage toStudent5 = Mailbox.awaitOne(address(student5));
        MimeMessage toStudent9 = Mailbox.awaitOne(address(student9));
        MimeMessage toParent = Mailbox.awaitOne(address(parentOf5));
        assertThat(Mailbox.subject(toStudent5)).isEqualTo("Просим вашего согласия");
        assertThat(Mailbox.subject(toStudent9)).isEqualTo("Сіздің келісіміңіз сұралады");
        assertThat(Mailbox.subject(toParent)).isEqualTo("Your consent as a guardian is asked");
        assertThat(Mailbox.plainText(toParent)).contains("https://portal.senim.test/cases/" + caseId);
        // Essential: consent cannot be switched off.
        assertThat(Mailbox.header(toStudent5, "List-Unsubscribe")).isNull();
        assertThat(Mailbox.everything(toStudent5)).doesNotContain(student9);
        assertThat(Mailbox.everything(toStudent9)).doesNotContain(student5);
        assertThat(Mailbox.everything(toParent)).doesNotContain(student5, student9);
        for (String nobody : List.of(coordinatorKk, coordinatorEn, teacher)) {
            assertThat(Mailbox.to(address(nobody))).isEmpty();
        }
    }

    @Test
    void a_session_scheduled_and_cancelled_tells_its_participants_and_mediators_but_not_the_other_party() {
        UUID caseId = UUID.randomUUID();
        UUID sessionId = UUID.randomUUID();
        String mediator = user("mediator");
        publish(CASES, "kz.senim.cases.session-scheduled.v1", caseId.toString(), school, """
                "caseId":"%s","sessionId":"%s","sessionKind":"INDIVIDUAL","startsAt":"2026-12-01T09:00:00Z","participantCount":1,
                "participantUserIds":["%s"],"mediatorIds":["%s"]""".formatted(
                        caseId, sessionId, student9, mediator));
        publish(CASES, "kz.senim.cases.session-cancelled.v1", caseId.toString(), school, """
                "caseId":"%s","sessionId":"%s","participantUserIds":["%s"],"mediatorIds":["%s"]""".formatted(
                        caseId, sessionId, student9, mediator));

        assertThat(Mailbox.awaitCount(address(student9), 2))
                .extracting(Mailbox::subject)
                .containsExactlyInAnyOrder("Кездесу белгіленді", "Кездесу тоқтатылды");
        // Neither the mediator nor their school's language is known here for them: the school's (ru).
        assertThat(Mailbox.awaitCount(address(mediator), 2))
                .extracting(Mailbox::subject)
                .containsExactlyInAnyOrder("Назначена встреча", "Встреча отменена");
        Mailbox.to(address(student9))
                .forEach(mail -> assertThat(Mailbox.everything(mail))
                        .doesNotContain(mediator)
                        .doesNotContain(sessionId.toString()));
        assertThat(Mailbox.to(address(student5))).isEmpty();
    }

    @Test
    void an_agreement_ready_to_sign_tells_each_party() {
        UUID caseId = UUID.randomUUID();
        publish(CASES, "kz.senim.cases.agreement-proposed.v1", caseId.toString(), school, """
                "caseId":"%s","partyUserIds":["%s","%s"],"commitmentCount":3""".formatted(
                        caseId, student5, teacher));

        MimeMessage toTeacher = Mailbox.awaitOne(address(teacher));
        assertThat(Mailbox.subject(toTeacher)).isEqualTo("Соглашение готово к подписанию");
        assertThat(Mailbox.plainText(toTeacher)).contains("https://portal.senim.test/cases/" + caseId);
        assertThat(Mailbox.everything(toTeacher)).doesNotContain(student5);
        assertThat(Mailbox.subject(Mailbox.awaitOne(address(student5)))).isEqualTo("Соглашение готово к подписанию");
        assertThat(Mailbox.to(address(parentOf5))).isEmpty();
    }

    @Test
    void a_closed_case_tells_the_submitter_its_status_only_and_nobody_when_the_request_was_anonymous() {
        UUID anonymousCase = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        // Same key, same partition: the anonymous one is consumed first.
        UUID anonymousClosure = publish(
                CASES, "kz.senim.cases.case-closed.v1", "closure-" + school, school, """
                "caseId":"%s","status":"CLOSED","outcome":"ESCALATED","submitterId":null""".formatted(anonymousCase));
        publish(CASES, "kz.senim.cases.case-closed.v1", "closure-" + school, school, """
                "caseId":"%s","status":"CLOSED","outcome":"CONSENT_REFUSED","submitterId":"%s\"""".formatted(caseId, parentOf5));

        MimeMessage mail = Mailbox.awaitOne(address(parentOf5));
        assertThat(Mailbox.subject(mail)).isEqualTo("A request you submitted has been closed");
        assertThat(Mailbox.plainText(mail)).contains("https://portal.senim.test/cases/" + caseId);
        assertThat(Mailbox.everything(mail)).doesNotContain("CONSENT_REFUSED", "refused", "CLOSED");
        assertThat(notifications.forEvent(anonymousClosure)).isEmpty();
        for (String nobody : List.of(coordinatorKk, coordinatorEn, student5, teacher)) {
            assertThat(Mailbox.to(address(nobody))).isEmpty();
        }
    }

    @Test
    void an_answered_request_for_advice_tells_the_asker_only() {
        UUID consultation = UUID.randomUUID();
        publish(CASES, "kz.senim.cases.consultation-answered.v1", consultation.toString(), school, """
                "consultationId":"%s","kind":"CONSULTATION","inMeeting":false,"peerAdvice":true,"askerId":"%s\"""".formatted(
                        consultation, student9));

        MimeMessage mail = Mailbox.awaitOne(address(student9));
        assertThat(Mailbox.subject(mail)).isEqualTo("Сұрауыңызға жауап бар");
        assertThat(Mailbox.plainText(mail)).contains("https://portal.senim.test/consultations/" + consultation);
        assertThat(Mailbox.to(address(coordinatorEn))).isEmpty();
    }

    @Test
    void the_club_application_goes_to_the_coordinators_and_its_decisions_to_the_applicant() {
        UUID application = UUID.randomUUID();
        String applicant = student9;
        String interviewer = "interviewer-" + UUID.randomUUID();
        String fields = "\"applicationId\":\"%s\",\"userId\":\"%s\",\"schoolYear\":\"2026-2027\",\"status\":\"%s\"";
        publish(
                MEMBERSHIP,
                "kz.senim.membership.application-submitted.v1",
                applicant,
                school,
                fields.formatted(application, applicant, "SUBMITTED"));
        publish(
                MEMBERSHIP,
                "kz.senim.membership.interview-scheduled.v1",
                applicant,
                school,
                fields.formatted(application, applicant, "INTERVIEW_SCHEDULED")
                        + ",\"interviewAt\":\"2026-12-02T10:00:00Z\",\"interviewerId\":\"" + interviewer + "\"");
        publish(
                MEMBERSHIP,
                "kz.senim.membership.application-waitlisted.v1",
                applicant,
                school,
                fields.formatted(application, applicant, "WAITLISTED"));
        publish(
                MEMBERSHIP,
                "kz.senim.membership.application-accepted.v1",
                applicant,
                school,
                fields.formatted(application, applicant, "ACCEPTED"));

        assertThat(Mailbox.subject(Mailbox.awaitOne(address(coordinatorKk)))).isEqualTo("Клубқа жаңа өтінім");
        List<MimeMessage> toApplicant = Mailbox.awaitCount(address(applicant), 3);
        assertThat(toApplicant)
                .extracting(Mailbox::subject)
                .containsExactlyInAnyOrder(
                        "Әңгімелесу белгіленді", "Өтініміңіз күту тізімінде", "Өтініміңіз бойынша шешім");
        toApplicant.forEach(mail -> assertThat(Mailbox.everything(mail)).doesNotContain(interviewer));
        assertThat(Mailbox.plainText(toApplicant.getFirst())).contains("/club/applications/" + application);
    }

    @Test
    void a_scheduled_activity_tells_its_audience_and_a_cancelled_one_those_registered() {
        UUID activity = UUID.randomUUID();
        String facilitator = user("facilitator");
        Instant startsAt = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        publish(TRAINING, "kz.senim.training.activity-scheduled.v1", activity.toString(), school, """
                "activityId":"%s","seriesId":"%s","activityType":"PEER_LESSON","startsAt":"%s",
                "endsAt":"%s","timeZone":"Asia/Almaty","language":"ru","capacity":30,
                "audienceGroups":["STUDENTS","PARENTS"],"gradeFrom":4,"gradeTo":6,"facilitatorIds":["%s"],"modules":[]""".formatted(
                        activity, UUID.randomUUID(), startsAt, startsAt.plus(Duration.ofHours(1)), facilitator));

        for (String told : List.of(student5, parentOf5, facilitator)) {
            Mailbox.awaitOne(address(told));
        }
        MimeMessage toStudent = Mailbox.to(address(student5)).getFirst();
        assertThat(Mailbox.subject(toStudent)).isEqualTo("Запланировано новое занятие");
        assertThat(Mailbox.header(toStudent, "Content-Language")).isEqualTo("ru");
        assertThat(Mailbox.everything(toStudent)).doesNotContain(facilitator);
        // Non-essential: one-click unsubscribe.
        assertThat(Mailbox.header(toStudent, "List-Unsubscribe"))
                .startsWith("<https://portal.senim.test/api/notifications/unsubscribe?token=");
        assertThat(Mailbox.header(toStudent, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

        publish(TRAINING, "kz.senim.training.registration-changed.v1", activity.toString(), school, """
                "activityId":"%s","activityType":"PEER_LESSON","userId":"%s","status":"REGISTERED","promotedFromWaitlist":false""".formatted(
                        activity, student5));
        publish(TRAINING, "kz.senim.training.activity-cancelled.v1", activity.toString(), school, """
                "activityId":"%s","seriesId":"%s","activityType":"PEER_LESSON","startsAt":"2026-12-03T09:00:00Z","registeredCount":1""".formatted(
                        activity, UUID.randomUUID()));

        assertThat(Mailbox.awaitCount(address(student5), 2))
                .extracting(Mailbox::subject)
                .contains("Занятие отменено");
        assertThat(Mailbox.to(address(student9))).isEmpty();
        assertThat(Mailbox.to(address(teacher))).isEmpty();
        assertThat(Mailbox.to(address(parentOf5))).hasSize(1);
    }

    @Test
    void a_series_is_announced_once_by_its_first_upcoming_meeting_and_a_past_activity_not_at_all() {
        String facilitator = user("series-facilitator");
        UUID series = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID past = UUID.randomUUID();
        clubMeeting(past, series, now.minus(Duration.ofDays(7)), facilitator);
        List<UUID> upcoming = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (int week = 0; week < upcoming.size(); week++) {
            clubMeeting(upcoming.get(week), series, now.plus(Duration.ofDays(7L * (week + 1))), facilitator);
        }
        UUID lone = UUID.randomUUID();
        clubMeeting(lone, null, now.minus(Duration.ofDays(1)), facilitator);
        UUID marker = UUID.randomUUID();
        clubMeeting(marker, UUID.randomUUID(), now.plus(Duration.ofDays(30)), facilitator);

        // The marker's mail comes after everything published before it on the same partition.
        List<MimeMessage> told = Mailbox.awaitCount(address(facilitator), 2);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(60))
                .until(() -> Mailbox.to(address(facilitator)).size() == 2);
        assertThat(told)
                .extracting(Mailbox::plainText)
                .anySatisfy(text -> assertThat(text).contains("/training/activities/" + upcoming.getFirst()))
                .anySatisfy(text -> assertThat(text).contains("/training/activities/" + marker))
                .noneSatisfy(text -> assertThat(text).contains(past.toString()))
                .noneSatisfy(text -> assertThat(text).contains(lone.toString()));
    }

    private void clubMeeting(UUID activity, UUID series, Instant startsAt, String facilitator) {
        publish(TRAINING, "kz.senim.training.activity-scheduled.v1", facilitator, school, """
                "activityId":"%s","seriesId":%s,"activityType":"CLUB_MEETING","startsAt":"%s",
                "endsAt":"%s","timeZone":"Asia/Almaty","language":"ru","capacity":null,
                "audienceGroups":["MEDIATORS"],"gradeFrom":null,"gradeTo":null,"facilitatorIds":["%s"],"modules":[]""".formatted(
                        activity,
                        series == null ? "null" : "\"" + series + "\"",
                        startsAt,
                        startsAt.plus(Duration.ofHours(1)),
                        facilitator));
    }

    @Test
    void a_qualified_trainee_and_the_coordinators_are_told_and_the_coordinators_do_not_learn_who_from_the_mail() {
        String trainee = user("trainee");
        person(trainee, "student", 7, "en");
        await().until(() -> people.find(trainee).isPresent());
        publish(TRAINING, "kz.senim.training.trainee-qualified.v1", trainee, school, """
                "userId":"%s","schoolYear":"2026-2027","modulesCompleted":6,"simulationsAttended":3""".formatted(trainee));

        assertThat(Mailbox.subject(Mailbox.awaitOne(address(trainee)))).isEqualTo("You have completed the training");
        MimeMessage toCoordinator = Mailbox.awaitOne(address(coordinatorEn));
        assertThat(Mailbox.subject(toCoordinator)).isEqualTo("A trainee has completed the training");
        assertThat(Mailbox.everything(toCoordinator)).doesNotContain(trainee);
    }

    @Test
    void text_planted_in_event_data_reaches_no_delivered_message() {
        String planted = "PLANTED-SECRET-" + UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        // A producer that (wrongly) sends text beyond its schema: this consumer never copies it.
        String json = """
                {"eventId":"%s","schoolId":"%s","occurredAt":"2026-11-20T08:00:00Z","caseId":"%s","kind":"MEDIATION",
                 "channel":"ONLINE_FORM","urgency":"NORMAL","partyCount":2,"adultParty":false,
                 "description":"Aruzhan said %s","partyNames":["%s"]}""".formatted(UUID.randomUUID(), school, caseId, planted, planted);
        UUID eventId = UUID.randomUUID();
        Events.send(
                CASES,
                caseId.toString(),
                json.getBytes(StandardCharsets.UTF_8),
                eventId,
                "kz.senim.cases.request-submitted.v1",
                school);

        List<MimeMessage> delivered = new ArrayList<>();
        delivered.add(Mailbox.awaitOne(address(coordinatorKk)));
        delivered.add(Mailbox.awaitOne(address(coordinatorEn)));
        delivered.forEach(mail -> assertThat(Mailbox.everything(mail)).doesNotContain(planted, "Aruzhan"));
        assertThat(notifications.forEvent(eventId))
                .isNotEmpty()
                .allSatisfy(n -> assertThat(n.parameters().toString()).doesNotContain(planted));
    }

    @Test
    void a_redelivered_event_yields_one_email() throws Exception {
        UUID caseId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        byte[] payload = """
                {"eventId":"%s","schoolId":"%s","occurredAt":"2026-11-20T08:00:00Z","caseId":"%s","kind":"MEDIATION",
                 "channel":"IN_PERSON","urgency":"LOW","partyCount":3,"adultParty":false}""".formatted(eventId, school, caseId).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            Events.send(CASES, caseId.toString(), payload, eventId, "kz.senim.cases.request-submitted.v1", school);
        }

        Mailbox.awaitOne(address(coordinatorEn));
        // Long enough for a second mail, if there were one.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(Mailbox.to(address(coordinatorEn))).hasSize(1));
        assertThat(notifications.forEvent(eventId)).hasSize(4); // two coordinators, e-mail and inbox each
    }

    @Test
    void a_poison_event_goes_to_the_dead_letter_topic_and_the_next_events_are_still_delivered() {
        UUID poisonId = UUID.randomUUID();
        String caseKey = UUID.randomUUID().toString();
        Events.send(
                CASES,
                caseKey,
                "{not json".getBytes(StandardCharsets.UTF_8),
                poisonId,
                "kz.senim.cases.request-submitted.v1",
                school);
        UUID caseId = UUID.randomUUID();
        publish(CASES, "kz.senim.cases.request-submitted.v1", caseKey, school, """
                "caseId":"%s","kind":"QUESTION","channel":"ONLINE_FORM","urgency":"LOW","partyCount":2,"adultParty":false""".formatted(caseId));

        try (TopicProbe dlt = TopicProbe.on(CASES + ".DLT")) {
            dlt.await(r -> poisonId.toString().equals(header(r, "ce_id")), Duration.ofSeconds(30));
        }
        assertThat(Mailbox.plainText(Mailbox.awaitOne(address(coordinatorEn)))).contains(caseId.toString());
    }

    @Test
    void unknown_event_types_are_ignored() {
        UUID eventId = UUID.randomUUID();
        Events.send(
                CASES,
                "k",
                "{\"schoolId\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                eventId,
                "kz.senim.cases.something-new.v1",
                school);
        UUID caseId = UUID.randomUUID();
        publish(CASES, "kz.senim.cases.request-submitted.v1", "k", school, """
                "caseId":"%s","kind":"QUESTION","channel":"ONLINE_FORM","urgency":"LOW","partyCount":2,"adultParty":false""".formatted(caseId));

        Mailbox.awaitOne(address(coordinatorEn));
        assertThat(notifications.forEvent(eventId)).isEmpty();
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void person(String userId, String role, Integer grade, String language) {
        publish(
                MEMBERSHIP,
                "kz.senim.membership.person-registered.v1",
                userId,
                school,
                personRegistered(userId, role, grade, language));
    }

    private static String user(String what) {
        return what + "-" + UUID.randomUUID();
    }
}
