package kz.senim.membership.club;

import static org.assertj.core.api.Assertions.assertThat;

import kz.senim.membership.TestSchool;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/** The club's public page: no login, the language asked for, nothing private; coordinators edit it. */
@SenimIntegrationTest(properties = "senim.membership.mediator-role-sync=false")
class ClubPageIT {

    @LocalServerPort
    int port;

    TestSchool school;

    @BeforeEach
    void school() {
        school = TestSchool.register(ServiceApi.at(port));
    }

    @Test
    void the_public_page_answers_in_kazakh_russian_and_english_without_a_token() {
        JsonNode kk = page("?lang=kk", null);
        JsonNode ru = page("", "ru-RU,ru;q=0.9");
        JsonNode en = page("", "en");

        assertThat(kk.get("language").asString()).isEqualTo("kk");
        assertThat(kk.get("principles").get(0).get("title").asString()).isEqualTo("Еріктілік");
        assertThat(ru.get("principles").get(0).get("title").asString()).isEqualTo("Добровольность");
        assertThat(en.get("principles").get(0).get("title").asString()).isEqualTo("Voluntariness");
        assertThat(en.get("principles").size()).isEqualTo(7);
        assertThat(en.get("admissionGrades").get("from").asInt()).isEqualTo(8);
        assertThat(page("", null).get("language").asString())
                .as("the school's language by default")
                .isEqualTo("kk");
    }

    @Test
    void coordinators_edit_the_profile_with_if_match_and_the_page_shows_nothing_private() {
        ServiceApi.Answer read = school.api
                .get("/api/schools/" + school.id + "/club/profile")
                .auth(school.coordinator())
                .send();
        String etag = read.headers().getETag();
        String edit = """
                {"name":{"kk":"«Сенім» клубы","ru":"Клуб «Сенім»","en":"Senim club"},
                 "goals":{"kk":"Мақсат","ru":"Цель","en":"Goal"},
                 "tasks":{"kk":"Міндет","ru":"Задачи","en":"Tasks"},
                 "principles":[{"principle":"FUTURE","text":{"kk":"Болашақ","ru":"Будущее","en":"Our own wording"}}],
                 "leaders":[{"userId":"%s","title":{"kk":"Педагог-психолог","ru":"Педагог-психолог","en":"Pedagogue-psychologist"},
                             "officeRoom":"204","contacts":[{"kind":"instagram","value":"@senim.club"}],
                             "officeHours":{"en":"Mon–Fri 14:00–16:00"}}],
                 "socialLinks":[{"network":"instagram","url":"https://instagram.com/senim.club"}],
                 "admissionGradeFrom":7,"admissionGradeTo":11,"capacity":25,
                 "meetingPlace":{"kk":"204 кабинет","ru":"Кабинет 204","en":"Room 204"},
                 "meetingRhythm":{"kk":"Апта сайын, сейсенбі","ru":"Еженедельно, по вторникам","en":"Weekly, on Tuesdays"}}
                """.formatted(school.coordinatorId);

        school.api
                .request(HttpMethod.PUT, "/api/schools/" + school.id + "/club/profile")
                .auth(school.coordinator())
                .header("If-Match", "\"41\"")
                .json(edit)
                .send()
                .problem(412);
        ServiceApi.Answer edited = school.api
                .request(HttpMethod.PUT, "/api/schools/" + school.id + "/club/profile")
                .auth(school.coordinator())
                .header("If-Match", etag)
                .json(edit)
                .send();
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.headers().getETag()).isNotEqualTo(etag);

        ServiceApi.Answer page = ServiceApi.at(port)
                .get("/api/schools/" + school.id + "/club?lang=ru")
                .send();
        JsonNode club = page.json();
        assertThat(club.get("name").asString()).isEqualTo("Клуб «Сенім»");
        assertThat(club.get("principles").get(6).get("text").asString()).isEqualTo("Будущее");
        assertThat(club.get("principles").get(0).get("title").asString()).isEqualTo("Добровольность");
        assertThat(club.get("leaders").get(0).get("officeRoom").asString()).isEqualTo("204");
        assertThat(club.get("leaders").get(0).get("officeHours").asString())
                .as("a text missing in Russian falls back")
                .isEqualTo("Mon–Fri 14:00–16:00");
        assertThat(club.get("meetingRhythm").asString()).isEqualTo("Еженедельно, по вторникам");
        assertThat(page.body())
                .doesNotContain(school.coordinatorId)
                .doesNotContain("userId")
                .doesNotContain("version")
                .doesNotContain("Test")
                .doesNotContain("Person");
        assertThat(page.headers().getETag()).isNull();
    }

    @Test
    void a_leader_must_be_a_coordinator_of_the_school_and_only_coordinators_and_admins_edit() {
        String edit = kz.senim.membership.applications.ClubProfiles.minimal(10)
                .replace(
                        "\"capacity\":10",
                        "\"capacity\":10,\"leaders\":[{\"userId\":\"nobody\",\"title\":{\"kk\":\"a\",\"ru\":\"b\",\"en\":\"c\"}}]");
        JsonNode problem = school.api
                .request(HttpMethod.PUT, "/api/schools/" + school.id + "/club/profile")
                .auth(school.coordinator())
                .json(edit)
                .send()
                .problem(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("leaders[0].userId");

        school.api
                .request(HttpMethod.PUT, "/api/schools/" + school.id + "/club/profile")
                .auth(TestSchool.as("t-1", school.id, "teacher"))
                .json(kz.senim.membership.applications.ClubProfiles.minimal(10))
                .send()
                .problem(403);
        school.api.get("/api/schools/no-such-school/club").send().problem(404);
    }

    private JsonNode page(String query, String language) {
        ServiceApi.Answer answer = ServiceApi.at(port)
                .get("/api/schools/" + school.id + "/club" + query)
                .language(language)
                .send();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
