package kz.senim.local.demo;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kz.senim.local.api.ApiResponse;
import kz.senim.local.api.Caller;
import tools.jackson.databind.JsonNode;

/**
 * What a club does over the school year, as its coordinator records it in training-service:
 * activities (the ones already held are completed with their attendance), the annual plan, the
 * mediator curriculum and information materials.
 */
final class ClubActivities {

    private final Directory people;
    private final SchoolCalendar calendar;
    private final Caller coordinator;
    private final String language;
    private final String room;
    private int activities;
    private int materials;
    private int planItems;

    ClubActivities(Directory people, SchoolCalendar calendar, String language, String room) {
        this.people = people;
        this.calendar = calendar;
        this.language = language;
        this.room = room;
        this.coordinator = people.as("coordinator");
    }

    /**
     * What an activity is, before it is scheduled. Start from {@link ClubActivities#activity} (the
     * club's room and language, for the young mediators, run by the coordinator, open for registration)
     * and change what differs.
     */
    record Activity(
            String type,
            String title,
            Map<String, Object> audience,
            List<String> facilitatorKeys,
            OffsetDateTime startsAt,
            int minutes,
            String place,
            Integer capacity,
            String language,
            boolean openForRegistration,
            List<String> modules) {

        Activity forWhom(Map<String, Object> newAudience) {
            return new Activity(
                    type,
                    title,
                    newAudience,
                    facilitatorKeys,
                    startsAt,
                    minutes,
                    place,
                    capacity,
                    language,
                    openForRegistration,
                    modules);
        }

        Activity runBy(List<String> keys) {
            return new Activity(
                    type,
                    title,
                    audience,
                    keys,
                    startsAt,
                    minutes,
                    place,
                    capacity,
                    language,
                    openForRegistration,
                    modules);
        }

        Activity in(String newPlace) {
            return new Activity(
                    type,
                    title,
                    audience,
                    facilitatorKeys,
                    startsAt,
                    minutes,
                    newPlace,
                    capacity,
                    language,
                    openForRegistration,
                    modules);
        }

        Activity places(int newCapacity) {
            return new Activity(
                    type,
                    title,
                    audience,
                    facilitatorKeys,
                    startsAt,
                    minutes,
                    place,
                    newCapacity,
                    language,
                    openForRegistration,
                    modules);
        }

        Activity inLanguage(String newLanguage) {
            return new Activity(
                    type,
                    title,
                    audience,
                    facilitatorKeys,
                    startsAt,
                    minutes,
                    place,
                    capacity,
                    newLanguage,
                    openForRegistration,
                    modules);
        }

        /** Nobody registers: a whole class, or the club's own members, simply come. */
        Activity withoutRegistration() {
            return new Activity(
                    type,
                    title,
                    audience,
                    facilitatorKeys,
                    startsAt,
                    minutes,
                    place,
                    capacity,
                    language,
                    false,
                    modules);
        }

        /** The curriculum modules it teaches. */
        Activity teaching(String... newModules) {
            return new Activity(
                    type,
                    title,
                    audience,
                    facilitatorKeys,
                    startsAt,
                    minutes,
                    place,
                    capacity,
                    language,
                    openForRegistration,
                    List.of(newModules));
        }
    }

    /** An activity of this club with its usual room and language, for its young mediators, run by the coordinator. */
    Activity activity(String type, String title, OffsetDateTime startsAt, int minutes) {
        return new Activity(
                type,
                title,
                audience("MEDIATORS"),
                List.of("coordinator"),
                startsAt,
                minutes,
                room,
                null,
                language,
                true,
                null);
    }

    static Map<String, Object> audience(String... groups) {
        return JsonBody.of("groups", Arrays.asList(groups));
    }

    static Map<String, Object> students(int gradeFrom, int gradeTo, String... moreGroups) {
        List<String> groups = new ArrayList<>(List.of("STUDENTS"));
        groups.addAll(Arrays.asList(moreGroups));
        return JsonBody.of("groups", groups, "gradeFrom", gradeFrom, "gradeTo", gradeTo);
    }

    /** Schedules one activity and answers its id. */
    String schedule(Activity activity) {
        activities++;
        return coordinator
                .post("/api/activities", body(activity, null))
                .expect(201)
                .text("/id");
    }

