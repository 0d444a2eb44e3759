package kz.senim.cases.mediation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import kz.senim.cases.mediation.domain.MediationEvent.AgreementProposed;
import kz.senim.cases.mediation.domain.MediationEvent.AgreementSignedByAll;
import kz.senim.cases.mediation.domain.MediationEvent.CaseClosed;
import kz.senim.cases.mediation.domain.MediationEvent.ConsentGiven;
import kz.senim.cases.mediation.domain.MediationEvent.ConsentRefused;
import kz.senim.cases.mediation.domain.MediationEvent.ConsentRequested;
import kz.senim.cases.mediation.domain.MediationEvent.FollowUpDue;
import kz.senim.cases.mediation.domain.MediationEvent.FollowUpRecorded;
import kz.senim.cases.mediation.domain.MediationEvent.MediationReopened;
import kz.senim.cases.mediation.domain.MediationEvent.MediatorAssigned;
import kz.senim.cases.mediation.domain.MediationEvent.MediatorUnassigned;
import kz.senim.cases.mediation.domain.MediationEvent.NoAgreementReached;
import kz.senim.cases.mediation.domain.MediationEvent.PartyWithdrew;
import kz.senim.cases.mediation.domain.MediationEvent.RequestEscalated;
import kz.senim.cases.mediation.domain.MediationEvent.RequestSubmitted;
import kz.senim.cases.mediation.domain.MediationEvent.RequestTriaged;
import kz.senim.cases.mediation.domain.MediationEvent.SessionCancelled;
import kz.senim.cases.mediation.domain.MediationEvent.SessionScheduled;
import kz.senim.cases.mediation.domain.MediationEvent.UnassignmentReason;

/**
 * The events one case raises at one moment: each with a new event id, the case's school and id, and the time
 * it happened, so that a command says only what is particular to it.
 */
record CaseEvents(String schoolId, UUID caseId, Instant at) {

    /** The first event, then the others. */
    static List<MediationEvent> and(MediationEvent first, List<MediationEvent> then) {
        List<MediationEvent> events = new ArrayList<>(List.of(first));
        events.addAll(then);
        return events;
    }

    RequestSubmitted submitted(Request request, PartyKinds kinds) {
        return new RequestSubmitted(
                UUID.randomUUID(),
                schoolId,
                at,
                caseId,
                RequestKind.MEDIATION,
                request.channel(),
                request.urgency(),
                request.parties().size(),
                request.hasAdultParty(),
                kinds.students(),
                kinds.teachers(),
                kinds.parents(),
                kinds.otherAdults());
    }

    RequestTriaged triaged(TriageDecision decision, MediatedBy mediatedBy, MediationStatus status) {
        return new RequestTriaged(UUID.randomUUID(), schoolId, at, caseId, decision, mediatedBy, status);
    }

    RequestEscalated escalated() {
        return new RequestEscalated(UUID.randomUUID(), schoolId, at, caseId);
    }

    MediatorAssigned assigned(Mediator mediator, MediationStatus status) {
        return new MediatorAssigned(
                UUID.randomUUID(), schoolId, at, caseId, mediator.userId(), mediator.kind(), status);
    }

    MediatorUnassigned unassigned(String mediatorId, UnassignmentReason reason, MediationStatus status) {
        return new MediatorUnassigned(UUID.randomUUID(), schoolId, at, caseId, mediatorId, reason, status);
    }

    ConsentRequested consentRequested(List<String> partyUserIds, List<String> guardianConsentUserIds, int parties) {
        return new ConsentRequested(
                UUID.randomUUID(), schoolId, at, caseId, partyUserIds, guardianConsentUserIds, parties);
    }

    ConsentGiven consentGiven(Consent consent, MediationStatus status) {
        return new ConsentGiven(
                UUID.randomUUID(),
                schoolId,
                at,
                caseId,
                consent.partyId(),
                consent.guardian(),
                consent.onBehalf(),
                status);
    }

    ConsentRefused consentRefused(Consent consent) {
        return new ConsentRefused(
                UUID.randomUUID(), schoolId, at, caseId, consent.partyId(), consent.guardian(), consent.onBehalf());
    }

    PartyWithdrew withdrew(MediationStatus from) {
        return new PartyWithdrew(UUID.randomUUID(), schoolId, at, caseId, from);
    }

    SessionScheduled scheduled(Session session, List<Party> parties, Team team) {
        return new SessionScheduled(
                UUID.randomUUID(),
                schoolId,
                at,
                caseId,
                session.id(),
                session.kind(),
                session.startsAt(),
                session.participants().size(),
                participantUserIds(session, parties),
                team.userIds());
    }

    SessionCancelled cancelled(Session session, List<Party> parties, Team team) {
        return new SessionCancelled(
                UUID.randomUUID(),
                schoolId,
                at,
                caseId,
                session.id(),
                participantUserIds(session, parties),
                team.userIds());
    }

    /** Whom a session concerns: its participants with an account. */
    private static List<String> participantUserIds(Session session, List<Party> parties) {
        return parties.stream()
                .filter(p -> session.participants().contains(p.id()))
                .map(Party::userId)
                .filter(Objects::nonNull)
                .toList();
    }

    AgreementProposed agreementProposed(List<String> partyUserIds, int commitments) {
        return new AgreementProposed(UUID.randomUUID(), schoolId, at, caseId, partyUserIds, commitments);
    }

    AgreementSignedByAll signedByAll(int commitments, LocalDate followUpDate) {
        return new AgreementSignedByAll(UUID.randomUUID(), schoolId, at, caseId, commitments, followUpDate);
    }

    NoAgreementReached noAgreement() {
        return new NoAgreementReached(UUID.randomUUID(), schoolId, at, caseId);
    }

    FollowUpDue followUpDue(LocalDate date) {
        return new FollowUpDue(UUID.randomUUID(), schoolId, at, caseId, date);
    }

    FollowUpRecorded followUpRecorded(FollowUpResult result) {
        return new FollowUpRecorded(UUID.randomUUID(), schoolId, at, caseId, result);
    }

    MediationReopened reopened() {
        return new MediationReopened(UUID.randomUUID(), schoolId, at, caseId);
    }

    CaseClosed closed(MediationStatus status, Outcome outcome, String submitterToTell) {
        return new CaseClosed(UUID.randomUUID(), schoolId, at, caseId, status, outcome, submitterToTell);
    }
}
