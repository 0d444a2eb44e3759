package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.MediationStatus.AGREEMENT_REACHED;
import static kz.senim.cases.mediation.domain.MediationStatus.AWAITING_CONSENT;
import static kz.senim.cases.mediation.domain.MediationStatus.FOLLOW_UP;
import static kz.senim.cases.mediation.domain.MediationStatus.IN_MEDIATION;
import static kz.senim.cases.mediation.domain.MediationStatus.NO_AGREEMENT;
import static kz.senim.cases.mediation.domain.MediationStatus.TRIAGED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.senim.cases.school.domain.Actor;

/**
 * The agreement's commands on one case (cooperation, ownership) and its follow-up's (future): the team writes
 * the parties' commitments, each party signs for themselves, the team follows up on how it is kept, and an
 * agreement not kept can bring the parties back. They change the parts of the {@link Mediation} they are given,
 * on its one boundary; callers reach them through the case.
 */
final class AgreementCommands {

    private final Mediation mediation;

    AgreementCommands(Mediation mediation) {
        this.mediation = mediation;
    }

    /**
     * The team writes down the parties' mutual commitments (see {@link Agreement#write}). Changing the terms
     * voids every signature given so far.
     */
    List<MediationEvent> write(Actor actor, List<Commitment> commitments, Instant now) {
        mediation.team.requireCaseWorker(actor);
        mediation.status.require("mediation-not-in-progress", IN_MEDIATION);
        List<Party> parties = mediation.request.parties();
        mediation.agreement = Agreement.write(commitments, parties);
        return List.of(mediation.raised(now).agreementProposed(Party.userIdsOf(parties), commitments.size()));
    }

    /** A party signs the agreement for themselves; when the last one signs, it takes effect. */
    List<MediationEvent> sign(Actor actor, Instant now) {
        mediation.status.require("mediation-not-in-progress", IN_MEDIATION);
        Party party = mediation
                .partyOf(actor)
                .orElseThrow(() ->
                        new ActorRefused("nobody-signs-for-another", "Only a party signs, and only for themselves"));
        if (mediation.agreement == null) {
            throw new MediationRefused("no-agreement-to-sign", "There is no agreement to sign yet");
        }
        mediation.agreement = mediation.agreement.signedBy(party.id(), now);
        if (!mediation.isAgreementInForce()) {
            return List.of();
        }
        mediation.status = AGREEMENT_REACHED;
        mediation.followUp = FollowUp.after(now, mediation.settings);
        return List.of(mediation
                .raised(now)
                .signedByAll(mediation.agreement.commitments().size(), mediation.followUp.date()));
    }

    /** The parties did not agree: a legitimate outcome, not a failure; the sessions to come are cancelled. */
    List<MediationEvent> recordNoAgreement(Actor actor, Instant now) {
        mediation.team.requireCaseWorker(actor);
        mediation.status.require("mediation-not-in-progress", IN_MEDIATION);
        mediation.status = NO_AGREEMENT;
        return CaseEvents.and(mediation.raised(now).noAgreement(), mediation.cancelSessionsToCome(now));
    }

    /** On the follow-up date the team checks how the agreement is kept. */
    List<MediationEvent> followUpDue(Instant now) {
        mediation.status.require("no-agreement-in-force", AGREEMENT_REACHED);
        if (!mediation.followUp.isDue(now, mediation.settings)) {
            throw new MediationRefused("follow-up-not-due", "The follow-up date has not come yet");
        }
        mediation.status = FOLLOW_UP;
        return List.of(mediation.raised(now).followUpDue(mediation.followUp.date()));
    }

    /**
     * The team records how the agreement was kept. On or after the follow-up date the team need not wait for
     * the reminder: the follow-up falls due first (before its date it is refused as not due).
     */
    List<MediationEvent> recordFollowUp(Actor actor, FollowUpResult result, Instant now) {
        mediation.team.requireCaseWorker(actor);
        List<MediationEvent> events = new ArrayList<>();
        if (mediation.status == AGREEMENT_REACHED) {
            events.addAll(followUpDue(now));
        }
        mediation.status.require("follow-up-not-due", FOLLOW_UP);
        mediation.followUp = mediation.followUp.recorded(result);
        events.add(mediation.raised(now).followUpRecorded(result));
        return events;
    }

    /** An agreement that was not kept can bring the parties back to mediation, if they consent again. */
    List<MediationEvent> reopen(Actor actor, Instant now) {
        mediation.team.requireCaseWorker(actor);
        if (mediation.status != FOLLOW_UP || !mediation.followUp.foundNotKept()) {
            throw new MediationRefused("reopen-needs-agreement-not-kept", "Only an agreement not kept reopens");
        }
        mediation.agreement = null;
        mediation.followUp = FollowUp.NONE;
        mediation.consents = Consents.NONE;
        mediation.status = mediation.team.isComplete(mediation.settings) ? AWAITING_CONSENT : TRIAGED;
        MediationEvent reopened = mediation.raised(now).reopened();
        return mediation.status == AWAITING_CONSENT
                ? List.of(reopened, mediation.consentCommands.consentRequested(now))
                : List.of(reopened);
    }
}