    /** Schedules a weekly series of club meetings and answers the ids of its occurrences, in order. */
    List<String> scheduleWeekly(Activity meeting, int occurrences) {
        String seriesId = coordinator
                .post("/api/activities", body(meeting, JsonBody.of("frequency", "WEEKLY", "occurrences", occurrences)))
                .expect(201)
                .text("/seriesId");
        JsonNode page = coordinator
                .get("/api/activities?seriesId=" + seriesId + "&size=200&sort=startsAt,asc")
                .expect(200)
                .json();
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(occurrence -> ids.add(occurrence.get("id").asString()));
        activities += ids.size();
        return ids;
    }

    /**
     * An activity that has taken place: its facilitator (the coordinator) records who came, then
     * completes it. Nothing happens to one that has not started yet.
     */
    boolean held(String activityId, OffsetDateTime startsAt, Integer headCount, String... presentKeys) {
        if (!calendar.hasStarted(startsAt)) {
            return false;
        }
        List<Map<String, Object>> marks = new ArrayList<>();
        for (String key : presentKeys) {
            marks.add(JsonBody.of("userId", people.id(key), "status", "PRESENT"));
        }
        coordinator
                .put(
                        "/api/activities/" + activityId + "/attendance",
                        JsonBody.of("marks", marks, "headCount", headCount))
                .expect(200);
        coordinator.post("/api/activities/" + activityId + "/completion", null).expect(200);
        return true;
    }

    void cancel(String activityId) {
        coordinator
                .post("/api/activities/" + activityId + "/cancellation", null)
                .expect(200);
    }

    /**
     * The person registers for an upcoming activity (once training-service knows their grade). Registration
     * closes when an activity starts (docs/decisions.md 74): for one already past on the day the demo data is
     * made, the person's attendance tells that they came, so there is nothing to register.
     */
    void register(String key, String activityId) {
        ApiResponse answer = Eventually.answer(
                () -> people.as(key).post("/api/activities/" + activityId + "/registrations", null), "not-in-audience");
        if (answer.status() == 409 && "activity-already-started".equals(answer.text("/reason"))) {
            return;
        }
        answer.expect(200, 201);
    }

    /** An item of the annual plan, linked to the activities that carry it out; answers its id. */
    String planItem(String direction, String description, String month, List<String> activityIds) {
        planItems++;
        return coordinator
                .post(
                        "/api/plans/" + calendar.schoolYear() + "/items",
                        JsonBody.of(
                                "direction", direction,
                                "description", description,
                                "month", month,
                                "responsibleUserId", people.id("coordinator"),
                                "activityIds", activityIds))
                .expect(201)
                .text("/id");
    }

    /** The status of an item without activities, e.g. information work done outside the calendar. */
    void reportPlanItem(String itemId, String status) {
        coordinator
                .post(
                        "/api/plans/" + calendar.schoolYear() + "/items/" + itemId + "/report",
                        JsonBody.of("status", status))
                .expect(200);
    }

    void reviseCurriculum(int requiredSimulations) {
        var current = coordinator.get("/api/activities/curriculum").expect(200);
        coordinator
                .put(
                        "/api/activities/curriculum",
                        JsonBody.of(
                                "requiredModules",
                                current.json().get("requiredModules"),
                                "requiredSimulations",
                                requiredSimulations),
                        "If-Match",
                        current.etag())
                .expect(200);
    }

    /** A booklet, memo or poster with a link; published unless {@code draft}. */
    void material(
            String kind,
            String title,
            String language,
            Map<String, Object> audience,
            String audienceNote,
            String link,
            boolean draft) {
        String id = coordinator
                .post(
                        "/api/materials",
                        JsonBody.of(
                                "kind", kind,
                                "title", title,
                                "language", language,
                                "audience", audience,
                                "audienceNote", audienceNote,
                                "link", link))
                .expect(201)
                .text("/id");
        if (!draft) {
            coordinator.post("/api/materials/" + id + "/publication", null).expect(200);
        }
        materials++;
    }

    int activities() {
        return activities;
    }

    int planItems() {
        return planItems;
    }

    int materials() {
        return materials;
    }

    private Map<String, Object> body(Activity activity, Map<String, Object> repeat) {
        return JsonBody.of(
                "type", activity.type(),
                "title", activity.title(),
                "audience", activity.audience(),
                "facilitators",
                        activity.facilitatorKeys().stream().map(people::id).toList(),
                "startsAt", activity.startsAt().toString(),
                "endsAt", activity.startsAt().plusMinutes(activity.minutes()).toString(),
                "place", activity.place(),
                "capacity", activity.capacity(),
                "language", activity.language(),
                "openForRegistration", activity.openForRegistration(),
                "modules", activity.modules(),
                "repeat", repeat);
    }
}
