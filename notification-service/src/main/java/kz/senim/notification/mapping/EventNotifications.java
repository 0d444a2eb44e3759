package kz.senim.notification.mapping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.senim.notification.delivery.Notifier;
import kz.senim.notification.delivery.domain.Category;
import kz.senim.notification.people.PersonRepository;
import kz.senim.notification.reminder.ReminderRepository;
import kz.senim.notification.reminder.domain.ReminderPlan;
import kz.senim.platform.messaging.IncomingEvent;
import kz.senim.platform.messaging.IncomingEvents;
import kz.senim.platform.messaging.MalformedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns the events of case-, membership- and training-service into notifications for the right
 * people (docs/notifications.md has the table). Only ids leave the event: never text, never names.
 * Unknown event types are not this consumer's concern.
 */
@Component
class EventNotifications {

    static final String CONSUMER = "notification-service.notifications";

    private static final String CASES = "kz.senim.cases.";
    private static final String MEMBERSHIP = "kz.senim.membership.";
    private static final String TRAINING = "kz.senim.training.";

    private final IncomingEvents incoming;
    private final Notifier notifier;
    private final PersonRepository people;
    private final CaseMediatorRepository mediators;
    private final SessionParticipantRepository sessionParticipants;
    private final ActivityRepository activities;
    private final ReminderRepository reminders;
    private final ReminderPlan reminderPlan;
    private final Clock clock;

    EventNotifications(
            IncomingEvents incoming,
            Notifier notifier,
            PersonRepository people,
            CaseMediatorRepository mediators,
            SessionParticipantRepository sessionParticipants,
            ActivityRepository activities,
            ReminderRepository reminders,
            @Value("${senim.reminders.leads}") List<Duration> reminderLeads,
            Clock clock) {
        this.clock = clock;
        this.incoming = incoming;
        this.notifier = notifier;
        this.people = people;
        this.mediators = mediators;
        this.sessionParticipants = sessionParticipants;
        this.activities = activities;
        this.reminders = reminders;
        this.reminderPlan = new ReminderPlan(reminderLeads);
    }

    // A group of its own: the school and people read models read the membership topic too.
    @KafkaListener(
            topics = {
                "${senim.consumes.cases-topic}",
                "${senim.consumes.membership-topic}",
                "${senim.consumes.training-topic}"
            },
            groupId = "${spring.kafka.consumer.group-id}.notifications")
    void on(ConsumerRecord<String, byte[]> record) {
        incoming.handleOnce(CONSUMER, record, event -> {
            try {
                apply(event);
            } catch (DateTimeParseException e) {
                throw new MalformedEvent("Event " + event.id() + " is not a valid " + event.type(), e);
            }
        });
    }

