package kz.senim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.senim.local.api.ApiResponse;
import kz.senim.local.api.Caller;
import kz.senim.local.api.SenimApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/**
 * A student of Demo School 2 becomes a young mediator: applies to the club, is interviewed and
 * admitted as a trainee, finds the {@code mediator} role in their next token, completes the school's
 * curriculum in training-service, is certified by it in membership-service, and can then be assigned
 * to a case. Demo Gymnasium No. 1 and the student's schoolmates stay out of it at every step.
 */
@Order(9)
@ResourceLock(value = Shared.SCHOOL_2_CLUB, mode = ResourceAccessMode.READ_WRITE)
class MembershipJourney {

    private static final String TRAINING_MODULE = "FOUNDATIONS_AND_PRINCIPLES";

    private final SenimApi api = EndToEnd.api();
    private final Caller student = api.as("student1.sch2");
    private final Caller coordinator = api.as("coordinator.sch2");
    private final Caller teacher = api.as("teacher.sch2");
    private final Caller schoolmate = api.as("mediator1.sch2");
    private final Caller otherCoordinator = api.as("coordinator.gym1");

    /** Distinctive text planted in the application, to be looked for in every e-mail. */
    private final String planted = "ZEBRA-PLANT-" + UUID.randomUUID();

    /** The mail caught before this journey; only later mail counts as telling its people. */
    private final Set<String> mailBefore = Mails.mark();

    @BeforeEach
    void schools() {
        Schools.school2(api);
        Schools.gymnasium1(api);
    }

    @Test
    void a_student_is_admitted_trained_certified_and_assigned_to_a_case() {
        assertThat(roles(student)).doesNotContain("mediator");

        String application = studentApplies();
        onlyTheApplicantAndTheSchoolsCoordinatorsSeeIt(application);
        coordinatorSchedulesTheInterview(application);
        coordinatorAdmitsTheStudent(application);
        theMediatorRoleIsInTheNextToken();

        coordinatorKeepsTheCurriculumShort();
        String training = coordinatorRuns("TRAINING", List.of(TRAINING_MODULE));
        String simulation = coordinatorRuns("SIMULATION", List.of());
        traineeProgressShows(false);
        onlyTheFacilitatorRecordsAttendance(training);
        facilitatorMarksTheTraineePresent(training);
        traineeProgressShows(false);
        facilitatorMarksTheTraineePresent(simulation);
        traineeProgressShows(true);

        membershipCertifiesTheTrainee();
        theNewMediatorIsAssignableToACase();
        theNewMediatorMayNotMediateForAClassmate();

        Mails.awaitMail(mailBefore, "student1.sch2", "interview-scheduled", "ru");
        Mails.awaitMail(mailBefore, "student1.sch2", "application-accepted", "ru");
        Mails.awaitMail(mailBefore, "student1.sch2", "mediator-assigned", "ru");
        Mails.awaitMail(mailBefore, "coordinator.sch2", "application-submitted", "ru");
        Mails.assertNoMailContains(planted);
    }

    // ---- the steps ------------------------------------------------------------------------

    private String studentApplies() {
        var applied = student.post(
                        "/api/membership/applications",
                        Map.of(
                                "motivation",
                                "My cousin was bullied and nobody helped " + planted,
                                "availability",
                                "Wednesdays"),
                        "Idempotency-Key",
                        "apply-" + UUID.randomUUID())
                .expect(201);
        assertThat(applied.text("/status")).isEqualTo("SUBMITTED");
        return applied.text("/id");
    }

    private void onlyTheApplicantAndTheSchoolsCoordinatorsSeeIt(String application) {
        assertThat(student.get("/api/membership/applications/" + application)
                        .expect(200)
                        .text("/status"))
                .isEqualTo("SUBMITTED");
        assertThat(coordinator
                        .get("/api/membership/applications/" + application)
                        .expect(200)
                        .text("/motivation"))
                .contains(planted);
        otherCoordinator.get("/api/membership/applications/" + application).expect(404);
        schoolmate.get("/api/membership/applications/" + application).expect(404);
        teacher.get("/api/membership/applications/" + application).expect(404);
        assertThat(ids(otherCoordinator
                        .get("/api/membership/applications?size=100")
                        .expect(200)))
                .doesNotContain(application);
    }

    private void coordinatorSchedulesTheInterview(String application) {
        Map<String, Object> interview = Map.of(
                "at", OffsetDateTime.now().plusDays(1).withNano(0).toString(),
                "place", "Room 101",
                "interviewerId", coordinator.userId());
        student.post("/api/membership/applications/" + application + "/interview", interview)
                .expect(403);
        otherCoordinator
                .post("/api/membership/applications/" + application + "/interview", interview)
                .expect(404);
        Club.interview(coordinator, application);
    }

