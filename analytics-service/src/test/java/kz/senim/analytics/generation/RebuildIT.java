package kz.senim.analytics.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import kz.senim.analytics.Events;
import kz.senim.analytics.SchoolEvents;
import kz.senim.analytics.Store;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A rebuild reads every topic from the earliest offset into a new generation and gives exactly the same numbers. */
@SenimIntegrationTest
class RebuildIT {

    @LocalServerPort
    int port;

    @Autowired
    Store store;

    @Autowired
    Generations generations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_indicator_of_every_school_and_the_district_is_the_same_after_a_rebuild() {
        String school = SchoolEvents.newSchool("rebuild");
        UUID caseId = UUID.randomUUID();
        UUID thread = UUID.randomUUID();
        SchoolEvents events = new SchoolEvents(school)
                .registered("Asia/Almaty", "2026-01-01T00:00:00Z")
                .request(caseId, "2026-10-01T06:00:00Z", "IN_PERSON", "HIGH")
                .triaged(caseId, "2026-10-02T06:00:00Z", "ACCEPT_FOR_PEER_MEDIATION", "PEER_MEDIATORS")
                .agreement(caseId, "2026-10-03T18:00:00Z")
                .trustBoxMessage(thread, "2026-10-01T06:00:00Z", true)
                .trustBoxAnswer(thread, "2026-10-01T06:30:00Z");
        Events.send(events.records);
        Events.send(events.records.getFirst()); // a redelivery
        store.awaitCaughtUp();
        int before = generations.live();
        Map<String, String> reports = everything();
        assertThat(reports.get(school)).contains("cases.agreementsReached,1");

        ServiceApi.Answer requested = ServiceApi.at(port)
                .post("/api/reports/rebuilds")
                .auth(Store.DISTRICT_ADMIN)
                .send();
        assertThat(requested.status()).isEqualTo(202);
        int building = requested.json().get("generation").asInt();
        assertThat(building).isGreaterThan(before);
        // a reporting request meanwhile is answered from the live generation
        assertThat(everything()).isEqualTo(reports);

        await().atMost(Duration.ofSeconds(90)).until(() -> generations.live() == building);
        assertThat(everything()).isEqualTo(reports);
        assertThat(jdbc.sql("select count(*) from fact where generation = :g")
                        .param("g", before)
                        .query(Long.class)
                        .single())
                .as("the replaced generation's facts are gone")
                .isZero();
        assertThat(ServiceApi.at(port)
                        .get("/api/reports/rebuilds")
                        .auth(Store.DISTRICT_ADMIN)
                        .send()
                        .body())
                .contains("\"RETIRED\"", "\"LIVE\"");
    }

    /** Every registered school's report (CSV) and the district view (JSON), for 2025-2026 and 2026-2027. */
    private Map<String, String> everything() {
        Map<String, String> all = new LinkedHashMap<>();
        for (String year : new String[] {"2025-2026", "2026-2027"}) {
            String district = get("/api/reports/district/years/" + year);
            all.put("district " + year, district);
            for (String school : jdbc.sql("select distinct school_id from fact where generation = :g"
                            + " and event_type = 'kz.senim.membership.school-registered.v1' order by school_id")
                    .param("g", generations.live())
                    .query(String.class)
                    .list()) {
                all.put(
                        school + (year.equals("2026-2027") ? "" : " " + year),
                        get("/api/reports/schools/" + school + "/years/" + year + "/report.csv"));
            }
        }
        return all;
    }

    private String get(String path) {
        ServiceApi.Answer answer =
                ServiceApi.at(port).get(path).auth(Store.DISTRICT_ADMIN).send();
        assertThat(answer.status()).as(path).isEqualTo(200);
        return answer.body();
    }
}
