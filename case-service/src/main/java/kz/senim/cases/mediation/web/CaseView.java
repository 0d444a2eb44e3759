package kz.senim.cases.mediation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import kz.senim.cases.mediation.Mediations.Seen;
import kz.senim.cases.mediation.domain.Mediation;
import kz.senim.cases.mediation.domain.Party;
import kz.senim.cases.mediation.domain.Visibility;

/**
 * A case as one caller may see it. Fields the caller may not see are absent, not empty:
 * {@code description} for the submitter, the team and coordinators; the agreement for parties and
 * up; session notes, consent notes and party names for the team and coordinators; the triage
 * reason for coordinators only. A guardian whose consent is asked sees the status, who mediates and
 * {@code guardianConsents}: their child's party id and their own answer, nothing else.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CaseView(
        UUID id,
        String kind,
        String status,
        String channel,
        String urgency,
        String preferredLanguage,
        OffsetDateTime submittedAt,
        String outcome,
        OffsetDateTime closedAt,
        String description,
        Triage triage,
        List<PartyView> parties,
        List<MediatorView> mediators,
        List<ConsentView> consents,
        List<SessionView> sessions,
        AgreementView agreement,
        LocalDate followUpDate,
        String followUpResult,
        Boolean legalHold,
        OffsetDateTime purgedAt,
        String mediatedBy,
        List<GuardianConsentView> guardianConsents) {

    /**
     * A consent the viewer gives as a guardian: for which party (their child), and their answer
     * ({@code given} absent while it is awaited).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GuardianConsentView(UUID partyId, Boolean given) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Triage(String decision, String mediatedBy, boolean escalated, String reason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PartyView(UUID id, String userId, boolean adult, Integer grade, String name, boolean you) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MediatorView(String userId, String kind) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConsentView(
            UUID partyId, boolean guardian, boolean given, boolean onBehalf, OffsetDateTime at, String note) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SessionView(
            UUID id,
            String kind,
            OffsetDateTime startsAt,
            String place,
            List<UUID> participants,
            boolean cancelled,
            String notes) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgreementView(List<CommitmentView> commitments, List<UUID> signedBy, boolean inForce) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CommitmentView(UUID partyId, String text) {}

    static CaseView of(Seen seen, ZoneId zone) {
        Mediation m = seen.stored().mediation();
        Visibility v = seen.visibility();
        boolean party = v.atLeast(Visibility.PARTY);
        boolean team = v.atLeast(Visibility.MEDIATOR);
        boolean coordinator = v == Visibility.COORDINATOR;
        return new CaseView(
                m.id(),
                "MEDIATION",
                m.status().name(),
                m.request().channel().name(),
                m.request().urgency().name(),
                party ? m.request().preferredLanguage() : null,
                time(m.request().submittedAt(), zone),
                m.outcome().map(Enum::name).orElse(null),
                m.closure().closedAt() == null ? null : time(m.closure().closedAt(), zone),
                m.confidentiality().mayReadDescription(seen.viewer())
                        ? m.request().description()
                        : null,
                team && m.triage().decision() != null
                        ? new Triage(
                                m.triage().decision().name(),
                                m.team().mediatedBy() == null
                                        ? null
                                        : m.team().mediatedBy().name(),
                                m.triage().escalated(),
                                coordinator ? m.triage().reason() : null)
                        : null,
                party ? m.parties().stream().map(p -> partyView(p, team, seen)).toList() : null,
                party
                        ? m.team().mediators().stream()
                                .map(x -> new MediatorView(x.userId(), x.kind().name()))
                                .toList()
                        : null,
                team
                        ? m.consents().stream()
                                .map(c -> new ConsentView(
                                        c.partyId(),
                                        c.guardian(),
                                        c.given(),
                                        c.onBehalf(),
                                        time(c.at(), zone),
                                        coordinator ? c.note() : null))
                                .toList()
                        : null,
                party
                        ? m.sessions().stream()
                                .filter(s -> team
                                        || m.partyOf(seen.viewer())
                                                .map(p -> s.participants().contains(p.id()))
                                                .orElse(false))
                                .map(s -> new SessionView(
                                        s.id(),
                                        s.kind().name(),
                                        time(s.startsAt(), zone),
                                        s.place(),
                                        s.participants().stream().sorted().toList(),
                                        s.cancelled(),
                                        team ? s.notes() : null))
                                .toList()
                        : null,
                party
                        ? m.agreement()
                                .map(a -> new AgreementView(
                                        a.commitments().stream()
                                                .map(c -> new CommitmentView(c.partyId(), c.text()))
                                                .toList(),
                                        a.signatures().keySet().stream()
                                                .sorted()
                                                .toList(),
                                        m.isAgreementInForce()))
                                .orElse(null)
                        : null,
                party ? m.followUpDate().orElse(null) : null,
                party && m.followUp().result() != null ? m.followUp().result().name() : null,
                coordinator ? m.retention().legalHold() : null,
                coordinator && m.retention().purgedAt() != null
                        ? time(m.retention().purgedAt(), zone)
                        : null,
                // A guardian consents to mediation by young mediators or by adults: that much they see.
                v == Visibility.GUARDIAN
                        ? m.team().mediatedBy() == null
                                ? null
                                : m.team().mediatedBy().name()
                        : null,
                seen.wards().isEmpty()
                        ? null
                        : seen.wards().stream()
                                .map(ward -> new GuardianConsentView(
                                        ward, m.guardianConsentOf(ward).orElse(null)))
                                .toList());
    }

    private static PartyView partyView(Party p, boolean team, Seen seen) {
        return new PartyView(
                p.id(),
                p.userId(),
                p.adult(),
                p.grade(),
                team ? p.name() : null,
                p.isUser(seen.viewer().userId()));
    }

    static OffsetDateTime time(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }
}
