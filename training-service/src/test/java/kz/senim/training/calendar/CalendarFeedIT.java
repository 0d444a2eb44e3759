package kz.senim.training.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.training.Trainings;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** The .ics feeds, read back by ical4j as a phone's calendar would read them. */
@SenimIntegrationTest
class CalendarFeedIT {

    @LocalServerPort
    int port;

    @Test
    void the_school_feed_is_anonymous_behind_its_token_and_gives_the_events_at_their_almaty_times() throws Exception {
        ServiceApi api = ServiceApi.at(port);
        String school = Trainings.newSchool();
        String coordinatorId = "coord-" + UUID.randomUUID();
        String coordinator = Trainings.bearer(coordinatorId, school, "coordinator");
        Trainings.schedule(
                api,
                coordinator,
                Trainings.activity(
                        "CLUB_MEETING",
                        coordinatorId,
                        "2027-01-05T15:00:00+05:00",
                        "2027-01-05T16:30:00+05:00",
                        null,
                        "\"repeat\":{\"frequency\":\"WEEKLY\",\"occurrences\":2}"));
        String lessonBody = """
                {"type":"PEER_LESSON","title":"Жанжалды қалай дұрыс шешеміз? Conflicts, rules; and more",
                 "audience":{"groups":["STUDENTS"],"gradeFrom":1,"gradeTo":9},"facilitators":["%s"],
                 "startsAt":"2027-01-20T09:00:00+05:00","endsAt":"2027-01-20T09:45:00+05:00",
                 "place":"Room 5, 2nd floor","language":"kk"}
                """.formatted(coordinatorId);
        String lesson =
                Trainings.schedule(api, coordinator, lessonBody).get("id").asString();
        api.post("/api/activities/" + lesson + "/cancellation")
                .auth(coordinator)
                .send();

        ServiceApi.Answer created = api.post("/api/activities/calendar-feeds")
                .auth(coordinator)
                .json("{\"scope\":\"SCHOOL\"}")
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String url = created.json().get("url").asString();
        assertThat(url).startsWith("/api/activities/feeds/").endsWith(".ics");
        assertThat(created.json().get("token").asString()).hasSizeGreaterThanOrEqualTo(43);

        ServiceApi.Answer feed = api.get(url).send();
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.headers().getContentType().toString()).startsWith("text/calendar");

        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> events = calendar.<VEvent>getComponents("VEVENT").stream()
                .sorted(Comparator.comparing(e -> start(e).toInstant()))
                .toList();
        assertThat(events).hasSize(3);
        ZoneId almaty = ZoneId.of("Asia/Almaty");
        assertThat(start(events.get(0)).withZoneSameInstant(almaty).toLocalDateTime())
                .hasToString("2027-01-05T15:00");
        assertThat(start(events.get(0)).getOffset().getTotalSeconds()).isEqualTo(5 * 3600);
        assertThat(start(events.get(0)).toInstant()).hasToString("2027-01-05T10:00:00Z");
        assertThat(start(events.get(1)).toInstant()).hasToString("2027-01-12T10:00:00Z");
        assertThat(((ZonedDateTime) events.get(1).getDateTimeEnd().getDate()).toInstant())
                .hasToString("2027-01-12T11:30:00Z");
        VEvent cancelled = events.get(2);
        assertThat(start(cancelled).toInstant()).hasToString("2027-01-20T04:00:00Z");
        assertThat(cancelled.getSummary().getValue())
                .isEqualTo("Жанжалды қалай дұрыс шешеміз? Conflicts, rules; and more");
        assertThat(cancelled.getLocation().getValue()).isEqualTo("Room 5, 2nd floor");
        assertThat(cancelled.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(cancelled.getUid().orElseThrow().getValue()).isEqualTo(lesson + "@senim.kz");
    }

    @Test
    void a_personal_feed_lists_only_what_the_person_runs_or_registered_for_and_a_revoked_or_guessed_token_is_404() {
        ServiceApi api = ServiceApi.at(port);
        String school = Trainings.newSchool();
        String coordinatorId = "coord-" + UUID.randomUUID();
        String coordinator = Trainings.bearer(coordinatorId, school, "coordinator");
        String studentId = "s-" + UUID.randomUUID();
        String student = Trainings.bearer(studentId, school, "student", "mediator");
        String mine = Trainings.schedule(
                        api,
                        coordinator,
                        Trainings.activity(
                                "TRAINING",
                                coordinatorId,
                                "2027-02-01T10:00:00+05:00",
                                "2027-02-01T11:00:00+05:00",
                                null,
                                null))
                .get("id")
                .asString();
        Trainings.schedule(
                api,
                coordinator,
                Trainings.activity(
                        "TRAINING",
                        coordinatorId,
                        "2027-02-02T10:00:00+05:00",
                        "2027-02-02T11:00:00+05:00",
                        null,
                        null));
        api.post("/api/activities/" + mine + "/registrations").auth(student).send();

        String url = api.post("/api/activities/calendar-feeds")
                .auth(student)
                .json("{\"scope\":\"MINE\"}")
                .send()
                .json()
                .get("url")
                .asString();
        String body = api.get(url).send().body();

        assertThat(body).contains("UID:" + mine + "@senim.kz").containsOnlyOnce("BEGIN:VEVENT");
        api.get("/api/activities/feeds/" + "A".repeat(43) + ".ics").send().problem(404);
        String token = url.substring("/api/activities/feeds/".length(), url.length() - 4);
        api.request(HttpMethod.DELETE, "/api/activities/calendar-feeds/" + token)
                .auth(coordinator)
                .send()
                .problem(404);
        assertThat(api.request(HttpMethod.DELETE, "/api/activities/calendar-feeds/" + token)
                        .auth(student)
                        .send()
                        .status())
                .isEqualTo(204);
        api.get(url).send().problem(404);
    }

    private static ZonedDateTime start(VEvent event) {
        return (ZonedDateTime) event.getDateTimeStart().getDate();
    }
}