    private void apply(IncomingEvent event) {
        String type = event.type();
        switch (type) {
            case CASES + "request-submitted.v1" -> {
                String template =
                        "TRUST_BOX".equals(text(event, "channel")) ? "trust-box-message" : "request-submitted";
                notify(event, coordinators(event), Category.CASE_WORK, template, "caseId");
            }
            case CASES + "consultation-requested.v1" ->
                notify(event, coordinators(event), Category.CASE_WORK, "consultation-requested", "consultationId");
            case CASES + "trust-box-message-received.v1" ->
                notify(event, coordinators(event), Category.CASE_WORK, "trust-box-message-received", "threadId");
            case CASES + "mediator-assigned.v1" -> {
                mediators.assign(uuid(event, "caseId"), text(event, "mediatorId"));
                notify(event, List.of(text(event, "mediatorId")), Category.CASE_WORK, "mediator-assigned", "caseId");
            }
            case CASES + "mediator-unassigned.v1" ->
                mediators.unassign(uuid(event, "caseId"), text(event, "mediatorId"));
            case CASES + "follow-up-due.v1" ->
                notify(
                        event,
                        mediators.mediatorsOf(uuid(event, "caseId")),
                        Category.CASE_WORK,
                        "follow-up-due",
                        "caseId");
            case CASES + "session-scheduled.v1" -> {
                UUID sessionId = uuid(event, "sessionId");
                sessionParticipants.record(sessionId, optionalTexts(event, "participantUserIds"));
                planReminders(event, ReminderRepository.Kind.SESSION, sessionId, uuid(event, "caseId"));
                notify(event, sessionAttendees(event), Category.CASE_PARTICIPATION, "session-scheduled", "caseId");
            }
            case CASES + "session-cancelled.v1" -> {
                reminders.cancel(ReminderRepository.Kind.SESSION, uuid(event, "sessionId"));
                notify(event, sessionAttendees(event), Category.CASE_PARTICIPATION, "session-cancelled", "caseId");
            }
            case CASES + "consent-requested.v1" -> {
                List<String> parties = texts(event, "partyUserIds");
                notify(event, parties, Category.CASE_PARTICIPATION, "consent-requested", "caseId");
                Set<String> guardians = new LinkedHashSet<>();
                texts(event, "guardianConsentUserIds")
                        .forEach(student -> guardians.addAll(people.guardiansOf(student)));
                parties.forEach(guardians::remove);
                notify(
                        event,
                        List.copyOf(guardians),
                        Category.CASE_PARTICIPATION,
                        "consent-requested-guardian",
                        "caseId");
            }
            case CASES + "agreement-proposed.v1" ->
                notify(
                        event,
                        texts(event, "partyUserIds"),
                        Category.CASE_PARTICIPATION,
                        "agreement-proposed",
                        "caseId");
            case CASES + "case-closed.v1" -> {
                // A case that ended reminds nobody of its sessions (voluntariness).
                reminders.cancelOfCase(uuid(event, "caseId"));
                // Status only, to whoever submitted online; nobody for an in-person or trust-box request.
                List<String> submitter =
                        optionalText(event, "submitterId").map(List::of).orElse(List.of());
                notify(event, submitter, Category.CASE_PARTICIPATION, "case-closed", "caseId");
            }
            case CASES + "consultation-answered.v1" ->
                notify(
                        event,
                        optionalText(event, "askerId").map(List::of).orElse(List.of()),
                        Category.CASE_PARTICIPATION,
                        "consultation-answered",
                        "consultationId");
            case MEMBERSHIP + "application-submitted.v1" ->
                notify(event, coordinators(event), Category.APPLICATIONS, "application-submitted", "applicationId");
            case MEMBERSHIP + "interview-scheduled.v1" -> applicant(event, "interview-scheduled");
            case MEMBERSHIP + "application-accepted.v1" -> applicant(event, "application-accepted");
            case MEMBERSHIP + "application-rejected.v1" -> applicant(event, "application-rejected");
            case MEMBERSHIP + "application-waitlisted.v1" -> applicant(event, "application-waitlisted");
            case TRAINING + "activity-scheduled.v1" -> {
                UUID activityId = uuid(event, "activityId");
                ActivityRepository.Audience audience = new ActivityRepository.Audience(
                        schoolOf(event),
                        texts(event, "audienceGroups"),
                        integer(event, "gradeFrom"),
                        integer(event, "gradeTo"),
                        texts(event, "facilitatorIds"));
                Instant startsAt = Instant.parse(text(event, "startsAt"));
                activities.schedule(activityId, audience, startsAt);
                planReminders(event, ReminderRepository.Kind.ACTIVITY, activityId, null);
                announce(event, audience, startsAt);
            }
            case TRAINING + "activity-rescheduled.v1" -> {
                planReminders(event, ReminderRepository.Kind.ACTIVITY, uuid(event, "activityId"), null);
                notify(
                        event,
                        activities.registered(uuid(event, "activityId")),
                        Category.ACTIVITIES,
                        "activity-rescheduled",
                        "activityId");
            }
            case TRAINING + "activity-cancelled.v1" -> {
                UUID activityId = uuid(event, "activityId");
                reminders.cancel(ReminderRepository.Kind.ACTIVITY, activityId);
                List<String> registered = activities.registered(activityId);
                List<String> told = registered.isEmpty()
                        ? activities.audience(activityId).map(this::audienceOf).orElse(List.of())
                        : registered;
                notify(event, told, Category.ACTIVITIES, "activity-cancelled", "activityId");
            }
            case TRAINING + "material-published.v1" -> {
                ActivityRepository.Audience audience = new ActivityRepository.Audience(
                        schoolOf(event),
                        texts(event, "audienceGroups"),
                        integer(event, "gradeFrom"),
                        integer(event, "gradeTo"),
                        List.of());
                notify(event, audienceOf(audience), Category.MATERIALS, "material-published", "materialId");
            }
            case TRAINING + "registration-changed.v1" ->
                activities.register(uuid(event, "activityId"), text(event, "userId"), text(event, "status"));
            case TRAINING + "trainee-qualified.v1" -> {
                String member = text(event, "userId");
                notifier.notify(
                        event.id(),
                        schoolOf(event),
                        List.of(member),
                        Category.QUALIFICATIONS,
                        "trainee-qualified",
                        Map.of());
                List<String> coordinators = new ArrayList<>(coordinators(event));
                coordinators.remove(member);
                notifier.notify(
                        event.id(),
                        schoolOf(event),
                        coordinators,
                        Category.QUALIFICATIONS,
                        "trainee-qualified-coordinator",
                        Map.of());
            }
            default -> {
                // Not an event anyone is told about (or not yet known to this service).
            }
        }
    }

