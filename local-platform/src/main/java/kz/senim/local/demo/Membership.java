package kz.senim.local.demo;

import kz.senim.local.api.ApiResponse;
import kz.senim.local.api.Caller;

/**
 * The club's young mediators: students apply, a coordinator interviews and accepts them (they become
 * trainees of the current school year) and certifies those who completed their training. Each step
 * picks up where an interrupted earlier run stopped.
 */
final class Membership {

    private final Directory people;
    private final SchoolCalendar calendar;
    private int members;
    private int certified;

    Membership(Directory people, SchoolCalendar calendar) {
        this.people = people;
        this.calendar = calendar;
    }

    /** Apply, interview, accept and certify: a young mediator who may take cases. */
    void certify(String key, int interviewedDaysAgo) {
        admit(key, interviewedDaysAgo);
        people.as("coordinator")
                .post(
                        "/api/membership/members/" + people.id(key) + "/certification",
                        JsonBody.of("note", "Completed the mediator curriculum and two supervised simulations."))
                .expect(200, 409);
        certified++;
    }

    /** Apply, interview and accept: a trainee who is still learning. */
    void admit(String key, int interviewedDaysAgo) {
        ApiResponse application = apply(key);
        Caller coordinator = people.as("coordinator");
        String path = "/api/membership/applications/" + application.text("/id");
        String status = application.text("/status");
        if ("SUBMITTED".equals(status)) {
            coordinator
                    .post(
                            path + "/interview",
                            JsonBody.of(
                                    "at",
                                            calendar.daysFromToday(-interviewedDaysAgo, 14, 0)
                                                    .toString(),
                                    "place", "Room 214",
                                    "interviewerId", people.id("coordinator")))
                    .expect(200);
            status = "INTERVIEW_SCHEDULED";
        }
        if ("INTERVIEW_SCHEDULED".equals(status)) {
            status = coordinator.post(path + "/acceptance", null).expect(200).text("/status");
        }
        if (!"ACCEPTED".equals(status)) {
            throw new IllegalStateException("A demo application is " + status + " instead of accepted");
        }
        members++;
    }

    /** An application the coordinator has not answered yet. */
    void leaveOpen(String key) {
        apply(key);
    }

    /** The student's application; the idempotency key answers the same one again on a later run. */
    private ApiResponse apply(String key) {
        return people.as(key)
                .post(
                        "/api/membership/applications",
                        JsonBody.of(
                                "motivation",
                                "I would like to help classmates understand each other and learn to listen well.",
                                "availability",
                                "Wednesdays and Thursdays after lessons"),
                        "Idempotency-Key",
                        "demo-application-" + key)
                .expect(200, 201);
    }

    int members() {
        return members;
    }

    int certified() {
        return certified;
    }
}
