package kz.senim.cases.mediation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.senim.cases.school.domain.Actor;
import kz.senim.cases.school.domain.SchoolDirectory;

/**
 * The answers given to the request for consent (voluntariness): each party's, and their guardian's where the
 * school asks for it. Nobody consents for another, except a coordinator who notes how the person answered;
 * each answer is given once.
 */
public record Consents(List<Consent> answers) {

    public static final Consents NONE = new Consents(List.of());

    public Consents {
        answers = List.copyOf(answers);
    }

    /**
     * Records an answer of the party, as the rules allow it.
     *
     * @throws MediationRefused when the answer is not needed, not the actor's to give, or already given
     */
    Consents record(
            Party party,
            ConsentAnswer answer,
            Actor actor,
            SchoolDirectory directory,
            MediationSettings settings,
            Instant now) {
        boolean guardian = answer.fromGuardian();
        boolean onBehalf;
        if (guardian) {
            if (!party.needsGuardianConsent(settings)) {
                throw new MediationRefused(
                        "guardian-consent-not-required", "This party does not need a guardian's consent");
            }
            onBehalf = !(party.userId() != null && directory.isGuardianOf(actor.userId(), party.userId()));
        } else {
            onBehalf = !party.isUser(actor.userId());
        }
        String note = answer.note();
        if (onBehalf && !(actor.coordinator() && note != null && !note.isBlank())) {
            throw MediationRefused.ofActor(
                    actor,
                    "nobody-consents-for-another",
                    "Consent is given by the person themselves, or noted by a coordinator on their behalf");
        }
        if (answerOf(party.id(), guardian).isPresent()) {
            throw new MediationRefused("consent-already-recorded", "This answer is already recorded");
        }
        List<Consent> more = new ArrayList<>(answers);
        more.add(
                new Consent(party.id(), guardian, answer.yes(), actor.userId(), onBehalf, onBehalf ? note : null, now));
        return new Consents(more);
    }

    /** The last answer recorded. */
    Consent latest() {
        return answers.getLast();
    }

    /** Mediation starts when every party said yes, and every guardian the school asks for too. */
    public boolean everyGiven(List<Party> parties, MediationSettings settings) {
        return parties.stream()
                .allMatch(p -> given(p.id(), false) && (!p.needsGuardianConsent(settings) || given(p.id(), true)));
    }

    /** The guardian's answer for a party, if given: empty while it is awaited. */
    public Optional<Boolean> guardianAnswerOf(UUID partyId) {
        return answerOf(partyId, true).map(Consent::given);
    }

    /** The answers without the notes of how they were given: what stays after the purge. */
    Consents purged() {
        return new Consents(answers.stream()
                .map(c -> new Consent(c.partyId(), c.guardian(), c.given(), c.recordedBy(), c.onBehalf(), null, c.at()))
                .toList());
    }

    private boolean given(UUID partyId, boolean guardian) {
        return answerOf(partyId, guardian).map(Consent::given).orElse(false);
    }

    private Optional<Consent> answerOf(UUID partyId, boolean guardian) {
        return answers.stream()
                .filter(c -> c.partyId().equals(partyId) && c.guardian() == guardian)
                .findFirst();
    }
}