    private void coordinatorAdmitsTheStudent(String application) {
        student.post("/api/membership/applications/" + application + "/acceptance", null)
                .expect(403);
        otherCoordinator
                .post("/api/membership/applications/" + application + "/acceptance", null)
                .expect(404);
        Club.admit(coordinator, application);
        var member = student.get("/api/membership/members/" + student.userId()).expect(200);
        assertThat(member.text("/status")).isEqualTo("TRAINEE");
        otherCoordinator.get("/api/membership/members/" + student.userId()).expect(404);
        schoolmate.get("/api/membership/members/" + student.userId()).expect(404);
    }

    /** membership-service gives the role in Keycloak through its outbox: a later login carries it. */
    private void theMediatorRoleIsInTheNextToken() {
        // Polled through the Admin API, never by logging in again and again (brute-force detection is on).
        Eventually.until(
                "the mediator role in Keycloak",
                () -> api.keycloak().realmRolesOf(student.username()),
                r -> r.contains("mediator"));
        assertThat(roles(student.relogin())).contains("student", "mediator");
    }

    /** A legitimate choice of the school: one module and one simulation. */
    private void coordinatorKeepsTheCurriculumShort() {
        Map<String, Object> curriculum = Map.of("requiredModules", List.of(TRAINING_MODULE), "requiredSimulations", 1);
        student.put("/api/activities/curriculum", curriculum).expect(403);
        var current = coordinator.get("/api/activities/curriculum").expect(200);
        var revised = coordinator
                .put("/api/activities/curriculum", curriculum, "If-Match", current.etag())
                .expect(200);
        assertThat(revised.json().get("requiredSimulations").asInt()).isEqualTo(1);
        coordinator
                .put("/api/activities/curriculum", curriculum, "If-Match", current.etag())
                .expect(412);
        assertThat(otherCoordinator
                        .get("/api/activities/curriculum")
                        .expect(200)
                        .json()
                        .get("requiredModules"))
                .as("the other school keeps its own curriculum")
                .hasSize(6);
    }

    /** An activity of the club that took place an hour ago, run by the coordinator. */
    private String coordinatorRuns(String type, List<String> modules) {
        OffsetDateTime started = OffsetDateTime.now().minusHours(2).withNano(0);
        var scheduled = coordinator
                .post(
                        "/api/activities",
                        Map.of(
                                "type",
                                type,
                                "title",
                                type.equals("SIMULATION") ? "Co-mediation simulation" : "Foundations",
                                "audience",
                                Map.of("groups", List.of("MEDIATORS")),
                                "facilitators",
                                List.of(coordinator.userId()),
                                "startsAt",
                                started.toString(),
                                "endsAt",
                                started.plusHours(1).toString(),
                                "place",
                                "Room 101",
                                "language",
                                "ru",
                                "openForRegistration",
                                false,
                                "modules",
                                modules),
                        "Idempotency-Key",
                        "activity-" + UUID.randomUUID())
                .expect(201);
        String id = scheduled.text("/id");
        otherCoordinator.get("/api/activities/" + id).expect(404);
        return id;
    }

    private void onlyTheFacilitatorRecordsAttendance(String activity) {
        Map<String, Object> marks = present();
        teacher.put("/api/activities/" + activity + "/attendance", marks).expect(403);
        student.put("/api/activities/" + activity + "/attendance", marks).expect(403);
        otherCoordinator
                .put("/api/activities/" + activity + "/attendance", marks)
                .expect(404);
        teacher.get("/api/activities/" + activity + "/attendance").expect(404);
    }

    private void facilitatorMarksTheTraineePresent(String activity) {
        var sheet = coordinator
                .put("/api/activities/" + activity + "/attendance", present())
                .expect(200);
        assertThat(sheet.json().at("/marks/" + student.userId()).asString()).isEqualTo("PRESENT");
    }

    private Map<String, Object> present() {
        return Map.of("marks", List.of(Map.of("userId", student.userId(), "status", "PRESENT")));
    }

