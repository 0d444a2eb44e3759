package kz.senim.cases.mediation;

import static kz.senim.cases.mediation.CaseFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import kz.senim.cases.MovableClock;
import kz.senim.cases.mediation.CaseFixture.Case;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Retention against the real database: the purge removes the text from the rows after the school's
 * retention period, a legal hold keeps it.
 */
@SenimIntegrationTest
@Import(MovableClock.Config.class)
class RetentionPurgeIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    RetentionPurge purge;

    @Test
    void a_year_after_closure_the_text_is_gone_from_the_rows_unless_on_legal_hold() {
        ServiceApi api = ServiceApi.at(port);
        CaseFixture school = new CaseFixture(api, jdbc);
        Case purged = school.inMediation();
        Case held = school.inMediation();
        for (Case c : List.of(purged, held)) {
            ok(api.post(c.path() + "/no-agreement")
                    .auth(school.asMediator(school.dana))
                    .send());
            ok(api.post(c.path() + "/closure")
                    .auth(school.asMediator(school.dana))
                    .send());
        }
        JsonNode hold = ok(api.post(held.path() + "/legal-hold")
                .auth(school.asCoordinator())
                .send());
        assertThat(hold.get("legalHold").asBoolean()).isTrue();

        clock.advance(Duration.ofDays(366));
        purge.purgeDue();

        List<String> raw = row(purged);
        assertThat(raw.get(0)).isNull();
        assertThat(raw.get(1)).isNull();
        assertThat(raw.get(2)).as("no sealed session notes remain").doesNotContain("senim:v1:");
        JsonNode view = ok(api.get(purged.path()).auth(school.asCoordinator()).send());
        assertThat(view.has("description")).isFalse();
        assertThat(view.get("sessions").get(0).has("notes")).isFalse();
        assertThat(view.get("agreement").get("commitments").get(0).get("text").asString())
                .isEqualTo("—");
        assertThat(view.get("outcome").asString()).isEqualTo("NO_AGREEMENT");
        assertThat(view.get("purgedAt")).isNotNull();
        CaseFixture.CONFIDENTIAL.forEach(text -> assertThat(view.toString()).doesNotContain(text));

        JsonNode kept = ok(api.get(held.path()).auth(school.asCoordinator()).send());
        assertThat(kept.get("description").asString()).isEqualTo(CaseFixture.DESCRIPTION);
        assertThat(row(held).get(0)).startsWith("senim:v1:");
    }

    @Test
    void each_school_keeps_the_text_for_its_own_number_of_days() {
        ServiceApi api = ServiceApi.at(port);
        CaseFixture shortRetention = new CaseFixture(api, jdbc);
        CaseFixture defaults = new CaseFixture(api, jdbc);
        ok(api.request(org.springframework.http.HttpMethod.PUT, "/api/cases/settings")
                .auth(shortRetention.asCoordinator())
                .json("""
                        {"mediatorsPerCase":2,"followUpDays":14,"retentionDays":30,"timeZone":"Asia/Almaty"}
                        """)
                .send());
        Case soon = closedWithoutAgreement(api, shortRetention);
        Case kept = closedWithoutAgreement(api, defaults);

        clock.advance(Duration.ofDays(31));
        purge.purgeDue();

        assertThat(row(soon).get(0)).isNull();
        assertThat(row(kept).get(0)).startsWith("senim:v1:");
    }

    private static Case closedWithoutAgreement(ServiceApi api, CaseFixture school) {
        Case c = school.inMediation();
        ok(api.post(c.path() + "/no-agreement")
                .auth(school.asMediator(school.dana))
                .send());
        ok(api.post(c.path() + "/closure").auth(school.asMediator(school.dana)).send());
        return c;
    }

    private List<String> row(Case c) {
        return jdbc.sql("""
                        select description, triage_reason, sessions::text, agreement::text
                        from mediation_case where id = cast(:id as uuid)
                        """)
                .param("id", c.id())
                .query((rs, n) ->
                        java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single();
    }
}
