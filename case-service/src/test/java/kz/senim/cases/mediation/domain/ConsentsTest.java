package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.ALUA;
import static kz.senim.cases.mediation.domain.Cases.BEKZAT;
import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.PARENT_OF_ALUA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import kz.senim.cases.school.domain.Actor;
import org.junit.jupiter.api.Test;

/** The consents on their own: who answers for whom, once, and when everyone said yes. */
class ConsentsTest {

    private static final MediationSettings GUARDIANS_BELOW_9 =
            new MediationSettings(2, 9, 14, ZoneId.of("Asia/Almaty"));
    private final Party alua = Party.student(ALUA, 7);
    private final Party bekzat = Party.student(BEKZAT, 10);
    private final List<Party> parties = List.of(alua, bekzat);

    @Test
    void an_answer_is_typed_not_flagged() {
        ConsentAnswer answer = ConsentAnswer.refused(alua.id()).byGuardian().noted("by phone");

        assertThat(answer.respondent()).isEqualTo(ConsentAnswer.Respondent.GUARDIAN);
        assertThat(answer.answer()).isEqualTo(ConsentAnswer.Answer.REFUSED);
        assertThat(answer.note()).isEqualTo("by phone");
    }

    @Test
    void everyone_said_yes_only_with_the_guardians_the_school_asks_for() {
        Consents consents = Consents.NONE
                .record(alua, ConsentAnswer.given(alua.id()), Cases.alua, Cases.directory, GUARDIANS_BELOW_9, NOW)
                .record(
                        bekzat,
                        ConsentAnswer.given(bekzat.id()),
                        Cases.bekzat,
                        Cases.directory,
                        GUARDIANS_BELOW_9,
                        NOW);

        assertThat(consents.everyGiven(parties, MediationSettings.DEFAULT)).isTrue();
        assertThat(consents.everyGiven(parties, GUARDIANS_BELOW_9))
                .as("Alua's guardian")
                .isFalse();
        assertThat(consents.guardianAnswerOf(alua.id())).isEmpty();

        Consents withGuardian = consents.record(
                alua,
                ConsentAnswer.given(alua.id()).byGuardian(),
                Actor.person(PARENT_OF_ALUA),
                Cases.directory,
                GUARDIANS_BELOW_9,
                NOW);

        assertThat(withGuardian.everyGiven(parties, GUARDIANS_BELOW_9)).isTrue();
        assertThat(withGuardian.guardianAnswerOf(alua.id())).contains(true);
        assertThat(withGuardian.latest().onBehalf()).isFalse();
    }

    @Test
    void nobody_answers_for_another_but_a_coordinator_with_a_note() {
        assertThatThrownBy(() -> Consents.NONE.record(
                        alua, ConsentAnswer.given(alua.id()), Cases.bekzat, Cases.directory, GUARDIANS_BELOW_9, NOW))
                .isInstanceOfSatisfying(
                        ActorRefused.class, e -> assertThat(e.reason()).isEqualTo("nobody-consents-for-another"));
        assertThatThrownBy(() -> Consents.NONE.record(
                        alua,
                        ConsentAnswer.given(alua.id()),
                        Cases.coordinator,
                        Cases.directory,
                        GUARDIANS_BELOW_9,
                        NOW))
                .isInstanceOfSatisfying(
                        MediationRefused.class, e -> assertThat(e.reason()).isEqualTo("nobody-consents-for-another"));

        Consent noted = Consents.NONE
                .record(
                        alua,
                        ConsentAnswer.refused(alua.id()).noted("said no in person"),
                        Cases.coordinator,
                        Cases.directory,
                        GUARDIANS_BELOW_9,
                        NOW)
                .latest();

        assertThat(noted.onBehalf()).isTrue();
        assertThat(noted.given()).isFalse();
        assertThat(noted.note()).isEqualTo("said no in person");
    }

    @Test
    void a_note_is_kept_only_for_an_answer_recorded_on_behalf() {
        Consent own = Consents.NONE
                .record(
                        alua,
                        ConsentAnswer.given(alua.id()).noted("ignored"),
                        Cases.alua,
                        Cases.directory,
                        GUARDIANS_BELOW_9,
                        NOW)
                .latest();

        assertThat(own.note()).isNull();
    }

    @Test
    void each_answer_is_given_once_and_a_guardian_only_where_asked() {
        Consents once = Consents.NONE.record(
                alua, ConsentAnswer.given(alua.id()), Cases.alua, Cases.directory, GUARDIANS_BELOW_9, NOW);

        assertThatThrownBy(() -> once.record(
                        alua, ConsentAnswer.refused(alua.id()), Cases.alua, Cases.directory, GUARDIANS_BELOW_9, NOW))
                .isInstanceOfSatisfying(
                        MediationRefused.class, e -> assertThat(e.reason()).isEqualTo("consent-already-recorded"));
        assertThatThrownBy(() -> once.record(
                        bekzat,
                        ConsentAnswer.given(bekzat.id()).byGuardian(),
                        Cases.coordinator,
                        Cases.directory,
                        GUARDIANS_BELOW_9,
                        NOW))
                .isInstanceOfSatisfying(
                        MediationRefused.class, e -> assertThat(e.reason()).isEqualTo("guardian-consent-not-required"));
    }

    @Test
    void the_purge_keeps_the_answers_and_drops_the_notes() {
        Consents noted = Consents.NONE.record(
                alua,
                ConsentAnswer.given(alua.id()).noted("said yes in room 204"),
                Cases.coordinator,
                Cases.directory,
                MediationSettings.DEFAULT,
                NOW);

        Consent purged = noted.purged().latest();

        assertThat(purged.note()).isNull();
        assertThat(purged.given()).isTrue();
        assertThat(purged.onBehalf()).isTrue();
    }
}
