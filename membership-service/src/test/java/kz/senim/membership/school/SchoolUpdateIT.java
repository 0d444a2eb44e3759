package kz.senim.membership.school;

import static org.assertj.core.api.Assertions.assertThat;

import kz.senim.membership.TestSchool;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** Admins edit schools with ETag / If-Match; the change is published as school-updated. */
@SenimIntegrationTest(properties = "senim.membership.mediator-role-sync=false")
class SchoolUpdateIT {

    @LocalServerPort
    int port;

    @Test
    void an_admin_edits_a_school_and_a_stale_if_match_answers_412() {
        TestSchool school = TestSchool.register(ServiceApi.at(port));
        ServiceApi.Answer read =
                school.api.get("/api/schools/" + school.id).auth(school.admin()).send();
        String body = """
                {"id":"%s","names":{"kk":"Жаңа атау","ru":"Новое имя","en":"New name"},"city":"Astana","region":"Astana",
                 "timeZone":"Asia/Almaty","defaultLanguage":"ru","yearStartMonth":8}
                """.formatted(school.id);

        ServiceApi.Answer updated = school.api
                .request(HttpMethod.PUT, "/api/schools/" + school.id)
                .auth(school.admin())
                .header("If-Match", read.headers().getETag())
                .json(body)
                .send();
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("city").asString()).isEqualTo("Astana");
        assertThat(updated.json().get("yearStartMonth").asInt()).isEqualTo(8);

        school.api
                .request(HttpMethod.PUT, "/api/schools/" + school.id)
                .auth(TestJwts.user().roles("admin").bearer())
                .header("If-Match", read.headers().getETag())
                .json(body)
                .send()
                .problem(412);
        school.api
                .request(HttpMethod.PUT, "/api/schools/" + school.id)
                .auth(TestSchool.as("other-admin", "demo-school-2", "admin"))
                .json(body)
                .send()
                .problem(404);

        ConsumerRecord<String, byte[]> event = school.events(3).stream()
                .filter(r -> "kz.senim.membership.school-updated.v1".equals(TestSchool.header(r, "ce_type")))
                .findFirst()
                .orElseThrow();
        TestSchool.assertConformToTheirSchemas(java.util.List.of(event));
        assertThat(new String(event.value())).contains("\"yearStartMonth\":8").contains("\"defaultLanguage\":\"ru\"");
    }
}
