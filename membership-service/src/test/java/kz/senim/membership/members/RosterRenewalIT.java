package kz.senim.membership.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.senim.membership.TestSchool;
import kz.senim.platform.SchoolYear;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The yearly rollover: continuing members carry over with their status, graduates become alumni. */
@SenimIntegrationTest(properties = "senim.membership.mediator-role-sync=false")
class RosterRenewalIT {

    @LocalServerPort
    int port;

    @Test
    void a_coordinator_renews_the_roster_into_the_next_year() {
        TestSchool school = TestSchool.register(ServiceApi.at(port));
        school.admit("r-10", 10);
        school.admit("r-11", 11);
        school.admit("r-9", 9);
        ServiceApi.Answer certified = school.api
                .post("/api/membership/members/r-10/certification")
                .auth(school.coordinator())
                .json("{\"note\":\"Led two simulations\"}")
                .send();
        assertThat(certified.json().get("status").asString()).isEqualTo("CERTIFIED");
        school.api
                .post("/api/membership/members/r-9/departure")
                .auth(school.coordinator())
                .send();

        JsonNode before = school.api
                .get("/api/membership/roster")
                .auth(school.coordinator())
                .send()
                .json();
        SchoolYear current = SchoolYear.parse(before.get("schoolYear").asString());
        assertThat(before.get("activeMembers").asInt()).isEqualTo(2);
        assertThat(before.get("members").get("totalElements").asInt()).isEqualTo(3);

        school.api
                .post("/api/membership/roster/renewals")
                .auth(school.coordinator())
                .json("{\"schoolYear\":\"%s\"}".formatted(current.next().next()))
                .send()
                .problem(409);

        JsonNode renewal = school.api
                .post("/api/membership/roster/renewals")
                .auth(school.coordinator())
                .json("{\"schoolYear\":\"%s\"}".formatted(current.next()))
                .send()
                .json();
        assertThat(renewal.get("continuing").asInt()).isEqualTo(1);
        assertThat(renewal.get("graduated").asInt()).isEqualTo(1);

        JsonNode next = school.api
                .get("/api/membership/roster")
                .auth(school.coordinator())
                .send()
                .json();
        assertThat(next.get("schoolYear").asString()).isEqualTo(current.next().toString());
        assertThat(next.get("members").get("content").get(0).get("userId").asString())
                .isEqualTo("r-10");
        assertThat(next.get("members").get("content").get(0).get("status").asString())
                .isEqualTo("CERTIFIED");
        assertThat(next.get("counts").get("CERTIFIED").asInt()).isEqualTo(1);
        JsonNode last = school.api
                .get("/api/membership/roster?year=" + current + "&status=ALUMNI")
                .auth(school.coordinator())
                .send()
                .json();
        assertThat(last.get("members").get("content").get(0).get("userId").asString())
                .isEqualTo("r-11");

        school.api
                .post("/api/membership/roster/renewals")
                .auth(school.coordinator())
                .json("{\"schoolYear\":\"%s\"}".formatted(current.next()))
                .send()
                .problem(409);

        List<ConsumerRecord<String, byte[]>> events = school.events(22);
        assertThat(TestSchool.types(events))
                .contains(
                        "kz.senim.membership.member-graduated.v1",
                        "kz.senim.membership.member-certified.v1",
                        "kz.senim.membership.roster-renewed.v1");
        assertThat(TestSchool.types(events))
                .filteredOn("kz.senim.membership.member-admitted.v1"::equals)
                .as("three admissions and one carried over")
                .hasSize(4);
        TestSchool.assertConformToTheirSchemas(events);
    }
}
