package kz.senim.cases.mediation;

import static kz.senim.cases.mediation.CaseFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import kz.senim.cases.MovableClock;
import kz.senim.cases.mediation.CaseFixture.Case;
import kz.senim.contracts.EventContracts;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Orientation to the future: on the follow-up date the case comes back to its team by itself. */
@SenimIntegrationTest
@Import(MovableClock.Config.class)
class FollowUpReminderIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    FollowUpReminder reminder;

    @Test
    void on_the_follow_up_date_the_case_moves_to_follow_up_once_and_the_team_is_told() {
        ServiceApi api = ServiceApi.at(port);
        CaseFixture school = new CaseFixture(api, jdbc);
        Case c = school.inMediation();
        ok(api.post(c.path() + "/agreement/signatures")
                .auth(school.asStudent(school.alua))
                .send());
        ok(api.post(c.path() + "/agreement/signatures")
                .auth(school.asStudent(school.bekzat))
                .send());

        reminder.remindDue();
        assertThat(status(api, school, c)).isEqualTo("AGREEMENT_REACHED");

        clock.advance(Duration.ofDays(14).plusHours(20));
        reminder.remindDue();
        reminder.remindDue();

        assertThat(status(api, school, c)).isEqualTo("FOLLOW_UP");
        try (TopicProbe probe = TopicProbe.on("senim.cases.v1")) {
            ConsumerRecord<String, byte[]> due = probe.await(
                    r -> c.id().equals(r.key()) && type(r).endsWith("follow-up-due.v1"), Duration.ofSeconds(30));
            EventContracts.assertConforms(type(due), due.value());
            assertThat(probe.collect(
                            r -> c.id().equals(r.key()) && type(r).endsWith("follow-up-due.v1"), Duration.ofSeconds(1)))
                    .as("moved once")
                    .hasSize(1);
        }
        JsonNode trail =
                api.get(c.path() + "/audit").auth(school.asCoordinator()).send().json();
        assertThat(trail.valueStream().map(e -> e.get("actorId").asString())).contains("senim:follow-up-reminder");
    }

    @Test
    void the_follow_up_comes_after_the_days_the_school_set_when_the_agreement_was_signed() {
        ServiceApi api = ServiceApi.at(port);
        CaseFixture quick = new CaseFixture(api, jdbc);
        CaseFixture defaults = new CaseFixture(api, jdbc);
        Case soon = quick.inMediation();
        Case later = defaults.inMediation();
        ok(api.request(org.springframework.http.HttpMethod.PUT, "/api/cases/settings")
                .auth(quick.asCoordinator())
                .json("""
                        {"mediatorsPerCase":2,"followUpDays":3,"retentionDays":365,"timeZone":"Asia/Almaty"}
                        """)
                .send());
        for (var signed : java.util.Map.of(quick, soon, defaults, later).entrySet()) {
            for (String student : java.util.List.of(signed.getKey().alua, signed.getKey().bekzat)) {
                ok(api.post(signed.getValue().path() + "/agreement/signatures")
                        .auth(signed.getKey().asStudent(student))
                        .send());
            }
        }

        clock.advance(Duration.ofDays(3).plusHours(20));
        reminder.remindDue();

        assertThat(status(api, quick, soon)).isEqualTo("FOLLOW_UP");
        assertThat(status(api, defaults, later)).isEqualTo("AGREEMENT_REACHED");
    }

    private static String status(ServiceApi api, CaseFixture school, Case c) {
        return api.get(c.path())
                .auth(school.asCoordinator())
                .send()
                .json()
                .get("status")
                .asString();
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
