package kz.senim.training;

import java.util.UUID;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import tools.jackson.databind.JsonNode;

/** Callers and requests the integration tests of training-service share. */
public final class Trainings {

    private Trainings() {}

    public static String newSchool() {
        return "school-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String bearer(String userId, String school, String... roles) {
        return TestJwts.user(userId).roles(roles).school(school).bearer();
    }

    /** A body for POST /api/activities; %s placeholders are filled by the caller. */
    public static String activity(
            String type, String facilitator, String startsAt, String endsAt, Integer capacity, String extra) {
        return """
                {"type":"%s","title":"How do we resolve a conflict correctly?",
                 "audience":{"groups":["STUDENTS","MEDIATORS"],"gradeFrom":1,"gradeTo":11},
                 "facilitators":["%s"],"startsAt":"%s","endsAt":"%s","place":"Room 12",
                 "capacity":%s,"language":"kk"%s}
                """.formatted(type, facilitator, startsAt, endsAt, capacity, extra == null ? "" : "," + extra);
    }

    public static JsonNode schedule(ServiceApi api, String coordinator, String body) {
        ServiceApi.Answer answer =
                api.post("/api/activities").auth(coordinator).json(body).send();
        if (answer.status() != 201) {
            throw new AssertionError("Scheduling answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    /**
     * Moves a scheduled activity to have started an hour ago (it ends in an hour): people register before
     * an activity starts, attendance is recorded after.
     */
    public static void started(ServiceApi api, String coordinator, String activityId) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now().withNano(0);
        ServiceApi.Answer answer = api.post("/api/activities/" + activityId + "/rescheduling")
                .auth(coordinator)
                .json("{\"startsAt\":\"%s\",\"endsAt\":\"%s\"}".formatted(now.minusHours(1), now.plusHours(1)))
                .send();
        if (answer.status() != 200) {
            throw new AssertionError("Rescheduling answered " + answer.status() + ": " + answer.body());
        }
    }
}
