package kz.senim.membership.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.senim.membership.TestSchool;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** The people directory over HTTP: entries, guardian links, ETags, CSV import, and what its events say. */
@SenimIntegrationTest(properties = "senim.membership.mediator-role-sync=false")
class PeopleDirectoryIT {

    static final String HEADER = "userId,role,grade,classLetter,guardianOf,language,givenName,familyName\n";

    @LocalServerPort
    int port;

    TestSchool school;

    @BeforeEach
    void school() {
        school = TestSchool.register(ServiceApi.at(port));
    }

    @Test
    void a_coordinator_registers_updates_and_removes_people_and_events_carry_no_names() {
        school.registerPerson("s-1", "student", 9, "Ә");
        ServiceApi.Answer parent = school.api
                .post("/api/people")
                .auth(school.coordinator())
                .header("Idempotency-Key", "parent-1")
                .json("""
                        {"userId":"p-1","role":"parent","guardianOf":["s-1"],"language":"ru","givenName":"Гүлнар","familyName":"Сейтқали"}
                        """)
                .send();
        assertThat(parent.status()).isEqualTo(201);
        assertThat(parent.headers().getLocation()).hasPath("/api/people/p-1");
        String etag = parent.headers().getETag();

        ServiceApi.Answer replay = school.api
                .post("/api/people")
                .auth(school.coordinator())
                .header("Idempotency-Key", "parent-1")
                .json("""
                        {"userId":"p-1","role":"parent","guardianOf":["s-1"],"language":"ru","givenName":"Гүлнар","familyName":"Сейтқали"}
                        """)
                .send();
        assertThat(replay.status())
                .as("a retried create answers the same person")
                .isEqualTo(201);

        ServiceApi.Answer updated = school.api
                .request(HttpMethod.PUT, "/api/people/p-1")
                .auth(school.coordinator())
                .header("If-Match", etag)
                .json("""
                        {"role":"parent","guardianOf":["s-1"],"language":"kk","givenName":"Гүлнар","familyName":"Сейтқали"}
                        """)
                .send();
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("language").asString()).isEqualTo("kk");
        assertThat(updated.headers().getETag()).isNotEqualTo(etag);

        ServiceApi.Answer stale = school.api
                .request(HttpMethod.PUT, "/api/people/p-1")
                .auth(school.coordinator())
                .header("If-Match", etag)
                .json("""
                        {"role":"parent","guardianOf":[],"language":"en","givenName":"Г","familyName":"С"}
                        """)
                .send();
        stale.problem(412);

        assertThat(school.api
                        .request(HttpMethod.DELETE, "/api/people/s-1")
                        .auth(school.coordinator())
                        .send()
                        .status())
                .isEqualTo(204);
        JsonNode guardian = school.api
                .get("/api/people/p-1")
                .auth(school.coordinator())
                .send()
                .json();
        assertThat(guardian.get("guardianOf").size())
                .as("the link to a removed student goes")
                .isZero();
        school.api.get("/api/people/s-1").auth(school.coordinator()).send().problem(404);

