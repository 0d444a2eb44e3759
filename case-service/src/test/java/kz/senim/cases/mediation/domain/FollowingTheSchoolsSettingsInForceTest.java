package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.ALUA;
import static kz.senim.cases.mediation.domain.Cases.BEKZAT;
import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.alua;
import static kz.senim.cases.mediation.domain.Cases.bekzat;
import static kz.senim.cases.mediation.domain.Cases.coordinator;
import static kz.senim.cases.mediation.domain.Cases.directory;
import static kz.senim.cases.mediation.domain.Cases.partyId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A school changes its settings; each decision on a case follows the settings in force when it is made. */
class FollowingTheSchoolsSettingsInForceTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    @Test
    void a_school_that_moved_to_one_mediator_per_case_needs_one_for_its_open_cases_too() {
        Mediation mediation = Cases.triaged();

        mediation.followSettings(new MediationSettings(1, null, 14, ALMATY));
        mediation.assign(coordinator, Cases.danaCandidate, directory, NOW);

        assertThat(mediation.status()).isEqualTo(MediationStatus.MEDIATORS_ASSIGNED);
    }

    @Test
    void a_school_that_moved_back_to_co_mediation_needs_a_second_mediator() {
        Mediation mediation = Cases.submitted(new MediationSettings(1, null, 14, ALMATY));
        mediation.triage(coordinator, TriageDecision.ACCEPT_FOR_PEER_MEDIATION, "ok", false, NOW);

        mediation.followSettings(MediationSettings.DEFAULT);
        mediation.assign(coordinator, Cases.danaCandidate, directory, NOW);

        assertThat(mediation.status()).isNotEqualTo(MediationStatus.MEDIATORS_ASSIGNED);
        mediation.assign(coordinator, Cases.erlanCandidate, directory, NOW);
        assertThat(mediation.status()).isEqualTo(MediationStatus.MEDIATORS_ASSIGNED);
    }

    @Test
    void guardian_consent_switched_on_before_the_parties_answer_is_required_for_younger_students() {
        Mediation mediation = Cases.awaitingConsent();

        mediation.followSettings(new MediationSettings(2, 8, 14, ALMATY));
        mediation.answerConsent(alua, ConsentAnswer.given(partyId(mediation, ALUA)), directory, NOW);
        mediation.answerConsent(bekzat, ConsentAnswer.given(partyId(mediation, BEKZAT)), directory, NOW);

        assertThat(mediation.status()).isEqualTo(MediationStatus.AWAITING_CONSENT);
    }

    @Test
    void guardian_consent_below_a_lower_grade_leaves_older_students_to_consent_alone() {
        Mediation mediation = Cases.awaitingConsent();

        mediation.followSettings(new MediationSettings(2, 7, 14, ALMATY));
        mediation.answerConsent(alua, ConsentAnswer.given(partyId(mediation, ALUA)), directory, NOW);
        mediation.answerConsent(bekzat, ConsentAnswer.given(partyId(mediation, BEKZAT)), directory, NOW);

        assertThat(mediation.status()).isEqualTo(MediationStatus.IN_MEDIATION);
    }

    @Test
    void the_follow_up_date_counts_the_days_in_force_at_signing_in_the_schools_time_zone() {
        Mediation mediation = Cases.withAgreementWritten();

        // 2026-11-26T05:00Z is still 25 November in Los Angeles.
        mediation.followSettings(new MediationSettings(2, null, 7, ZoneId.of("America/Los_Angeles")));
        mediation.sign(alua, NOW);
        mediation.sign(bekzat, NOW);

        assertThat(mediation.followUpDate()).contains(LocalDate.of(2026, 12, 2));
    }

    @Test
    void the_follow_up_date_of_a_school_in_almaty_counts_from_its_own_date() {
        Mediation mediation = Cases.withAgreementWritten();

        mediation.followSettings(new MediationSettings(2, null, 30, ALMATY));
        mediation.sign(alua, NOW);
        mediation.sign(bekzat, NOW);

        assertThat(mediation.followUpDate()).contains(LocalDate.of(2026, 12, 26));
    }

    @Test
    void the_retention_is_the_schools_number_of_days() {
        SchoolSettings settings = new SchoolSettings(2, null, 14, 30, ALMATY);

        assertThat(settings.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.mediation()).isEqualTo(new MediationSettings(2, null, 14, ALMATY));
        assertThat(SchoolSettings.of(MediationSettings.DEFAULT, 365).retentionDays())
                .isEqualTo(365);
    }

    @Test
    void a_school_cannot_set_impossible_values() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SchoolSettings(3, null, 14, 365, ALMATY));
        assertThatIllegalArgumentException().isThrownBy(() -> new SchoolSettings(2, 1, 14, 365, ALMATY));
        assertThatIllegalArgumentException().isThrownBy(() -> new SchoolSettings(2, null, 0, 365, ALMATY));
        assertThatIllegalArgumentException().isThrownBy(() -> new SchoolSettings(2, null, 14, 0, ALMATY));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SchoolSettings(2, null, 14, SchoolSettings.MAX_RETENTION_DAYS + 1, ALMATY));
    }
}
