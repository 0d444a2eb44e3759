package kz.senim.training.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import kz.senim.contracts.EventContracts;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TopicProbe;
import kz.senim.training.Trainings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the activity API publishes really arrives on senim.training.v1, fits its schema and names nobody. */
@SenimIntegrationTest
class ActivityEventsPublishingIT {

    static final String PREFIX = "kz.senim.training.";

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void the_life_of_an_activity_is_published_with_participant_counts_and_every_payload_fits_its_schema() {
        ServiceApi api = ServiceApi.at(port);
        String school = Trainings.newSchool();
        String coordinatorId = "coord-" + UUID.randomUUID();
        String coordinator = Trainings.bearer(coordinatorId, school, "coordinator");
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        String start = OffsetDateTime.now().plusDays(1).withNano(0).toString();
        String end = OffsetDateTime.now().plusDays(1).plusHours(1).withNano(0).toString();
        String id = Trainings.schedule(
                        api,
                        coordinator,
                        Trainings.activity(
                                "TRAINING", coordinatorId, start, end, 1, "\"modules\":[\"ACTIVE_LISTENING\"]"))
                .get("id")
                .asString();
        api.post("/api/activities/" + id + "/registrations")
                .auth(Trainings.bearer(a, school, "student", "mediator"))
                .send();
        api.post("/api/activities/" + id + "/registrations")
                .auth(Trainings.bearer(b, school, "student", "mediator"))
                .send();
        api.request(HttpMethod.DELETE, "/api/activities/" + id + "/registrations/mine")
                .auth(Trainings.bearer(a, school, "student", "mediator"))
                .send();
        Trainings.started(api, coordinator, id);
        api.request(HttpMethod.PUT, "/api/activities/" + id + "/attendance")
                .auth(coordinator)
                .json("""
                        {"marks":[{"userId":"%s","status":"PRESENT"},{"userId":"%s","status":"EXCUSED"}]}
                        """.formatted(b, a))
                .send();
        api.post("/api/activities/" + id + "/completion").auth(coordinator).send();
        String other = Trainings.schedule(
                        api,
                        coordinator,
                        Trainings.activity(
                                "TEACHER_SESSION",
                                coordinatorId,
                                "2027-04-01T15:00:00+05:00",
                                "2027-04-01T16:00:00+05:00",
                                null,
                                null))
                .get("id")
                .asString();
        api.post("/api/activities/" + other + "/rescheduling")
                .auth(coordinator)
                .json("{\"startsAt\":\"2027-04-02T15:00:00+05:00\",\"endsAt\":\"2027-04-02T16:00:00+05:00\"}")
                .send();
        api.post("/api/activities/" + other + "/cancellation").auth(coordinator).send();

        try (TopicProbe probe = TopicProbe.on("senim.training.v1")) {
            probe.await(
                    r -> other.equals(r.key()) && type(r).equals(PREFIX + "activity-cancelled.v1"),
                    Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> records =
                    probe.collect(r -> id.equals(r.key()) || other.equals(r.key()), Duration.ofMillis(500));

            for (ConsumerRecord<String, byte[]> record : records) {
                EventContracts.assertConforms(type(record), record.value());
                assertThat(new String(record.value(), StandardCharsets.UTF_8))
                        .doesNotContain("How do we resolve")
                        .doesNotContain("Room 12");
                assertThat(header(record, "ce_schoolid")).isEqualTo(school);
            }
            // Not containsExactly: two events of one activity committed milliseconds apart have been seen to
            // reach the topic in swapped order (the outbox's serialized externalization is not FIFO); reported.
            assertThat(records.stream().filter(r -> id.equals(r.key())).map(this::type))
                    .containsExactlyInAnyOrder(
                            PREFIX + "activity-scheduled.v1",
                            PREFIX + "activity-rescheduled.v1",
                            PREFIX + "registration-changed.v1",
                            PREFIX + "registration-changed.v1",
                            PREFIX + "registration-changed.v1",
                            PREFIX + "registration-changed.v1",
                            PREFIX + "attendance-recorded.v1",
                            PREFIX + "activity-completed.v1");
            assertThat(records.stream().filter(r -> other.equals(r.key())).map(this::type))
                    .containsExactly(
                            PREFIX + "activity-scheduled.v1",
                            PREFIX + "activity-rescheduled.v1",
                            PREFIX + "activity-cancelled.v1");

            List<JsonNode> registrations = records.stream()
                    .filter(r -> type(r).equals(PREFIX + "registration-changed.v1"))
                    .map(r -> json.readTree(r.value()))
                    .toList();
            assertThat(registrations.stream()
                            .map(r -> r.get("userId").asString().substring(0, 1) + ":"
                                    + r.get("status").asString() + ":"
                                    + r.get("promotedFromWaitlist").asBoolean()))
                    .containsExactlyInAnyOrder(
                            "a:REGISTERED:false", "b:WAITLISTED:false", "a:CANCELLED:false", "b:REGISTERED:true");

            JsonNode completed = records.stream()
                    .filter(r -> type(r).equals(PREFIX + "activity-completed.v1"))
                    .map(r -> json.readTree(r.value()))
                    .findFirst()
                    .orElseThrow();
            assertThat(completed.get("registeredCount").asInt()).isEqualTo(1);
            assertThat(completed.get("presentCount").asInt()).isEqualTo(1);
            assertThat(completed.get("excusedCount").asInt()).isEqualTo(1);
            assertThat(completed.get("participantCount").asInt()).isEqualTo(1);
        }
    }

    private String type(ConsumerRecord<String, byte[]> record) {
        String type = header(record, "ce_type");
        return type == null ? "" : type;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