    /** training-service learns of the trainee from membership's events; the progress follows attendance. */
    private void traineeProgressShows(boolean qualified) {
        JsonNode progress = Eventually.until(
                "the trainee's progress, qualified=" + qualified,
                () -> student.get("/api/activities/curriculum/trainees/" + student.userId())
                        .expect(200)
                        .json(),
                p -> p.get("qualified").asBoolean() == qualified
                        && (qualified || "TRAINEE".equals(p.path("memberStatus").asString())));
        if (qualified) {
            assertThat(progress.get("qualifiedAt").isNull()).isFalse();
            assertThat(progress.get("modulesMissing")).isEmpty();
            assertThat(progress.get("simulationsAttended").asInt()).isGreaterThanOrEqualTo(1);
        }
        otherCoordinator
                .get("/api/activities/curriculum/trainees/" + student.userId())
                .expect(404);
        schoolmate
                .get("/api/activities/curriculum/trainees/" + student.userId())
                .expect(404);
    }

    /** training-service's trainee-qualified event certifies the trainee in membership-service. */
    private void membershipCertifiesTheTrainee() {
        Mails.awaitMail(mailBefore, "student1.sch2", "trainee-qualified", "ru");
        Eventually.until(
                "membership certifies the trainee",
                () -> coordinator
                        .get("/api/membership/members/" + student.userId())
                        .expect(200)
                        .text("/status"),
                "CERTIFIED"::equals);
    }

    private void theNewMediatorIsAssignableToACase() {
        String id = peerMediationRequested(List.of(
                Map.of("name", "Pupil A", "adult", false, "grade", 7),
                Map.of("name", "Pupil B", "adult", false, "grade", 7)));
        Eventually.until(
                "case-service lists the new mediator",
                () -> userIds(coordinator
                        .get("/api/cases/" + id + "/eligible-mediators")
                        .expect(200)
                        .json()),
                ids -> ids.contains(student.userId()));
        otherCoordinator.get("/api/cases/" + id + "/eligible-mediators").expect(404);
        otherCoordinator
                .post("/api/cases/" + id + "/mediators", Map.of("userId", student.userId()))
                .expect(404);

        var assigned = coordinator
                .post("/api/cases/" + id + "/mediators", Map.of("userId", student.userId()))
                .expect(200);
        assertThat(userIds(assigned.json().get("mediators"))).contains(student.userId());
        assertThat(student.get("/api/cases/" + id).expect(200).text("/description"))
                .as("the assigned mediator reads the case")
                .contains(planted);
        schoolmate.get("/api/cases/" + id).expect(404);

        var seenByTheReferrer = teacher.get("/api/cases/" + id).expect(200).json();
        assertThat(seenByTheReferrer.has("status")).isTrue();
        assertThat(seenByTheReferrer.has("description") || seenByTheReferrer.has("parties"))
                .as("the teacher who referred the case, not a party, sees its status only")
                .isFalse();
    }

    /** Neutrality: the classmate (same grade and class letter) of a party never mediates the case. */
    private void theNewMediatorMayNotMediateForAClassmate() {
        String id = peerMediationRequested(
                List.of(Map.of("userId", schoolmate.userId()), Map.of("name", "Pupil C", "adult", false, "grade", 9)));
        assertThat(userIds(coordinator
                        .get("/api/cases/" + id + "/eligible-mediators")
                        .expect(200)
                        .json()))
                .doesNotContain(student.userId());
        var refused = coordinator
                .post("/api/cases/" + id + "/mediators", Map.of("userId", student.userId()))
                .expect(409);
        assertThat(refused.text("/reason")).isEqualTo("mediator-in-party-class");
    }

    /** The teacher asks for mediation between {@code parties}; the coordinator accepts it for peers. */
    private String peerMediationRequested(List<Map<String, Object>> parties) {
        var submitted = teacher.post(
                        "/api/cases",
                        Map.of("description", "Two pupils quarrel at every break " + planted, "parties", parties),
                        "Idempotency-Key",
                        "case-" + UUID.randomUUID())
                .expect(201);
        String id = submitted.text("/id");
        coordinator
                .post(
                        "/api/cases/" + id + "/triage",
                        Map.of("decision", "ACCEPT_FOR_PEER_MEDIATION", "reason", "Peers can help"))
                .expect(200);
        return id;
    }

    // ---- small helpers ----------------------------------------------------------------------

    private static List<String> roles(Caller caller) {
        List<String> roles = new ArrayList<>();
        caller.claims().at("/realm_access/roles").forEach(r -> roles.add(r.asString()));
        return roles;
    }

    private static List<String> ids(ApiResponse page) {
        List<String> ids = new ArrayList<>();
        page.json().get("content").forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }

    private static List<String> userIds(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(m -> ids.add(m.get("userId").asString()));
        return ids;
    }
}
