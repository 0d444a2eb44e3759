package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.MediationStatus.AWAITING_CONSENT;
import static kz.senim.cases.mediation.domain.MediationStatus.IN_MEDIATION;
import static kz.senim.cases.mediation.domain.MediationStatus.MEDIATORS_ASSIGNED;
import static kz.senim.cases.mediation.domain.MediationStatus.TRIAGED;
import static kz.senim.cases.mediation.domain.MediationStatus.WITHDRAWN;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.senim.cases.school.domain.Actor;
import kz.senim.cases.school.domain.SchoolDirectory;

/**
 * The consent commands on one case (voluntariness): the parties are asked, each answers for themselves, one no
 * ends the case, and any party may leave at any moment before closure. They change the parts of the
 * {@link Mediation} they are given, on its one boundary; callers reach them through the case.
 */
final class ConsentCommands {

    private final Mediation mediation;

    ConsentCommands(Mediation mediation) {
        this.mediation = mediation;
    }

    /** The team asks the parties whether they take part. */
    List<MediationEvent> askForConsent(Actor actor, Instant now) {
        mediation.team.requireCaseWorker(actor);
        if (mediation.status == TRIAGED) {
            throw new MediationRefused("mediator-team-incomplete", "Every mediator is assigned before consent");
        }
        mediation.status.require("not-ready-for-consent", MEDIATORS_ASSIGNED);
        mediation.status = AWAITING_CONSENT;
        return List.of(consentRequested(now));
    }

    /** Who is asked: the parties with an account, and which of them need a guardian's consent too. */
    MediationEvent consentRequested(Instant now) {
        List<Party> parties = mediation.request.parties();
        List<Party> withGuardians = parties.stream()
                .filter(p -> p.needsGuardianConsent(mediation.settings))
                .toList();
        return mediation
                .raised(now)
                .consentRequested(Party.userIdsOf(parties), Party.userIdsOf(withGuardians), parties.size());
    }

    /** A party or guardian answers (see {@link Consents}): mediation starts when all said yes; one no ends it. */
    List<MediationEvent> answerConsent(Actor actor, ConsentAnswer answer, SchoolDirectory directory, Instant now) {
        mediation.status.require("not-awaiting-consent", AWAITING_CONSENT);
        Party party = mediation.request.party(answer.partyId());
        mediation.consents = mediation.consents.record(party, answer, actor, directory, mediation.settings, now);
        Consent recorded = mediation.consents.latest();
        if (!recorded.given()) {
            return CaseEvents.and(
                    mediation.raised(now).consentRefused(recorded), mediation.close(Outcome.CONSENT_REFUSED, now));
        }
        if (mediation.everyConsentGiven()) {
            mediation.status = IN_MEDIATION;
        }
        return List.of(mediation.raised(now).consentGiven(recorded, mediation.status));
    }

    /** Any party may leave at any moment before closure; the events do not say who left. */
    List<MediationEvent> withdraw(Actor actor, UUID onBehalfOf, String note, Instant now) {
        mediation.status.requireOpen();
        boolean self = mediation.partyOf(actor).isPresent();
        boolean forParty = actor.coordinator()
                && onBehalfOf != null
                && mediation.request.parties().stream().anyMatch(p -> p.id().equals(onBehalfOf))
                && note != null
                && !note.isBlank();
        if (!self && !forParty) {
            throw MediationRefused.ofActor(
                    actor, "only-a-party-withdraws", "A party withdraws, or a coordinator notes it on their behalf");
        }
        MediationStatus from = mediation.status;
        mediation.status = WITHDRAWN;
        mediation.closure = Closure.as(Outcome.WITHDRAWN, now);
        List<MediationEvent> events =
                CaseEvents.and(mediation.raised(now).withdrew(from), mediation.cancelSessionsToCome(now));
        events.add(mediation.raised(now).closed(WITHDRAWN, Outcome.WITHDRAWN, mediation.submitterToTell()));
        return events;
    }
}
