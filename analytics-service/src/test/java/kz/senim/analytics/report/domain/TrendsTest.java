package kz.senim.analytics.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The month-by-month series and the report for publication, on hand-made facts. */
class TrendsTest {

    static final SchoolYear YEAR = SchoolYear.parse("2026-2027").orElseThrow();
    final List<Fact> facts = new ArrayList<>();

    void fact(String type, String at, UUID subject, String... attributes) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            map.put(attributes[i], attributes[i + 1]);
        }
        facts.add(new Fact(UUID.randomUUID(), type, Instant.parse(at), subject, map));
    }

    void request(String at, String channel) {
        UUID id = UUID.randomUUID();
        fact(EventTypes.REQUEST_SUBMITTED, at, id, "kind", "MEDIATION", "channel", channel, "urgency", "NORMAL");
        fact(
                EventTypes.REQUEST_TRIAGED,
                at.replace("T06", "T08"),
                id,
                "decision",
                "ACCEPT_FOR_PEER_MEDIATION",
                "mediatedBy",
                "PEER_MEDIATORS");
    }

    @Test
    void each_series_adds_up_to_its_indicator_in_the_schools_months_whatever_the_order() {
        fact(EventTypes.SCHOOL_REGISTERED, "2026-01-01T00:00:00Z", null, "timeZone", "Asia/Almaty");
        // 31 August 20:00 UTC is 1 September 01:00 in Almaty: the first month of the year
        request("2026-08-31T20:00:00Z", "ONLINE_FORM");
        request("2026-10-01T06:00:00Z", "IN_PERSON");
        request("2026-10-02T06:00:00Z", "ONLINE_FORM");
        request("2027-09-01T06:00:00Z", "ONLINE_FORM"); // next year
        UUID agreed = UUID.randomUUID();
        fact(EventTypes.AGREEMENT_SIGNED, "2026-11-03T06:00:00Z", agreed);
        fact(EventTypes.AGREEMENT_SIGNED, "2026-12-03T06:00:00Z", agreed); // the first one counts
        UUID cancelled = UUID.randomUUID();
        fact(
                EventTypes.ACTIVITY_COMPLETED,
                "2026-10-05T12:00:00Z",
                UUID.randomUUID(),
                "activityType",
                "TRAINING",
                "startsAt",
                "2026-10-05T09:00:00Z",
                "participantCount",
                "12");
        fact(
                EventTypes.ACTIVITY_COMPLETED,
                "2026-10-06T12:00:00Z",
                cancelled,
                "activityType",
                "TRAINING",
                "startsAt",
                "2026-10-06T09:00:00Z",
                "participantCount",
                "3");
        fact(EventTypes.ACTIVITY_CANCELLED, "2026-10-07T12:00:00Z", cancelled, "activityType", "TRAINING");

        for (long seed = 0; seed < 5; seed++) {
            List<Fact> shuffled = new ArrayList<>(facts);
            Collections.shuffle(shuffled, new Random(seed));
            SchoolReport report = AnnualReport.of("school-1", YEAR, shuffled);
            Trends trends = Trends.of(report, shuffled);

            assertThat(trends.months()).hasSize(12).startsWith("2026-09").endsWith("2027-08");
            assertThat(trends.series().get("requests"))
                    .containsEntry("2026-09", 1L)
                    .containsEntry("2026-10", 2L);
            assertThat(trends.total("requests"))
                    .isEqualTo(report.get("cases.requested").longValue())
                    .isEqualTo(3);
            assertThat(trends.total("casesOpened"))
                    .isEqualTo(report.get("cases.accepted").longValue());
            assertThat(trends.series().get("agreements"))
                    .containsEntry("2026-11", 1L)
                    .containsEntry("2026-12", 0L);
            assertThat(trends.total("agreements"))
                    .isEqualTo(report.get("cases.agreementsReached").longValue());
            assertThat(trends.series().get("activities")).containsEntry("2026-10", 1L);
            assertThat(trends.total("activities"))
                    .isEqualTo(report.get("activities.TRAINING.held").longValue());
        }
    }

    @Test
    void for_publication_small_counts_and_what_would_give_them_away_are_hidden() {
        fact(EventTypes.SCHOOL_REGISTERED, "2026-01-01T00:00:00Z", null, "timeZone", "Asia/Almaty");
        for (int day = 10; day < 17; day++) {
            request("2026-10-" + day + "T06:00:00Z", "ONLINE_FORM");
        }
        request("2026-12-01T06:00:00Z", "IN_PERSON");
        SchoolReport report = AnnualReport.of("school-1", YEAR, facts);
        ReportView published = ReportView.forPublication(report, Trends.of(report, facts), 5);
        ReportView plain = ReportView.of(report, Trends.of(report, facts));

        assertThat(plain.get("cases.byChannel.IN_PERSON")).isEqualTo(1L);
        assertThat(plain.forPublication()).isFalse();
        assertThat(published.forPublication()).isTrue();
        assertThat(published.get("cases.requested")).isEqualTo(8L);
        assertThat(published.get("cases.byChannel.IN_PERSON")).isEqualTo("<5");
        assertThat(published.get("cases.byChannel.ONLINE_FORM")).isEqualTo("suppressed");
        assertThat(published.get("cases.byChannel.TRUST_BOX")).isEqualTo(0L);
        assertThat(published.byMonth().get("requests"))
                .containsEntry("2026-12", "<5")
                .containsEntry("2026-10", "suppressed")
                .containsEntry("2026-11", 0L);
        // no line with exactly one hidden cell: subtraction recovers nothing
        for (Indicators.Sum sum : Indicators.suppressedSums()) {
            List<Object> line = new ArrayList<>();
            line.add(published.get(sum.total()));
            published.indicators().forEach((key, value) -> {
                if (sum.isPart(key)) {
                    line.add(value);
                }
            });
            assertThat(line.stream().filter(String.class::isInstance).count())
                    .as(sum.toString())
                    .isNotEqualTo(1);
        }
        // not suppressed: activities, plan, consultations
        assertThat(published.get("activities.TRAINING.held")).isEqualTo(0L);
    }
}
