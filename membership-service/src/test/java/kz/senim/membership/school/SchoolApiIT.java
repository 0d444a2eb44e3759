package kz.senim.membership.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Schools over HTTP: who may register and read them, and the problem details of every refusal. */
@SenimIntegrationTest
class SchoolApiIT {

    @LocalServerPort
    int port;

    ServiceApi api;

    @BeforeEach
    void connect() {
        api = ServiceApi.at(port);
    }

    @Test
    void without_a_token_the_answer_is_401_problem_json() {
        ServiceApi.Answer answer = api.get("/api/schools").send();

        answer.problem(401);
        assertThat(answer.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void a_token_signed_by_someone_else_or_expired_is_401() {
        assertThat(api.get("/api/schools")
                        .auth("Bearer " + TestJwts.forgedToken())
                        .send()
                        .status())
                .isEqualTo(401);
        String expired =
                TestJwts.user().roles("admin").lifetime(Duration.ofMinutes(-10)).bearer();
        assertThat(api.get("/api/schools").auth(expired).send().status()).isEqualTo(401);
    }

    @Test
    void a_student_may_not_register_a_school_403_problem_json_in_their_language() {
        ServiceApi.Answer answer = api.post("/api/schools")
                .auth(TestJwts.user()
                        .roles("student")
                        .school("demo-gymnasium-1")
                        .bearer())
                .language("ru")
                .json(validSchool("student-school"))
                .send();

        assertThat(answer.problem(403).get("title").asString()).isEqualTo("Нет доступа");
    }

    @Test
    void a_school_admin_may_not_register_other_schools() {
        ServiceApi.Answer answer = api.post("/api/schools")
                .auth(TestJwts.user().roles("admin").school("demo-gymnasium-1").bearer())
                .json(validSchool("another-school"))
                .send();

        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void every_invalid_field_is_listed() {
        ServiceApi.Answer answer = api.post("/api/schools")
                .auth(TestJwts.user().roles("admin").bearer())
                .language("kk")
                .json("""
                {"id":"Not A Slug","names":{"kk":"","ru":"Школа"},"city":"","timeZone":"Mars/Olympus","defaultLanguage":"de"}
                """)
                .send();

        JsonNode problem = answer.problem(400);
        assertThat(problem.get("title").asString()).isEqualTo("Сұрау дұрыс емес");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("id", "names.kk", "names.en", "city", "region", "knownTimeZone", "defaultLanguage");
    }

    @Test
    void a_district_admin_registers_a_school_once_and_its_users_see_only_their_own() {
        String id = "school-" + UUID.randomUUID().toString().substring(0, 8);
        String districtAdmin = TestJwts.user().roles("admin").bearer();

        ServiceApi.Answer created = api.post("/api/schools")
                .auth(districtAdmin)
                .json(validSchool(id))
                .send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().getLocation()).hasPath("/api/schools/" + id);
        assertThat(created.headers().getETag()).isNotBlank();

        ServiceApi.Answer again = api.post("/api/schools")
                .auth(districtAdmin)
                .json(validSchool(id))
                .send();
        assertThat(again.problem(409).get("reason").asString()).isEqualTo("school-already-exists");

        String teacherThere = TestJwts.user().roles("teacher").school(id).bearer();
        assertThat(api.get("/api/schools/" + id).auth(teacherThere).send().status())
                .isEqualTo(200);
        String coordinatorElsewhere =
                TestJwts.user().roles("coordinator").school("demo-school-2").bearer();
        api.get("/api/schools/" + id).auth(coordinatorElsewhere).send().problem(404);
        JsonNode visible =
                api.get("/api/schools").auth(coordinatorElsewhere).send().json();
        assertThat(visible.get("content").size()).isZero();
        assertThat(visible.get("totalElements").asLong()).isZero();
    }

    @Test
    void the_school_list_is_a_page_and_refuses_an_unknown_sort() {
        String admin = TestJwts.user().roles("admin").bearer();
        api.post("/api/schools").auth(admin).json(validSchool("paged-school-a")).send();
        api.post("/api/schools").auth(admin).json(validSchool("paged-school-b")).send();

        JsonNode page =
                api.get("/api/schools?size=1&sort=id,desc").auth(admin).send().json();
        JsonNode refused = api.get("/api/schools?sort=name_kk;drop&size=0")
                .auth(admin)
                .send()
                .problem(400);

        assertThat(page.get("content").size()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("totalPages").asLong())
                .isEqualTo(page.get("totalElements").asLong());
        assertThat(refused.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("sort", "size");
    }

    private String validSchool(String id) {
        return """
                {"id":"%s","names":{"kk":"Демо мектебі","ru":"Демо школа","en":"Demo school"},"city":"Almaty","region":"Almaty"}
                """.formatted(id);
    }
}
