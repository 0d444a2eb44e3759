package kz.senim.training.plans;

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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The annual plan follows its activities: completion of the year, and each status change published. */
@SenimIntegrationTest
class AnnualPlanIT {

    static final String CHANGED = "kz.senim.training.plan-item-status-changed.v1";
    static final String CREATED = "kz.senim.training.plan-item-created.v1";

    @LocalServerPort
    int port;

    @Test
    void items_follow_their_activities_and_the_year_is_completed_step_by_step() {
        ServiceApi api = ServiceApi.at(port);
        String school = Trainings.newSchool();
        String coordinatorId = "coord-" + UUID.randomUUID();
        String coordinator = Trainings.bearer(coordinatorId, school, "coordinator");
        String start = OffsetDateTime.now().minusHours(2).withNano(0).toString();
        String end = OffsetDateTime.now().minusHours(1).withNano(0).toString();
        String lesson1 = Trainings.schedule(
                        api, coordinator, Trainings.activity("PEER_LESSON", coordinatorId, start, end, null, null))
                .get("id")
                .asString();
        String lesson2 = Trainings.schedule(
                        api, coordinator, Trainings.activity("PEER_LESSON", coordinatorId, start, end, null, null))
                .get("id")
                .asString();
        String item = add(api, coordinator, coordinatorId, "[\"%s\",\"%s\"]".formatted(lesson1, lesson2));
        String manual = add(api, coordinator, coordinatorId, "[]");
        String dropped = add(api, coordinator, coordinatorId, "[]");

        assertThat(percentage(api, coordinator)).isZero();
        api.post("/api/activities/" + lesson1 + "/completion").auth(coordinator).send();
        assertThat(status(api, coordinator, item)).isEqualTo("PARTLY_DONE");
        api.post("/api/activities/" + lesson2 + "/completion").auth(coordinator).send();
        assertThat(status(api, coordinator, item)).isEqualTo("DONE");
        assertThat(percentage(api, coordinator)).isEqualTo(33);

        ServiceApi.Answer reported = api.post("/api/plans/2026-2027/items/" + manual + "/report")
                .auth(coordinator)
                .json("{\"status\":\"PARTLY_DONE\"}")
                .send();
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        api.post("/api/plans/2026-2027/items/" + dropped + "/cancellation")
                .auth(coordinator)
                .send();
        JsonNode plan = api.get("/api/plans/2026-2027")
                .auth(Trainings.bearer("t", school, "teacher"))
                .send()
                .json();
        assertThat(plan.get("completion").get("percentage").asInt()).isEqualTo(75);
        assertThat(plan.get("completion").get("cancelled").asInt()).isEqualTo(1);

        assertThat(api.post("/api/plans/2026-2027/items/" + item + "/report")
                        .auth(coordinator)
                        .json("{\"status\":\"DONE\"}")
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("status-derived-from-activities");

        try (TopicProbe probe = TopicProbe.on("senim.training.v1")) {
            probe.await(r -> dropped.equals(r.key()) && CHANGED.equals(type(r)), Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> records = probe.collect(
                    r -> item.equals(r.key()) || manual.equals(r.key()) || dropped.equals(r.key()),
                    Duration.ofMillis(500));
            JsonMapper json = JsonMapper.builder().build();
            for (ConsumerRecord<String, byte[]> record : records) {
                EventContracts.assertConforms(type(record), record.value());
            }
            List<ConsumerRecord<String, byte[]>> created =
                    records.stream().filter(r -> CREATED.equals(type(r))).toList();
            assertThat(created).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(item, manual, dropped);
            assertThat(created)
                    .allSatisfy(r -> assertThat(
                                    json.readTree(r.value()).get("status").asString())
                            .isEqualTo("PLANNED"));
            List<ConsumerRecord<String, byte[]>> changes = records.stream()
                    .filter(r -> CHANGED.equals(type(r)) && !dropped.equals(r.key()))
                    .toList();
            assertThat(changes.stream()
                            .filter(r -> item.equals(r.key()))
                            .map(r -> json.readTree(r.value()).get("status").asString()))
                    .containsExactlyInAnyOrder("PARTLY_DONE", "DONE");
            assertThat(new String(changes.getFirst().value(), StandardCharsets.UTF_8))
                    .doesNotContain("Peer lessons for grades 1-9");
        }
    }

    /**
     * Analytics counts a plan's items from the events alone: an item is announced when it is added, with the status
     * its activities already give it and the year's completion with it (it was invisible until its status changed).
     */
    @Test
    void an_added_item_is_published_with_its_status_and_the_completion_of_the_year_with_it() {
        ServiceApi api = ServiceApi.at(port);
        String school = Trainings.newSchool();
        String coordinatorId = "coord-" + UUID.randomUUID();
        String coordinator = Trainings.bearer(coordinatorId, school, "coordinator");
        String start = OffsetDateTime.now().minusHours(2).withNano(0).toString();
        String end = OffsetDateTime.now().minusHours(1).withNano(0).toString();
        String lesson = Trainings.schedule(
                        api, coordinator, Trainings.activity("PEER_LESSON", coordinatorId, start, end, null, null))
                .get("id")
                .asString();
        api.post("/api/activities/" + lesson + "/completion").auth(coordinator).send();

        try (TopicProbe probe = TopicProbe.on("senim.training.v1")) {
            String done = add(api, coordinator, coordinatorId, "[\"" + lesson + "\"]");
            String planned = add(api, coordinator, coordinatorId, "[]");

            JsonMapper json = JsonMapper.builder().build();
            ConsumerRecord<String, byte[]> first =
                    probe.await(r -> done.equals(r.key()) && CREATED.equals(type(r)), Duration.ofSeconds(30));
            ConsumerRecord<String, byte[]> second =
                    probe.await(r -> planned.equals(r.key()) && CREATED.equals(type(r)), Duration.ofSeconds(30));
            EventContracts.assertConforms(CREATED, first.value());
            EventContracts.assertConforms(CREATED, second.value());
            JsonNode doneEvent = json.readTree(first.value());
            assertThat(doneEvent.get("status").asString()).isEqualTo("DONE");
            assertThat(doneEvent.get("completionPercentage").asInt()).isEqualTo(100);
            assertThat(doneEvent.get("schoolYear").asString()).isEqualTo("2026-2027");
            assertThat(doneEvent.get("month").asString()).isEqualTo("2026-11");
            JsonNode plannedEvent = json.readTree(second.value());
            assertThat(plannedEvent.get("status").asString()).isEqualTo("PLANNED");
            assertThat(plannedEvent.get("completionPercentage").asInt()).isEqualTo(50);
            assertThat(plannedEvent.get("completionPercentage").asInt()).isEqualTo(percentage(api, coordinator));
            assertThat(new String(second.value(), StandardCharsets.UTF_8))
                    .doesNotContain("Peer lessons for grades 1-9")
                    .doesNotContain(coordinatorId);
        }
    }

    @Test
    void a_month_outside_the_school_year_or_another_schools_activity_is_a_field_error() {
        ServiceApi api = ServiceApi.at(port);
        String school = Trainings.newSchool();
        String coordinator = Trainings.bearer("c-" + UUID.randomUUID(), school, "coordinator");
        String strangerId = "x-" + UUID.randomUUID();
        String stranger = Trainings.bearer(strangerId, Trainings.newSchool(), "coordinator");
        String theirs = Trainings.schedule(
                        api,
                        stranger,
                        Trainings.activity(
                                "TRAINING",
                                strangerId,
                                "2027-02-01T10:00:00+05:00",
                                "2027-02-01T11:00:00+05:00",
                                null,
                                null))
                .get("id")
                .asString();

        JsonNode month = api.post("/api/plans/2026-2027/items")
                .auth(coordinator)
                .json(body("2028-01", "[]"))
                .send()
                .problem(400);
        assertThat(month.get("errors").get(0).get("field").asString()).isEqualTo("month");
        JsonNode activity = api.post("/api/plans/2026-2027/items")
                .auth(coordinator)
                .json(body("2026-10", "[\"" + theirs + "\"]"))
                .send()
                .problem(400);
        assertThat(activity.get("errors").get(0).get("field").asString()).isEqualTo("activityIds[0]");
    }

    @Test
    void a_school_year_is_one_year_and_the_next_like_everywhere_on_the_platform() {
        ServiceApi api = ServiceApi.at(port);
        String coordinator = Trainings.bearer("coord-" + UUID.randomUUID(), Trainings.newSchool(), "coordinator");
        for (String path : List.of("/api/plans/2026-2030", "/api/plans/2026-2030/items", "/api/plans/2026/items")) {
            JsonNode problem = api.get(path).auth(coordinator).send().problem(400);
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("schoolYear");
            assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("schoolYear.format");
        }
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }

    private static String body(String month, String activities) {
        return """
                {"direction":"Prevention","description":"Peer lessons for grades 1-9","month":"%s",
                 "responsibleUserId":"someone","activityIds":%s}
                """.formatted(month, activities);
    }

    private static String add(ServiceApi api, String coordinator, String responsible, String activities) {
        ServiceApi.Answer answer = api.post("/api/plans/2026-2027/items")
                .auth(coordinator)
                .json(body("2026-11", activities).replace("someone", responsible))
                .send();
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    private static String status(ServiceApi api, String coordinator, String item) {
        return api.get("/api/plans/2026-2027/items/" + item)
                .auth(coordinator)
                .send()
                .json()
                .get("status")
                .asString();
    }

    private static int percentage(ServiceApi api, String coordinator) {
        return api.get("/api/plans/2026-2027")
                .auth(coordinator)
                .send()
                .json()
                .get("completion")
                .get("percentage")
                .asInt();
    }
}
