package kz.senim.cases.mediation;

import static kz.senim.cases.mediation.CaseFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.senim.cases.MembershipFeed;
import kz.senim.contracts.EventContracts;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import kz.senim.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A student names the other side of a conflict by name (they know nobody's account); a coordinator
 * links that name to the person of the directory, who then answers through their own login. Choosing
 * the team, a coordinator sees every club member and the neutrality rule that keeps each ineligible one
 * out.
 */
@SenimIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamingPartiesAndChoosingMediatorsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CaseFixture school;
    ServiceApi api;
    final String classmateOfAlua = "classmate-" + UUID.randomUUID();
    final String trainee = "trainee-" + UUID.randomUUID();

    @BeforeAll
    void aSchool() {
        api = ServiceApi.at(port);
        school = new CaseFixture(api, jdbc);
        try (MembershipFeed feed = new MembershipFeed(jdbc)) {
            feed.certifiedMediator(school.school, classmateOfAlua, 7, "A");
            feed.student(school.school, trainee, 10, "C");
            feed.member("member-admitted", school.school, trainee, "TRAINEE");
        }
    }

    @Test
    void a_party_named_by_a_student_is_identified_by_a_coordinator_and_then_consents_through_their_own_login() {
        JsonNode asked = askedByAluaNamingBekzat();
        String path = "/api/cases/" + asked.get("id").asString();
        String named = namedParty(asked);

        assertThat(api.post(path + "/parties/" + named + "/identification")
                        .auth(school.asStudent(school.alua))
                        .json("{\"userId\":\"" + school.bekzat + "\"}")
                        .send()
                        .status())
                .as("only a coordinator identifies a party")
                .isEqualTo(403);
        assertThat(api.get(path).auth(school.asStudent(school.bekzat)).send().status())
                .as("before identification, the named person cannot see the case")
                .isEqualTo(404);
        assertThat(api.post(path + "/parties/" + named + "/identification")
                        .auth(school.asCoordinator())
                        .json("{\"userId\":\"nobody-" + UUID.randomUUID() + "\"}")
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("party-not-in-directory");
        assertThat(api.post(path + "/parties/" + named + "/identification")
                        .auth(school.asCoordinator())
                        .json("{\"userId\":\"" + school.alua + "\"}")
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .as("the asker is already a party")
                .isEqualTo("party-listed-twice");

        JsonNode identified = ok(api.post(path + "/parties/" + named + "/identification")
                .auth(school.asCoordinator())
                .json("{\"userId\":\"" + school.bekzat + "\"}")
                .send());
        JsonNode party = partyById(identified, named);
        assertThat(party.get("userId").asString()).isEqualTo(school.bekzat);
        assertThat(party.get("grade").asInt()).isEqualTo(7);
        assertThat(party.get("adult").asBoolean()).isFalse();
        assertThat(api.post(path + "/parties/" + named + "/identification")
                        .auth(school.asCoordinator())
                        .json("{\"userId\":\"" + school.outsider + "\"}")
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("party-already-identified");

        JsonNode seenByBekzat =
                ok(api.get(path).auth(school.asStudent(school.bekzat)).send());
        assertThat(partyById(seenByBekzat, named).get("you").asBoolean()).isTrue();
        assertThat(seenByBekzat.has("description"))
                .as("the named party did not submit the request")
                .isFalse();
        JsonNode listed =
                ok(api.get("/api/cases").auth(school.asStudent(school.bekzat)).send());
        assertThat(listed.get("content").valueStream().map(c -> c.get("id").asString()))
                .contains(asked.get("id").asString());

        ok(api.post(path + "/triage")
                .auth(school.asCoordinator())
                .json("{\"decision\":\"ACCEPT_FOR_PEER_MEDIATION\",\"reason\":\"classmates\"}")
                .send());
        ok(api.post(path + "/mediators")
                .auth(school.asCoordinator())
                .json(user(school.dana))
                .send());
        ok(api.post(path + "/mediators")
                .auth(school.asCoordinator())
                .json(user(school.erlan))
                .send());
        ok(api.post(path + "/consent-request")
                .auth(school.asMediator(school.dana))
                .send());
        JsonNode consented = ok(api.post(path + "/consents")
                .auth(school.asStudent(school.bekzat))
                .json("{\"partyId\":\"" + named + "\",\"given\":true}")
                .send());
        assertThat(consented.get("status").asString()).isEqualTo("AWAITING_CONSENT");
    }

    @Test
    void a_party_in_the_class_of_an_assigned_mediator_is_not_identified() {
        JsonNode asked = askedByAluaNamingBekzat();
        String path = "/api/cases/" + asked.get("id").asString();
        ok(api.post(path + "/triage")
                .auth(school.asCoordinator())
                .json("{\"decision\":\"ACCEPT_FOR_PEER_MEDIATION\",\"reason\":\"classmates\"}")
                .send());
        // dana is in 9A; a party from 9A would make her a classmate of a party.
        ok(api.post(path + "/mediators")
                .auth(school.asCoordinator())
                .json(user(school.dana))
                .send());
        String nineA = "nine-a-" + UUID.randomUUID();
        try (MembershipFeed feed = new MembershipFeed(jdbc)) {
            feed.student(school.school, nineA, 9, "A");
        }

        assertThat(api.post(path + "/parties/" + namedParty(asked) + "/identification")
                        .auth(school.asCoordinator())
                        .json(user(nineA))
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("mediator-in-party-class");
    }

    @Test
    void a_coordinator_sees_every_club_member_with_the_rule_that_keeps_an_ineligible_one_out() {
        JsonNode asked = askedByAluaNamingBekzat();
        String path = "/api/cases/" + asked.get("id").asString();
        ok(api.post(path + "/triage")
                .auth(school.asCoordinator())
                .json("{\"decision\":\"ACCEPT_FOR_PEER_MEDIATION\",\"reason\":\"classmates\"}")
                .send());
        ok(api.post(path + "/mediators")
                .auth(school.asCoordinator())
                .json(user(school.erlan))
                .send());
        ok(api.post(path + "/conflict-of-interest")
                .auth(school.asMediator(school.erlan))
                .send());

        JsonNode candidates = ok(api.get(path + "/mediator-candidates")
                .auth(school.asCoordinator())
                .send());

        Map<String, String> reasons = candidates
                .valueStream()
                .collect(Collectors.toMap(
                        c -> c.get("userId").asString(),
                        c -> c.get("eligible").asBoolean()
                                ? "eligible"
                                : c.get("reason").asString()));
        assertThat(reasons)
                .containsEntry(school.dana, "eligible")
                .containsEntry(school.spareMediator, "eligible")
                .containsEntry(classmateOfAlua, "mediator-in-party-class")
                .containsEntry(school.erlan, "mediator-conflict-of-interest")
                .containsEntry(trainee, "mediator-not-certified");
        List<String> eligible = api.get(path + "/eligible-mediators")
                .auth(school.asCoordinator())
                .send()
                .json()
                .valueStream()
                .map(m -> m.get("userId").asString())
                .toList();
        assertThat(eligible)
                .as("the eligible ones are the same as eligible-mediators answers")
                .containsExactlyInAnyOrderElementsOf(reasons.entrySet().stream()
                        .filter(e -> e.getValue().equals("eligible"))
                        .map(Map.Entry::getKey)
                        .toList());
        assertThat(candidates.get(0).get("eligible").asBoolean())
                .as("eligible ones first")
                .isTrue();

        assertThat(api.get(path + "/mediator-candidates")
                        .auth(school.asMediator(school.dana))
                        .send()
                        .status())
                .isEqualTo(403);
        String otherCoordinator = TestJwts.user("coordinator-" + UUID.randomUUID())
                .roles("coordinator")
                .school(school.otherSchool)
                .bearer();
        assertThat(api.get(path + "/mediator-candidates")
                        .auth(otherCoordinator)
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void a_party_identified_as_a_teacher_takes_a_peer_case_to_the_coordinators_and_the_young_mediators_off_it() {
        JsonNode asked = askedByAluaNamingBekzat();
        String id = asked.get("id").asString();
        String path = "/api/cases/" + id;
        String named = namedParty(asked);
        ok(api.post(path + "/triage")
                .auth(school.asCoordinator())
                .json("{\"decision\":\"ACCEPT_FOR_PEER_MEDIATION\",\"reason\":\"two students\"}")
                .send());
        for (String mediator : List.of(school.dana, school.erlan)) {
            ok(api.post(path + "/mediators")
                    .auth(school.asCoordinator())
                    .json("{\"userId\":\"" + mediator + "\"}")
                    .send());
        }

        JsonNode identified = ok(api.post(path + "/parties/" + named + "/identification")
                .auth(school.asCoordinator())
                .json("{\"userId\":\"" + school.teacher + "\"}")
                .send());

        assertThat(partyById(identified, named).get("adult").asBoolean()).isTrue();
        assertThat(identified.get("triage").get("mediatedBy").asString()).isEqualTo("COORDINATORS");
        assertThat(identified.get("triage").get("escalated").asBoolean()).isFalse();
        assertThat(identified.get("mediators")).isEmpty();
        assertThat(identified.get("status").asString()).isEqualTo("TRIAGED");
        api.get(path).auth(school.asMediator(school.dana)).send().problem(404);
        assertThat(api.post(path + "/mediators")
                        .auth(school.asCoordinator())
                        .json("{\"userId\":\"" + school.dana + "\"}")
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("peer-mediation-not-allowed");
        JsonNode candidates = ok(api.get(path + "/mediator-candidates")
                .auth(school.asCoordinator())
                .send());
        assertThat(candidates.valueStream().map(c -> c.get("userId").asString()))
                .as("coordinators mediate it now")
                .contains(school.coordinator)
                .doesNotContain(school.dana, school.erlan);
        ok(api.post(path + "/mediators")
                .auth(school.asCoordinator())
                .json("{\"userId\":\"" + school.coordinator + "\"}")
                .send());
        try (TopicProbe probe = TopicProbe.on("senim.cases.v1")) {
            List<ConsumerRecord<String, byte[]>> unassigned = List.of(
                    probe.await(r -> id.equals(r.key()) && unassigned(r, school.dana), Duration.ofSeconds(30)),
                    probe.await(r -> id.equals(r.key()) && unassigned(r, school.erlan), Duration.ofSeconds(30)));
            for (ConsumerRecord<String, byte[]> record : unassigned) {
                EventContracts.assertConforms(type(record), record.value());
                assertThat(new String(record.value(), StandardCharsets.UTF_8))
                        .contains("\"reason\":\"BY_COORDINATOR\"")
                        .doesNotContain(school.teacher);
            }
        }
    }

    private static boolean unassigned(ConsumerRecord<String, byte[]> record, String mediator) {
        return type(record).endsWith("mediator-unassigned.v1")
                && new String(record.value(), StandardCharsets.UTF_8).contains(mediator);
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }

    private JsonNode askedByAluaNamingBekzat() {
        var submitted = api.post("/api/cases")
                .auth(school.asStudent(school.alua))
                .json("""
                        {"description":"%s","parties":[{"userId":"%s"},{"name":"Bekzat from 7B","adult":false,"grade":7}]}
                        """.formatted(CaseFixture.DESCRIPTION, school.alua))
                .send();
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.json();
    }

    private static String namedParty(JsonNode view) {
        return view.get("parties")
                .valueStream()
                .filter(p -> !p.has("userId"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
    }

    private static JsonNode partyById(JsonNode view, String id) {
        return view.get("parties")
                .valueStream()
                .filter(p -> id.equals(p.get("id").asString()))
                .findFirst()
                .orElseThrow();
    }

    private static String user(String id) {
        return "{\"userId\":\"" + id + "\"}";
    }
}
