package kz.senim.cases.mediation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The follow-up on its own: its date in the school's time zone, and what it found. */
class FollowUpTest {

    @Test
    void the_date_is_counted_from_the_last_signature_in_the_schools_zone() {
        // 20:00 UTC on 1 December is already 2 December in Almaty (UTC+5).
        FollowUp followUp = FollowUp.after(Instant.parse("2026-12-01T20:00:00Z"), MediationSettings.DEFAULT);

        assertThat(followUp.date()).isEqualTo(LocalDate.of(2026, 12, 16));
        assertThat(followUp.result()).isNull();
    }

    @Test
    void it_is_due_from_its_date_on() {
        MediationSettings utc = new MediationSettings(2, null, 14, ZoneId.of("UTC"));
        FollowUp followUp = FollowUp.after(Instant.parse("2026-12-01T10:00:00Z"), utc);

        assertThat(followUp.isDue(Instant.parse("2026-12-14T23:59:59Z"), utc)).isFalse();
        assertThat(followUp.isDue(Instant.parse("2026-12-15T00:00:00Z"), utc)).isTrue();
        assertThat(FollowUp.NONE.isDue(Instant.parse("2030-01-01T00:00:00Z"), utc))
                .isFalse();
    }

    @Test
    void only_an_agreement_not_kept_brings_the_parties_back() {
        FollowUp followUp = FollowUp.after(Instant.parse("2026-12-01T10:00:00Z"), MediationSettings.DEFAULT);

        assertThat(followUp.recorded(FollowUpResult.NOT_KEPT).foundNotKept()).isTrue();
        assertThat(followUp.recorded(FollowUpResult.PARTLY_KEPT).foundNotKept()).isFalse();
        assertThat(followUp.foundNotKept()).isFalse();
    }
}
