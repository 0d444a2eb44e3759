package kz.senim.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.senim.analytics.Events;
import kz.senim.analytics.SchoolEvents;
import kz.senim.analytics.Store;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The district view hides small counts of cases and trust-box messages, and nothing hidden can be subtracted out. */
@SenimIntegrationTest
class DistrictSuppressionIT {

    @LocalServerPort
    int port;

    @Test
    void small_counts_are_hidden_and_cannot_be_recovered_from_any_row_or_column() {
        String small = SchoolEvents.newSchool("district-small");
        String large = SchoolEvents.newSchool("district-large");
        SchoolEvents a = new SchoolEvents(small).registered("Asia/Almaty", "2026-01-01T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            a.request(UUID.randomUUID(), "2026-10-0" + (i + 1) + "T06:00:00Z", "ONLINE_FORM", "NORMAL");
        }
        a.trustBoxMessage(UUID.randomUUID(), "2026-10-01T06:00:00Z", true);
        // a second small school, so that each small row has two hidden cells whatever else the district holds
        String smaller = SchoolEvents.newSchool("district-smaller");
        SchoolEvents c = new SchoolEvents(smaller).registered("Asia/Almaty", "2026-01-01T00:00:00Z");
        for (int i = 0; i < 2; i++) {
            c.request(UUID.randomUUID(), "2026-10-0" + (i + 1) + "T06:00:00Z", "ONLINE_FORM", "NORMAL");
        }
        c.trustBoxMessage(UUID.randomUUID(), "2026-10-01T06:00:00Z", true);
        SchoolEvents b = new SchoolEvents(large).registered("Asia/Almaty", "2026-01-01T00:00:00Z");
        for (int i = 0; i < 7; i++) {
            b.request(
                    UUID.randomUUID(),
                    "2026-10-0" + (i + 1) + "T06:00:00Z",
                    i < 5 ? "ONLINE_FORM" : "IN_PERSON",
                    "NORMAL");
        }
        for (int i = 0; i < 6; i++) {
            b.trustBoxMessage(UUID.randomUUID(), "2026-11-0" + (i + 1) + "T06:00:00Z", true);
        }
        List<Events.Record> all = new ArrayList<>(a.records);
        all.addAll(b.records);
        all.addAll(c.records);
        Events.send(all);
        // a school's report answers 404 until its school-registered event is counted (up to a fetch's wait later)
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptionsInstanceOf(AssertionError.class)
                .until(() -> "7"
                                .equals(Store.report(port, large, "2026-2027", Store.DISTRICT_ADMIN)
                                        .get("cases.requested"))
                        && "3"
                                .equals(Store.report(port, small, "2026-2027", Store.DISTRICT_ADMIN)
                                        .get("cases.requested"))
                        && "1"
                                .equals(Store.report(port, smaller, "2026-2027", Store.DISTRICT_ADMIN)
                                        .get("trustBox.messagesReceived")));

        JsonNode district = ServiceApi.at(port)
                .get("/api/reports/district/years/2026-2027")
                .auth(Store.DISTRICT_ADMIN)
                .send()
                .json();

        assertThat(district.get("suppressionThreshold").asInt()).isEqualTo(5);
        assertThat(cell(district, "cases.requested", small)).isEqualTo("<5");
        assertThat(cell(district, "cases.byChannel.ONLINE_FORM", small)).isEqualTo("<5");
        assertThat(cell(district, "trustBox.messagesReceived", small)).isEqualTo("<5");
        assertThat(cell(district, "cases.requested", large)).isEqualTo("7");
        assertThat(cell(district, "cases.byChannel.IN_PERSON", large)).isEqualTo("<5");
        // 7 requests = 5 online + 2 in person: the 5 is hidden too, or 7 - 5 would give the 2 away
        assertThat(cell(district, "cases.byChannel.ONLINE_FORM", large)).isEqualTo("suppressed");
        assertThat(cell(district, "trustBox.messagesReceived", large)).isEqualTo("6");
        // not a count of cases or messages: shown as it is
        assertThat(cell(district, "activities.TRAINING.held", small)).isEqualTo("0");

        DistrictAttack.assertNothingHiddenCanBeRecovered(district);
    }

    static String cell(JsonNode district, String key, String school) {
        for (JsonNode row : district.get("indicators")) {
            if (row.get("key").asString().equals(key)) {
                return row.get("schools").get(school).asString();
            }
        }
        throw new AssertionError("No row " + key);
    }
}
