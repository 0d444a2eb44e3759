package kz.senim.cases.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import kz.senim.cases.MembershipFeed;
import kz.senim.test.ServiceApi;
import kz.senim.test.ServiceApi.Answer;
import kz.senim.test.TestJwts;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A fictional school for HTTP tests, with its people in case-service's read model, and cases
 * brought through the API to a given point. Every confidential text is a distinctive marker, so
 * a test can see whether it leaked.
 */
final class CaseFixture {

    static final String DESCRIPTION = "MARKER-DESCRIPTION seat by the window";
    static final String TRIAGE_REASON = "MARKER-TRIAGE-REASON two classmates";
    static final String CONSENT_NOTE = "MARKER-CONSENT-NOTE said yes in room 204";
    static final String NOTES = "MARKER-NOTES both felt unheard";
    static final String COMMITMENT = "MARKER-COMMITMENT I will ask first";
    static final List<String> CONFIDENTIAL = List.of(DESCRIPTION, TRIAGE_REASON, CONSENT_NOTE, NOTES, COMMITMENT);

    final String school = "school-" + UUID.randomUUID().toString().substring(0, 8);
    final String otherSchool = "school-" + UUID.randomUUID().toString().substring(0, 8);
    final String alua = "alua-" + UUID.randomUUID();
    final String bekzat = "bekzat-" + UUID.randomUUID();
    final String dana = "dana-" + UUID.randomUUID();
    final String erlan = "erlan-" + UUID.randomUUID();
    final String spareMediator = "spare-" + UUID.randomUUID();
    final String coordinator = "coordinator-" + UUID.randomUUID();
    final String teacher = "teacher-" + UUID.randomUUID();
    final String parent = "parent-" + UUID.randomUUID();
    final String outsider = "outsider-" + UUID.randomUUID();

    final ServiceApi api;

    CaseFixture(ServiceApi api, JdbcClient jdbc) {
        this.api = api;
        try (MembershipFeed feed = new MembershipFeed(jdbc)) {
            feed.student(school, alua, 7, "A");
            feed.student(school, bekzat, 7, "B");
            feed.student(school, outsider, 8, "C");
            feed.certifiedMediator(school, dana, 9, "A");
            feed.certifiedMediator(school, erlan, 10, "B");
            feed.certifiedMediator(school, spareMediator, 11, "A");
            feed.person(school, coordinator, "coordinator", null, null, List.of());
            feed.person(school, teacher, "teacher", null, null, List.of());
            feed.person(school, parent, "parent", null, null, List.of(alua));
        }
    }

    String asCoordinator() {
        return TestJwts.user(coordinator).roles("coordinator").school(school).bearer();
    }

    String asStudent(String id) {
        return TestJwts.user(id).roles("student").school(school).bearer();
    }

    String asMediator(String id) {
        return TestJwts.user(id).roles("student", "mediator").school(school).bearer();
    }

    String asTeacher() {
        return TestJwts.user(teacher).roles("teacher").school(school).bearer();
    }

    /** A case a teacher referred (so the teacher is not a party), brought to IN_MEDIATION with a session, notes and an unsigned agreement. */
    Case inMediation() {
        Answer submitted = api.post("/api/cases")
                .auth(asTeacher())
                .json("""
                        {"description":"%s","parties":[{"userId":"%s"},{"userId":"%s"}]}
                        """.formatted(DESCRIPTION, alua, bekzat))
                .send();
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        String path = "/api/cases/" + id;
        ok(api.post(path + "/triage")
                .auth(asCoordinator())
                .json("""
                {"decision":"ACCEPT_FOR_PEER_MEDIATION","reason":"%s"}
                """.formatted(TRIAGE_REASON))
                .send());
        ok(api.post(path + "/mediators")
                .auth(asCoordinator())
                .json("{\"userId\":\"" + dana + "\"}")
                .send());
        ok(api.post(path + "/mediators")
                .auth(asCoordinator())
                .json("{\"userId\":\"" + erlan + "\"}")
                .send());
        JsonNode asked =
                ok(api.post(path + "/consent-request").auth(asMediator(dana)).send());
        String aluaParty = party(asked, alua);
        String bekzatParty = party(asked, bekzat);
        ok(api.post(path + "/consents")
                .auth(asStudent(alua))
                .json("{\"partyId\":\"%s\",\"given\":true}".formatted(aluaParty))
                .send());
        ok(api.post(path + "/consents")
                .auth(asCoordinator())
                .json("{\"partyId\":\"%s\",\"given\":true,\"note\":\"%s\"}".formatted(bekzatParty, CONSENT_NOTE))
                .send());
        JsonNode scheduled = ok(api.post(path + "/sessions")
                .auth(asMediator(dana))
                .json("""
                        {"kind":"INDIVIDUAL","startsAt":"2026-12-01T15:00:00+05:00","place":"Room 204","participants":["%s"]}
                        """.formatted(aluaParty))
                .send());
        String session = scheduled.get("sessions").get(0).get("id").asString();
        ok(api.request(HttpMethod.PUT, path + "/sessions/" + session + "/notes")
                .auth(asMediator(dana))
                .json("{\"notes\":\"%s\"}".formatted(NOTES))
                .send());
        JsonNode written = ok(api.request(HttpMethod.PUT, path + "/agreement")
                .auth(asMediator(dana))
                .json("""
                        {"commitments":[{"partyId":"%s","text":"%s"},{"partyId":"%s","text":"%s"}]}
                        """.formatted(aluaParty, COMMITMENT, bekzatParty, COMMITMENT))
                .send());
        assertThat(written.get("status").asString()).isEqualTo("IN_MEDIATION");
        return new Case(id, aluaParty, bekzatParty, session);
    }

    record Case(String id, String aluaParty, String bekzatParty, String session) {
        String path() {
            return "/api/cases/" + id;
        }
    }

    long version(Case c) {
        Answer answer = api.get(c.path()).auth(asCoordinator()).send();
        return Long.parseLong(answer.headers().getETag().replace("\"", ""));
    }

    static JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    static String party(JsonNode view, String userId) {
        return view.get("parties")
                .valueStream()
                .filter(p -> userId.equals(p.path("userId").asString()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
    }
}