        List<ConsumerRecord<String, byte[]>> events = school.events(7);
        assertThat(TestSchool.types(events))
                .containsExactlyInAnyOrder(
                        "kz.senim.membership.school-registered.v1",
                        "kz.senim.membership.person-registered.v1",
                        "kz.senim.membership.person-registered.v1",
                        "kz.senim.membership.person-registered.v1",
                        "kz.senim.membership.person-updated.v1",
                        "kz.senim.membership.person-removed.v1",
                        "kz.senim.membership.person-updated.v1");
        TestSchool.assertConformToTheirSchemas(events);
        assertThat(events)
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .noneMatch(payload ->
                        payload.contains("Гүлнар") || payload.contains("Сейтқали") || payload.contains("Test"));
    }

    @Test
    void a_good_file_imports_everyone_and_importing_it_again_changes_nothing() {
        String file = HEADER
                + "s-10,student,8,А,,kk,Айгерим,Нұрланова\n"
                + "s-11,student,11,Б,,ru,Тимур,Касымбеков\n"
                + "p-10,parent,,,s-10;s-11,ru,Нурлан,Касымбеков\n"
                + "t-10,teacher,,,,en,Marat,Abdikarimov\n";

        JsonNode first = importFile(file).json();
        assertThat(first.get("created").asInt()).isEqualTo(4);

        JsonNode again = importFile(file).json();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(4);

        JsonNode changed =
                importFile(file.replace("s-10,student,8", "s-10,student,9")).json();
        assertThat(changed.get("updated").asInt()).isEqualTo(1);

        JsonNode page = school.api
                .get("/api/people?role=student&size=1&sort=grade,desc")
                .auth(school.coordinator())
                .send()
                .json();
        assertThat(page.get("totalElements").asInt()).isEqualTo(2);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.get("content").get(0).get("userId").asString()).isEqualTo("s-11");

        // school registered, coordinator, 4 imported, 1 updated: the repeated import sent nothing
        assertThat(TestSchool.types(school.events(7)))
                .filteredOn(t -> t.contains("person-"))
                .hasSize(6);
    }

    @Test
    void a_bad_file_is_refused_row_by_row_and_nothing_of_it_is_imported() {
        String file = HEADER
                + "s-20,student,9,А,,kk,Айгерим,Нұрланова\n"
                + "s-21,student,12,А,,kk,A,B\n"
                + "p-20,parent,,,nobody,ru,A,B\n"
                + "t-20,teacher,5,,,en,A,B\n";

        JsonNode problem = importFile(file).problem(400);

        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("rows[3].grade", "rows[5].grade");
        assertThat(school.api
                        .get("/api/people/s-20")
                        .auth(school.coordinator())
                        .send()
                        .status())
                .as("nothing half-imported")
                .isEqualTo(404);

        JsonNode unknownChild =
                importFile(HEADER + "p-21,parent,,,nobody,ru,A,B\n").problem(400);
        assertThat(unknownChild.get("errors").get(0).get("field").asString()).isEqualTo("rows[2].guardianOf");
    }

    @Test
    void a_windows_1251_file_is_refused_with_its_row_unless_its_charset_is_declared() {
        String file = HEADER + "s-30,student,8,А,,ru,Айгерим,Щербакова\n" + "t-30,teacher,,,,ru,Марат,Әбдікәрімов\n";
        Charset windows1251 = Charset.forName("windows-1251");
        String russianOnly = HEADER + "s-30,student,8,А,,ru,Айгерим,Щербакова\n";

        JsonNode refused = postBytes(russianOnly.getBytes(windows1251), new MediaType("text", "csv"))
                .problem(400);

        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("rows[2]");
        assertThat(refused.get("errors").get(0).get("code").asString()).isEqualTo("directory.file.encoding");
        assertThat(school.api
                        .get("/api/people/s-30")
                        .auth(school.coordinator())
                        .send()
                        .status())
                .isEqualTo(404);

        ServiceApi.Answer declared =
                postBytes(russianOnly.getBytes(windows1251), new MediaType("text", "csv", windows1251));
        assertThat(declared.status()).as(declared.body()).isEqualTo(200);
        assertThat(school.api
                        .get("/api/people/s-30")
                        .auth(school.coordinator())
                        .send()
                        .json()
                        .get("familyName")
                        .asString())
                .isEqualTo("Щербакова");

        // Kazakh letters are not in Windows-1251: such a file can only be UTF-8 (here with Excel's BOM).
        byte[] withBom = ("\uFEFF" + file).getBytes(StandardCharsets.UTF_8);
        assertThat(postBytes(withBom, new MediaType("text", "csv")).status()).isEqualTo(200);
        assertThat(school.api
                        .get("/api/people/t-30")
                        .auth(school.coordinator())
                        .send()
                        .json()
                        .get("familyName")
                        .asString())
                .isEqualTo("Әбдікәрімов");
    }

    private ServiceApi.Answer postBytes(byte[] body, MediaType contentType) {
        return RestClient.create("http://localhost:" + port)
                .post()
                .uri("/api/people/imports")
                .header("Authorization", school.coordinator())
                .contentType(contentType)
                .body(body)
                .exchange((request, response) -> new ServiceApi.Answer(
                        response.getStatusCode().value(),
                        response.getHeaders(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private ServiceApi.Answer importFile(String csv) {
        return TestSchool.postCsv(port, "/api/people/imports", school.coordinator(), csv);
    }
}
