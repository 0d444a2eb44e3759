package kz.senim.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import kz.senim.analytics.Events;
import kz.senim.analytics.SchoolEvents;
import kz.senim.analytics.Store;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Who reads which report: own school, the district admin, 404 for another school, 403 for other roles. */
@SenimIntegrationTest
class AccessIT {

    static final String OWN = SchoolEvents.newSchool("access");
    static final String OTHER = SchoolEvents.newSchool("access-other");
    static final String PATH = "/api/reports/schools/%s/years/2026-2027";

    @LocalServerPort
    int port;

    ServiceApi api;

    @BeforeEach
    void schoolsAreKnown() {
        api = ServiceApi.at(port);
        Events.send(new SchoolEvents(OWN).registered("Asia/Aqtobe", "2026-01-01T00:00:00Z").records);
        Events.send(new SchoolEvents(OTHER).registered("Asia/Almaty", "2026-01-01T00:00:00Z").records);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get(PATH.formatted(OTHER), Store.DISTRICT_ADMIN).status() == 200
                        && get(PATH.formatted(OWN), Store.DISTRICT_ADMIN).status() == 200);
    }

    @Test
    void the_schools_coordinator_and_admin_read_their_own_report() {
        for (String role : new String[] {"coordinator", "admin"}) {
            ServiceApi.Answer answer = get(
                    PATH.formatted(OWN), TestJwts.user().roles(role).school(OWN).bearer());

            assertThat(answer.status()).as(role).isEqualTo(200);
            JsonNode report = answer.json();
            assertThat(report.get("schoolId").asString()).isEqualTo(OWN);
            assertThat(report.get("timeZone").asString()).isEqualTo("Asia/Aqtobe");
            assertThat(report.get("from").asString()).isEqualTo("2026-09-01T00:00+05:00");
            assertThat(report.get("indicators").get("cases").get("requested").asInt())
                    .isZero();
            assertThat(report.get("unavailable").size()).isPositive();
        }
    }

    @Test
    void another_schools_report_is_not_found() {
        String coordinator = TestJwts.user().roles("coordinator").school(OWN).bearer();

        get(PATH.formatted(OTHER), coordinator).problem(404);
        get(PATH.formatted(OTHER) + "/report.csv", coordinator).problem(404);
    }

    @Test
    void students_teachers_parents_and_mediators_are_refused() {
        for (String role : new String[] {"student", "teacher", "parent", "mediator"}) {
            get(PATH.formatted(OWN), TestJwts.user().roles(role).school(OWN).bearer())
                    .problem(403);
        }
        get(PATH.formatted(OWN), null).problem(401);
    }

    @Test
    void the_district_admin_reads_every_registered_school_and_the_district_view() {
        assertThat(get(PATH.formatted(OTHER), Store.DISTRICT_ADMIN).status()).isEqualTo(200);
        get(PATH.formatted("no-such-school"), Store.DISTRICT_ADMIN).problem(404);

        ServiceApi.Answer district = get("/api/reports/district/years/2026-2027", Store.DISTRICT_ADMIN);
        assertThat(district.status()).isEqualTo(200);
        assertThat(district.json().get("schools").toString()).contains(OWN, OTHER);
    }

    @Test
    void only_the_district_admin_sees_the_district_view() {
        for (String role : new String[] {"coordinator", "admin", "student"}) {
            get(
                            "/api/reports/district/years/2026-2027",
                            TestJwts.user().roles(role).school(OWN).bearer())
                    .problem(403);
        }
        get("/api/reports/rebuilds", TestJwts.user().roles("admin").school(OWN).bearer())
                .problem(403);
    }

    @Test
    void a_school_year_that_is_not_one_is_a_field_error() {
        String coordinator = TestJwts.user().roles("coordinator").school(OWN).bearer();
        for (String year : new String[] {"2026-2028", "2026", "twenty"}) {
            JsonNode problem = api.get(PATH.formatted(OWN).replace("2026-2027", year))
                    .auth(coordinator)
                    .language("ru")
                    .send()
                    .problem(400);

            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("schoolYear");
            assertThat(problem.get("errors").get(0).get("message").asString()).contains("учебным годом");
        }
    }

    @Test
    void the_report_downloads_as_csv_by_accept_header_or_file_name() {
        String coordinator = TestJwts.user().roles("coordinator").school(OWN).bearer();
        ServiceApi.Answer byAccept = api.get(PATH.formatted(OWN))
                .auth(coordinator)
                .header("Accept", "text/csv")
                .send();
        ServiceApi.Answer byName = get(PATH.formatted(OWN) + "/report.csv", coordinator);

        for (ServiceApi.Answer answer : new ServiceApi.Answer[] {byAccept, byName}) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.headers().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                    .isTrue();
            assertThat(answer.headers().getFirst("Content-Disposition")).contains("attachment");
            assertThat(answer.body())
                    .startsWith("schoolId,schoolYear,indicator,value\r\n")
                    .contains(OWN + ",2026-2027,cases.requested,0\r\n");
        }
    }

    private ServiceApi.Answer get(String path, String bearer) {
        return api.get(path).auth(bearer).send();
    }
}