    private void planReminders(IncomingEvent event, ReminderRepository.Kind kind, UUID subjectId, UUID caseId) {
        Instant startsAt = Instant.parse(text(event, "startsAt"));
        reminders.plan(
                kind,
                subjectId,
                caseId,
                schoolOf(event),
                reminderPlan.remindersFor(startsAt, clock.instant()),
                startsAt);
    }

    private void applicant(IncomingEvent event, String template) {
        notify(event, List.of(text(event, "userId")), Category.APPLICATION_STATUS, template, "applicationId");
    }

    /**
     * Tells the audience of a new activity, once: an activity recorded after it started is news to
     * nobody, and a series (weekly club meetings) is announced by its first upcoming occurrence only —
     * its source id is derived from the series, so the occurrences after it store nothing new.
     */
    private void announce(IncomingEvent event, ActivityRepository.Audience audience, Instant startsAt) {
        if (!startsAt.isAfter(clock.instant())) {
            return;
        }
        UUID announcement = optionalText(event, "seriesId")
                .map(series -> UUID.nameUUIDFromBytes(
                        ("activity-series-announced:" + series).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .orElse(event.id());
        notifier.notify(
                announcement,
                schoolOf(event),
                audienceOf(audience),
                Category.ACTIVITIES,
                "activity-scheduled",
                Map.of("activityId", text(event, "activityId")));
    }

    private void notify(
            IncomingEvent event, List<String> recipients, Category category, String template, String idField) {
        notifier.notify(
                event.id(), schoolOf(event), recipients, category, template, Map.of(idField, text(event, idField)));
    }

    /**
     * The session's parties and mediators as the event names them, plus the case's mediators as
     * this service knows them (events produced before case-service named the participants carry
     * neither list).
     */
    private List<String> sessionAttendees(IncomingEvent event) {
        Set<String> told = new LinkedHashSet<>(optionalTexts(event, "participantUserIds"));
        if (told.isEmpty()) {
            told.addAll(sessionParticipants.participantsOf(uuid(event, "sessionId")));
        }
        told.addAll(optionalTexts(event, "mediatorIds"));
        told.addAll(mediators.mediatorsOf(uuid(event, "caseId")));
        return List.copyOf(told);
    }

    private List<String> coordinators(IncomingEvent event) {
        return people.withRole(schoolOf(event), "coordinator");
    }

    private List<String> audienceOf(ActivityRepository.Audience audience) {
        Set<String> told = new LinkedHashSet<>(audience.facilitatorIds());
        int from = audience.gradeFrom() == null ? 1 : audience.gradeFrom();
        int to = audience.gradeTo() == null ? 11 : audience.gradeTo();
        for (String group : audience.groups()) {
            switch (group) {
                case "STUDENTS" -> told.addAll(people.students(audience.schoolId(), from, to));
                case "MEDIATORS" -> told.addAll(people.clubMembers(audience.schoolId()));
                case "TEACHERS" -> told.addAll(people.withRole(audience.schoolId(), "teacher"));
                case "PARENTS" -> told.addAll(people.guardiansOfStudents(audience.schoolId(), from, to));
                case "COORDINATORS" -> told.addAll(people.withRole(audience.schoolId(), "coordinator"));
                default -> {}
            }
        }
        return List.copyOf(told);
    }

    private static String schoolOf(IncomingEvent event) {
        return text(event, "schoolId");
    }

    private static String text(IncomingEvent event, String field) {
        JsonNode value = event.data().get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new MalformedEvent("Event " + event.id() + " has no " + field, null);
        }
        return value.asString();
    }

    private static UUID uuid(IncomingEvent event, String field) {
        try {
            return UUID.fromString(text(event, field));
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("Event " + event.id() + " has no valid " + field, e);
        }
    }

    private static Integer integer(IncomingEvent event, String field) {
        JsonNode value = event.data().get(field);
        return value == null || !value.isNumber() ? null : value.asInt();
    }

    private static Optional<String> optionalText(IncomingEvent event, String field) {
        JsonNode value = event.data().get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(text(event, field));
    }

    /** A list of ids added to an event within its version: absent in older events, so empty then. */
    private static List<String> optionalTexts(IncomingEvent event, String field) {
        JsonNode value = event.data().get(field);
        return value == null || value.isNull() ? List.of() : texts(event, field);
    }

    private static List<String> texts(IncomingEvent event, String field) {
        JsonNode values = event.data().get(field);
        if (values == null || !values.isArray()) {
            throw new MalformedEvent("Event " + event.id() + " has no list " + field, null);
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode v : values) {
            if (!v.isString() || v.asString().isBlank()) {
                throw new MalformedEvent("Event " + event.id() + " has a bad id in " + field, null);
            }
            texts.add(v.asString());
        }
        return texts;
    }
}
