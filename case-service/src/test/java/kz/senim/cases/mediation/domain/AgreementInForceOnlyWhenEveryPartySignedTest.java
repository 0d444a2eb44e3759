package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.ALUA;
import static kz.senim.cases.mediation.domain.Cases.BEKZAT;
import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.alua;
import static kz.senim.cases.mediation.domain.Cases.bekzat;
import static kz.senim.cases.mediation.domain.Cases.coordinator;
import static kz.senim.cases.mediation.domain.Cases.dana;
import static kz.senim.cases.mediation.domain.Cases.partyId;
import static kz.senim.cases.mediation.domain.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.senim.cases.mediation.domain.MediationEvent.AgreementSignedByAll;
import kz.senim.cases.school.domain.Actor;
import org.junit.jupiter.api.Test;

/** Cooperation and ownership: the parties' own mutual commitments, in force only when every party signed. */
class AgreementInForceOnlyWhenEveryPartySignedTest {

    @Test
    void an_agreement_with_a_missing_signature_has_no_effect() {
        Mediation mediation = Cases.withAgreementWritten();

        var events = mediation.sign(alua, NOW);

        assertThat(events).isEmpty();
        assertThat(mediation.isAgreementInForce()).isFalse();
        assertThat(mediation.status()).isEqualTo(MediationStatus.IN_MEDIATION);
        assertThat(mediation.followUpDate()).isEmpty();
    }

    @Test
    void the_last_signature_puts_it_in_force_with_a_follow_up_date() {
        Mediation mediation = Cases.withAgreementWritten();
        mediation.sign(alua, NOW);

        var events = mediation.sign(bekzat, NOW);

        assertThat(mediation.isAgreementInForce()).isTrue();
        assertThat(mediation.status()).isEqualTo(MediationStatus.AGREEMENT_REACHED);
        assertThat(events).singleElement().isInstanceOfSatisfying(AgreementSignedByAll.class, e -> {
            assertThat(e.commitmentCount()).isEqualTo(2);
            // 05:00 UTC is 10:00 in Almaty: the 26th there, plus the default 14 days.
            assertThat(e.followUpDate()).isEqualTo(LocalDate.of(2026, 12, 10));
        });
    }

    @Test
    void a_mediator_or_a_coordinator_never_signs_for_a_party() {
        Mediation mediation = Cases.withAgreementWritten();

        refused(mediation, () -> mediation.sign(dana, NOW), "nobody-signs-for-another");
        refused(mediation, () -> mediation.sign(coordinator, NOW), "nobody-signs-for-another");
        refused(mediation, () -> mediation.sign(Actor.person("a-classmate"), NOW), "nobody-signs-for-another");
    }

    @Test
    void a_party_signs_only_once_and_only_for_themselves() {
        Mediation mediation = Cases.withAgreementWritten();
        mediation.sign(alua, NOW);

        refused(mediation, () -> mediation.sign(alua, NOW), "agreement-already-signed");
        assertThat(mediation.agreement().orElseThrow().isSignedBy(partyId(mediation, BEKZAT)))
                .isFalse();
    }

    @Test
    void changing_the_terms_voids_every_signature_given() {
        Mediation mediation = Cases.withAgreementWritten();
        mediation.sign(alua, NOW);

        mediation.writeAgreement(
                dana,
                List.of(
                        new Commitment(partyId(mediation, ALUA), "I will ask first"),
                        new Commitment(partyId(mediation, BEKZAT), "I will speak calmly")),
                Cases.NOW);
        mediation.sign(bekzat, NOW);

        assertThat(mediation.isAgreementInForce()).isFalse();
    }

    @Test
    void every_party_owns_a_commitment_of_the_agreement() {
        Mediation mediation = Cases.inMediation();

        refused(
                mediation,
                () -> mediation.writeAgreement(
                        dana, List.of(new Commitment(partyId(mediation, ALUA), "I will apologise")), Cases.NOW),
                "agreement-not-mutual");
        refused(
                mediation,
                () -> mediation.writeAgreement(
                        dana,
                        List.of(
                                new Commitment(partyId(mediation, ALUA), "a"),
                                new Commitment(partyId(mediation, BEKZAT), "b"),
                                new Commitment(UUID.randomUUID(), "someone else's")),
                        Cases.NOW),
                "unknown-party");
    }

    @Test
    void nothing_to_sign_before_the_agreement_is_written() {
        Mediation mediation = Cases.inMediation();

        refused(mediation, () -> mediation.sign(alua, NOW), "no-agreement-to-sign");
    }

    @Test
    void no_agreement_is_a_legitimate_outcome() {
        Mediation mediation = Cases.inMediation();

        mediation.recordNoAgreement(dana, NOW);
        var events = mediation.close(dana, NOW);

        assertThat(mediation.outcome()).contains(Outcome.NO_AGREEMENT);
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        MediationEvent.CaseClosed.class,
                        e -> assertThat(e.outcome()).isEqualTo(Outcome.NO_AGREEMENT));
    }

    @Test
    void a_party_without_an_account_cannot_sign_so_no_agreement_is_written_that_could_never_take_effect() {
        Mediation mediation = Mediation.submit(
                Cases.SCHOOL,
                Channel.IN_PERSON,
                Urgency.NORMAL,
                null,
                Cases.COORDINATOR,
                List.of(Party.student(ALUA, 7), new Party(UUID.randomUUID(), null, false, 7, "A new boy")),
                "In person",
                new MediationSettings(1, null, 14, java.time.ZoneId.of("Asia/Almaty")),
                NOW);
        mediation.triage(coordinator, TriageDecision.ACCEPT_FOR_PEER_MEDIATION, "ok", false, NOW);
        mediation.assign(coordinator, Cases.danaCandidate, Cases.directory, NOW);
        mediation.askForConsent(dana, NOW);
        for (Party party : mediation.parties()) {
            mediation.answerConsent(
                    coordinator, ConsentAnswer.given(party.id()).noted("said yes"), Cases.directory, NOW);
        }

        refused(
                mediation,
                () -> mediation.writeAgreement(
                        dana,
                        mediation.parties().stream()
                                .map(p -> new Commitment(p.id(), "a"))
                                .toList(),
                        Cases.NOW),
                "party-cannot-sign");
    }
}
