package kz.senim.membership.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import kz.senim.membership.TestSchool;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** Leaving the school's directory ends club membership at once, not at the next roster renewal. */
@SenimIntegrationTest(properties = "senim.membership.mediator-role-sync=false")
class LeaverIT {

    @LocalServerPort
    int port;

    @Test
    void a_member_removed_from_the_directory_has_left_the_club_and_member_left_goes_out() {
        TestSchool school = TestSchool.register(ServiceApi.at(port));
        school.admit("leaver-1", 9);

        ServiceApi.Answer removed = school.api
                .request(HttpMethod.DELETE, "/api/people/leaver-1")
                .auth(school.coordinator())
                .send();

        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        ServiceApi.Answer member = school.api
                .get("/api/membership/members/leaver-1")
                .auth(school.coordinator())
                .send();
        assertThat(member.json().get("status").asString()).isEqualTo("LEFT");
        List<ConsumerRecord<String, byte[]>> events = await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> school.events(9),
                        e -> TestSchool.types(e)
                                .containsAll(List.of(
                                        "kz.senim.membership.person-removed.v1",
                                        "kz.senim.membership.member-left.v1")));
        TestSchool.assertConformToTheirSchemas(events);
    }

    @Test
    void removing_someone_who_is_not_a_member_changes_no_membership() {
        TestSchool school = TestSchool.register(ServiceApi.at(port));
        school.student("not-a-member", 8);

        assertThat(school.api
                        .request(HttpMethod.DELETE, "/api/people/not-a-member")
                        .auth(school.coordinator())
                        .send()
                        .status())
                .isEqualTo(204);
        // member-left would go out in the same transaction as person-removed.
        List<ConsumerRecord<String, byte[]>> events = await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> school.events(4),
                        e -> TestSchool.types(e).contains("kz.senim.membership.person-removed.v1"));
        assertThat(TestSchool.types(events)).doesNotContain("kz.senim.membership.member-left.v1");
    }
}
