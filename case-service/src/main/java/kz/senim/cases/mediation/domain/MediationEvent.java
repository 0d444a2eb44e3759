package kz.senim.cases.mediation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/**
 * What happened to a mediation case. Ids, school, kinds, statuses, counts and dates only: never
 * text and never names. Party ids are the case's own ids; the Keycloak user ids of the people to
 * tell (parties with an account, mediators, the submitter) are carried where someone must be told
 * something (docs/events.md). The party who withdrew is not named, so that withdrawing never
 * blames anyone.
 */
public sealed interface MediationEvent extends SenimEvent {

    UUID caseId();

    @Override
    default String aggregateId() {
        return caseId().toString();
    }

    @EventType("kz.senim.cases.request-submitted.v1")
    record RequestSubmitted(
            UUID eventId,
            String schoolId,
            Instant occurredAt,
            UUID caseId,
            RequestKind kind,
            Channel channel,
            Urgency urgency,
            int partyCount,
            boolean adultParty,
            int studentParties,
            int teacherParties,
            int parentParties,
            int otherAdultParties)
            implements MediationEvent {}

    @EventType("kz.senim.cases.request-triaged.v1")
    record RequestTriaged(
            UUID eventId,
            String schoolId,
            Instant occurredAt,
            UUID caseId,
            TriageDecision decision,
            MediatedBy mediatedBy,
            MediationStatus status)
            implements MediationEvent {}

    @EventType("kz.senim.cases.request-escalated.v1")
    record RequestEscalated(UUID eventId, String schoolId, Instant occurredAt, UUID caseId) implements MediationEvent {}

    @EventType("kz.senim.cases.mediator-assigned.v1")
    record MediatorAssigned(
            UUID eventId,
            String schoolId,
            Instant occurredAt,
            UUID caseId,
            String mediatorId,
            MediatorKind mediatorKind,
            MediationStatus status)
            implements MediationEvent {}

    @EventType("kz.senim.cases.mediator-unassigned.v1")
    record MediatorUnassigned(
            UUID eventId,
            String schoolId,
            Instant occurredAt,
            UUID caseId,
            String mediatorId,
            UnassignmentReason reason,
            MediationStatus status)
            implements MediationEvent {}

    @EventType("kz.senim.cases.consent-given.v1")
    record ConsentGiven(
            UUID eventId,
            String schoolId,
            Instant occurredAt,
            UUID caseId,
            UUID partyId,
            boolean guardian,
            boolean onBehalf,
            MediationStatus status)
            implements MediationEvent {}

    @EventType("kz.senim.cases.consent-refused.v1")
    record ConsentRefused(
            UUID eventId,
            String schoolId,
            Instant occurredAt,
            UUID caseId,
            UUID partyId,
            boolean guardian,
            boolean onBehalf)
            implements MediationEvent {}

    /**
     * The team asks the parties to consent.
     *
     * @param partyUserIds the user ids of the parties with an account
     * @param guardianConsentUserIds of those, the students whose guardian consents as well
     */
    @EventType("kz.senim.cases.consent-requested.v1")
    record ConsentRequested(
            UUID eventId,
            String schoolId,
            Instant occurredAt,
            UUID caseId,
            List<String> partyUserIds,
            List<String> guardianConsentUserIds,
            int partyCount)
            implements MediationEvent {
        public ConsentRequested {
            partyUserIds = List.copyOf(partyUserIds);
            guardianConsentUserIds = List.copyOf(guardianConsentUserIds);
        }
    }

    @EventType("kz.senim.cases.party-withdrew.v1")
    record PartyWithdrew(UUID eventId, String schoolId, Instant occurredAt, UUID caseId, MediationStatus fromStatus)
            implements MediationEvent {}

    @EventType("kz.senim.cases.session-scheduled.v1")
    record SessionScheduled(
            UUID eventId,
            String schoolId,
            Instant occurredAt,
            UUID caseId,
            UUID sessionId,
            SessionKind sessionKind,
            Instant startsAt,
            int participantCount,
            List<String> participantUserIds,
            List<String> mediatorIds)
            implements MediationEvent {
        public SessionScheduled {
            participantUserIds = List.copyOf(participantUserIds);
            mediatorIds = List.copyOf(mediatorIds);
        }
    }

    @EventType("kz.senim.cases.session-cancelled.v1")
    record SessionCancelled(
            UUID eventId,
            String schoolId,
            Instant occurredAt,
            UUID caseId,
            UUID sessionId,
            List<String> participantUserIds,
            List<String> mediatorIds)
            implements MediationEvent {
        public SessionCancelled {
            participantUserIds = List.copyOf(participantUserIds);
            mediatorIds = List.copyOf(mediatorIds);
        }
    }

    /** Terms written (or rewritten): every party's signature is needed; never the terms. */
    @EventType("kz.senim.cases.agreement-proposed.v1")
    record AgreementProposed(
            UUID eventId,
            String schoolId,
            Instant occurredAt,
            UUID caseId,
            List<String> partyUserIds,
            int commitmentCount)
            implements MediationEvent {
        public AgreementProposed {
            partyUserIds = List.copyOf(partyUserIds);
        }
    }

    @EventType("kz.senim.cases.agreement-signed-by-all.v1")
    record AgreementSignedByAll(
            UUID eventId, String schoolId, Instant occurredAt, UUID caseId, int commitmentCount, LocalDate followUpDate)
            implements MediationEvent {}

    @EventType("kz.senim.cases.no-agreement-reached.v1")
    record NoAgreementReached(UUID eventId, String schoolId, Instant occurredAt, UUID caseId)
            implements MediationEvent {}

    @EventType("kz.senim.cases.follow-up-due.v1")
    record FollowUpDue(UUID eventId, String schoolId, Instant occurredAt, UUID caseId, LocalDate followUpDate)
            implements MediationEvent {}

    @EventType("kz.senim.cases.follow-up-recorded.v1")
    record FollowUpRecorded(UUID eventId, String schoolId, Instant occurredAt, UUID caseId, FollowUpResult result)
            implements MediationEvent {}

    @EventType("kz.senim.cases.mediation-reopened.v1")
    record MediationReopened(UUID eventId, String schoolId, Instant occurredAt, UUID caseId)
            implements MediationEvent {}

    /**
     * A case ended.
     *
     * @param submitterId who submitted the request online, to be told the status; {@code null} for a
     *     request recorded in person or opened from the anonymous trust box
     */
    @EventType("kz.senim.cases.case-closed.v1")
    record CaseClosed(
            UUID eventId,
            String schoolId,
            Instant occurredAt,
            UUID caseId,
            MediationStatus status,
            Outcome outcome,
            String submitterId)
            implements MediationEvent {}

    /** Why a mediator left a case. */
    enum UnassignmentReason {
        /** A party objected to the mediator. */
        OBJECTION,
        /** The mediator declared a conflict of interest. */
        CONFLICT_OF_INTEREST,
        /** A coordinator changed the team. */
        BY_COORDINATOR,
        /** The mediator left the school (removed from its directory, issue 13). */
        LEFT_SCHOOL
    }
}
