package kz.senim.notification.mapping;

import kz.senim.notification.reminder.ReminderRepository;
import org.springframework.stereotype.Component;

/** What case-service's events leave here: each case's mediators, each session's participants and reminders. */
@Component
class CaseReadModel implements ReadModel {

    private static final String CASES = "kz.senim.cases.";

    private final CaseMediatorRepository mediators;
    private final SessionParticipantRepository sessionParticipants;
    private final Reminders reminders;

    CaseReadModel(
            CaseMediatorRepository mediators, SessionParticipantRepository sessionParticipants, Reminders reminders) {
        this.mediators = mediators;
        this.sessionParticipants = sessionParticipants;
        this.reminders = reminders;
    }

    @Override
    public void keep(EventFields event) {
        switch (event.type()) {
            case CASES + "mediator-assigned.v1" -> mediators.assign(event.uuid("caseId"), event.text("mediatorId"));
            case CASES + "mediator-unassigned.v1" -> mediators.unassign(event.uuid("caseId"), event.text("mediatorId"));
            case CASES + "session-scheduled.v1" -> {
                sessionParticipants.record(event.uuid("sessionId"), event.optionalTexts("participantUserIds"));
                reminders.plan(event, ReminderRepository.Kind.SESSION, event.uuid("sessionId"), event.uuid("caseId"));
            }
            case CASES + "session-cancelled.v1" ->
                reminders.cancel(ReminderRepository.Kind.SESSION, event.uuid("sessionId"));
            case CASES + "case-closed.v1" -> reminders.cancelOfCase(event.uuid("caseId"));
            default -> {
                // Nothing else of a case is kept here.
            }
        }
    }
}
