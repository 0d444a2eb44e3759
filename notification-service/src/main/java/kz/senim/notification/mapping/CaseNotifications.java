package kz.senim.notification.mapping;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.senim.notification.delivery.Notifier;
import kz.senim.notification.delivery.domain.Category;
import org.springframework.stereotype.Component;

/** Whom case-service's events concern: coordinators, the case's mediators and parties, guardians, the submitter. */
@Component
class CaseNotifications implements Notifications {

    private static final String CASES = "kz.senim.cases.";

    private final Notifier notifier;
    private final Audiences audiences;
    private final CaseMediatorRepository mediators;
    private final SessionParticipantRepository sessionParticipants;

    CaseNotifications(
            Notifier notifier,
            Audiences audiences,
            CaseMediatorRepository mediators,
            SessionParticipantRepository sessionParticipants) {
        this.notifier = notifier;
        this.audiences = audiences;
        this.mediators = mediators;
        this.sessionParticipants = sessionParticipants;
    }

    @Override
    public void tell(EventFields event) {
        switch (event.type()) {
            case CASES + "request-submitted.v1" -> {
                String template = "TRUST_BOX".equals(event.text("channel")) ? "trust-box-message" : "request-submitted";
                tell(event, coordinators(event), Category.CASE_WORK, template, "caseId");
            }
            case CASES + "consultation-requested.v1" ->
                tell(event, coordinators(event), Category.CASE_WORK, "consultation-requested", "consultationId");
            case CASES + "trust-box-message-received.v1" ->
                tell(event, coordinators(event), Category.CASE_WORK, "trust-box-message-received", "threadId");
            case CASES + "mediator-assigned.v1" ->
                tell(event, List.of(event.text("mediatorId")), Category.CASE_WORK, "mediator-assigned", "caseId");
            case CASES + "follow-up-due.v1" ->
                tell(event, mediators.mediatorsOf(event.uuid("caseId")), Category.CASE_WORK, "follow-up-due", "caseId");
            case CASES + "session-scheduled.v1" ->
                tell(event, sessionAttendees(event), Category.CASE_PARTICIPATION, "session-scheduled", "caseId");
            case CASES + "session-cancelled.v1" ->
                tell(event, sessionAttendees(event), Category.CASE_PARTICIPATION, "session-cancelled", "caseId");
            case CASES + "consent-requested.v1" -> {
                List<String> parties = event.texts("partyUserIds");
                tell(event, parties, Category.CASE_PARTICIPATION, "consent-requested", "caseId");
                Set<String> guardians = new LinkedHashSet<>();
                event.texts("guardianConsentUserIds")
                        .forEach(student -> guardians.addAll(audiences.guardiansOf(student)));
                parties.forEach(guardians::remove);
                tell(
                        event,
                        List.copyOf(guardians),
                        Category.CASE_PARTICIPATION,
                        "consent-requested-guardian",
                        "caseId");
            }
            case CASES + "agreement-proposed.v1" ->
                tell(event, event.texts("partyUserIds"), Category.CASE_PARTICIPATION, "agreement-proposed", "caseId");
            case CASES + "case-closed.v1" -> {
                // Status only, to whoever submitted online; nobody for an in-person or trust-box request.
                List<String> submitter =
                        event.optionalText("submitterId").map(List::of).orElse(List.of());
                tell(event, submitter, Category.CASE_PARTICIPATION, "case-closed", "caseId");
            }
            case CASES + "consultation-answered.v1" ->
                tell(
                        event,
                        event.optionalText("askerId").map(List::of).orElse(List.of()),
                        Category.CASE_PARTICIPATION,
                        "consultation-answered",
                        "consultationId");
            default -> {
                // Not a case event anyone is told about.
            }
        }
    }

    private void tell(EventFields event, List<String> recipients, Category category, String template, String link) {
        notifier.notify(event.id(), event.school(), recipients, category, template, event.link(link));
    }

    private List<String> coordinators(EventFields event) {
        return audiences.coordinators(event.school());
    }

    /**
     * The session's parties and mediators as the event names them, plus the case's mediators as
     * this service knows them (events produced before case-service named the participants carry
     * neither list).
     */
    private List<String> sessionAttendees(EventFields event) {
        Set<String> told = new LinkedHashSet<>(event.optionalTexts("participantUserIds"));
        if (told.isEmpty()) {
            told.addAll(sessionParticipants.participantsOf(event.uuid("sessionId")));
        }
        told.addAll(event.optionalTexts("mediatorIds"));
        told.addAll(mediators.mediatorsOf(event.uuid("caseId")));
        return List.copyOf(told);
    }
}
