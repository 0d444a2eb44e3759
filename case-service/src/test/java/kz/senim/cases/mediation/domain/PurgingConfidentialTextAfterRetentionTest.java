package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.coordinator;
import static kz.senim.cases.mediation.domain.Cases.dana;
import static kz.senim.cases.mediation.domain.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Confidentiality over time: the words of a case go after the retention period, its facts stay. */
class PurgingConfidentialTextAfterRetentionTest {

    static final Duration YEAR = Duration.ofDays(365);

    static Mediation closedWithAgreement() {
        Mediation mediation = Cases.followUp();
        mediation.recordFollowUp(dana, FollowUpResult.KEPT, NOW);
        mediation.close(dana, NOW);
        return mediation;
    }

    @Test
    void a_year_after_closure_every_confidential_text_is_gone_and_the_facts_remain() {
        Mediation mediation = closedWithAgreement();

        assertThat(mediation.purge(YEAR, NOW.plus(YEAR))).isPresent();

        assertThat(mediation.request().description()).isNull();
        assertThat(mediation.triage().reason()).isNull();
        assertThat(mediation.agreement().orElseThrow().commitments())
                .allSatisfy(c -> assertThat(c.text()).isEqualTo(Mediation.PURGED));
        assertThat(mediation.outcome()).contains(Outcome.AGREEMENT_KEPT);
        assertThat(mediation.agreement().orElseThrow().signatures()).hasSize(2);
        assertThat(mediation.retention().purgedAt()).isEqualTo(NOW.plus(YEAR));
    }

    @Test
    void nothing_is_purged_before_the_period_ends_or_while_the_case_is_open() {
        Mediation closed = closedWithAgreement();
        Mediation open = Cases.inMediation();

        assertThat(closed.purge(YEAR, NOW.plus(YEAR).minusSeconds(1))).isEmpty();
        assertThat(open.purge(YEAR, NOW.plus(YEAR.multipliedBy(5)))).isEmpty();
        assertThat(closed.request().description()).isNotNull();
        assertThat(open.request().description()).isNotNull();
    }

    @Test
    void a_legal_hold_stops_the_purge_until_it_is_released() {
        Mediation mediation = closedWithAgreement();
        mediation.placeLegalHold(coordinator);

        assertThat(mediation.purge(YEAR, NOW.plus(YEAR.multipliedBy(3)))).isEmpty();
        assertThat(mediation.request().description()).isNotNull();

        mediation.releaseLegalHold(coordinator);
        assertThat(mediation.purge(YEAR, NOW.plus(YEAR.multipliedBy(3)))).isPresent();
    }

    @Test
    void only_a_coordinator_places_a_hold_and_not_on_text_already_purged() {
        Mediation mediation = closedWithAgreement();

        refused(mediation, () -> mediation.placeLegalHold(dana), "coordinators-only");
        mediation.purge(YEAR, NOW.plus(YEAR));
        refused(mediation, () -> mediation.placeLegalHold(coordinator), "case-already-purged");
    }
}
