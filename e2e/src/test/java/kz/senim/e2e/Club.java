package kz.senim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kz.senim.local.api.Caller;
import kz.senim.local.api.SenimApi;

/** The mediation club of a school: a student applies, is interviewed, admitted and certified. */
final class Club {

    private static final Set<String> CERTIFIED = ConcurrentHashMap.newKeySet();

    private Club() {}

    /**
     * Makes {@code student} a certified mediator of their school (once per platform): the application,
     * the interview, the acceptance and a coordinator's certification, all through the API.
     */
    static synchronized void certifiedMediator(SenimApi api, String student, String coordinator) {
        if (CERTIFIED.contains(student)) {
            return;
        }
        Caller applicant = api.as(student);
        Caller decides = api.as(coordinator);
        String application = apply(applicant);
        interview(decides, application);
        admit(decides, application);
        decides.post(
                        "/api/membership/members/" + applicant.userId() + "/certification",
                        Map.of("note", "Completed the school's course before Senim"))
                .expect(200);
        assertThat(decides.get("/api/membership/members/" + applicant.userId())
                        .expect(200)
                        .text("/status"))
                .isEqualTo("CERTIFIED");
        CERTIFIED.add(student);
    }

    /** The student's application to the club: its id, SUBMITTED. */
    static String apply(Caller student) {
        var application = student.post(
                        "/api/membership/applications",
                        Map.of(
                                "motivation", "I want to help classmates settle quarrels calmly",
                                "availability", "Tuesdays and Thursdays after lessons"))
                .expect(201);
        assertThat(application.text("/status")).isEqualTo("SUBMITTED");
        return application.text("/id");
    }

    /** The coordinator schedules an interview, which they hold themselves. */
    static void interview(Caller coordinator, String application) {
        var scheduled = coordinator
                .post(
                        "/api/membership/applications/" + application + "/interview",
                        Map.of(
                                "at",
                                        OffsetDateTime.now()
                                                .plusDays(1)
                                                .withNano(0)
                                                .toString(),
                                "place", "Room 204",
                                "interviewerId", coordinator.userId()))
                .expect(200);
        assertThat(scheduled.text("/status")).isEqualTo("INTERVIEW_SCHEDULED");
    }

    /** After the interview the coordinator accepts: the student is a TRAINEE of the current year. */
    static void admit(Caller coordinator, String application) {
        var accepted = coordinator
                .post("/api/membership/applications/" + application + "/acceptance", null)
                .expect(200);
        assertThat(accepted.text("/status")).isEqualTo("ACCEPTED");
    }
}
