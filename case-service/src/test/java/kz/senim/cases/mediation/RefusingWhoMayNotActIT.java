package kz.senim.cases.mediation;

import static kz.senim.cases.mediation.CaseFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import kz.senim.cases.mediation.CaseFixture.Case;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Someone who may see a case but not give a command (a mediator signing for a party, a party doing the
 * team's work) is refused as 403 with the rule's reason; a command the case's state refuses stays a 409.
 */
@SenimIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusingWhoMayNotActIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CaseFixture school;
    ServiceApi api;

    @BeforeAll
    void aSchool() {
        api = ServiceApi.at(port);
        school = new CaseFixture(api, jdbc);
    }

    @Test
    void acting_for_another_or_outside_ones_role_is_forbidden_with_the_rule_named() {
        Case c = school.inMediation();
        long before = school.version(c);

        JsonNode signedForAParty = api.post(c.path() + "/agreement/signatures")
                .auth(school.asMediator(school.dana))
                .send()
                .problem(403);
        assertThat(signedForAParty.get("reason").asString()).isEqualTo("nobody-signs-for-another");
        assertThat(signedForAParty.get("detail").asString()).isNotBlank();
        assertThat(api.post(c.path() + "/sessions/" + c.session() + "/cancellation")
                        .auth(school.asStudent(school.alua))
                        .send()
                        .problem(403)
                        .get("reason")
                        .asString())
                .isEqualTo("case-team-only");
        assertThat(api.post(c.path() + "/withdrawal")
                        .auth(school.asMediator(school.dana))
                        .send()
                        .problem(403)
                        .get("reason")
                        .asString())
                .isEqualTo("only-a-party-withdraws");
        assertThat(school.version(c)).as("nothing changed").isEqualTo(before);
    }

    @Test
    void consenting_for_another_party_is_forbidden() {
        Case c = school.inMediation();
        // Back to AWAITING_CONSENT: a new team asks again.
        ok(api.request(HttpMethod.DELETE, c.path() + "/mediators/" + school.erlan)
                .auth(school.asCoordinator())
                .send());
        ok(api.post(c.path() + "/mediators")
                .auth(school.asCoordinator())
                .json("{\"userId\":\"" + school.spareMediator + "\"}")
                .send());
        ok(api.post(c.path() + "/consent-request")
                .auth(school.asMediator(school.dana))
                .send());

        assertThat(api.post(c.path() + "/consents")
                        .auth(school.asStudent(school.alua))
                        .json("{\"partyId\":\"%s\",\"given\":true}".formatted(c.bekzatParty()))
                        .send()
                        .problem(403)
                        .get("reason")
                        .asString())
                .isEqualTo("nobody-consents-for-another");
    }

    @Test
    void closing_a_closed_case_is_refused_because_it_is_closed() {
        Case c = school.inMediation();
        ok(api.post(c.path() + "/withdrawal")
                .auth(school.asStudent(school.bekzat))
                .send());

        assertThat(api.post(c.path() + "/closure")
                        .auth(school.asCoordinator())
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("case-not-open");
    }
}
