package kz.senim.training.activities;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import kz.senim.platform.SchoolYear;
import kz.senim.platform.problem.FieldsRefused;
import kz.senim.platform.problem.PreconditionFailed;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.problem.StateConflict;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.security.Role;
import kz.senim.platform.web.IdempotentRequests;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.Versions;
import kz.senim.training.activities.ActivityEvents.ActivityCancelled;
import kz.senim.training.activities.ActivityEvents.ActivityCompleted;
import kz.senim.training.activities.ActivityEvents.ActivityRescheduled;
import kz.senim.training.activities.ActivityEvents.ActivityScheduled;
import kz.senim.training.activities.ActivityEvents.AttendanceRecorded;
import kz.senim.training.activities.ActivityEvents.RegistrationChanged;
import kz.senim.training.activities.domain.Activity;
import kz.senim.training.activities.domain.AttendanceStatus;
import kz.senim.training.activities.domain.Registration;
import kz.senim.training.activities.domain.RegistrationStatus;
import kz.senim.training.activities.domain.Roster;
import kz.senim.training.curriculum.Qualifications;
import kz.senim.training.directory.Directory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Scheduling activities, registering for them and recording who came, each caller within their school. */
@Service
public class Activities {

    /**
     * The month training-service's school years start in (September, as its annual plan's); the reach counts of
     * {@code attendance-recorded} are per such year.
     */
    static final int SCHOOL_YEAR_START_MONTH = 9;

    private final ActivityRepository repository;
    private final Directory directory;
    private final Qualifications qualifications;
    private final IdempotentRequests idempotent;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Activities(
            ActivityRepository repository,
            Directory directory,
            Qualifications qualifications,
            IdempotentRequests idempotent,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.directory = directory;
        this.qualifications = qualifications;
        this.idempotent = idempotent;
        this.events = events;
        this.clock = clock;
    }

    /** Schedules one activity, or every occurrence of a club-meeting series; returns the first. */
    @Transactional
    public Activity schedule(ScheduleActivity command, CurrentUser caller, String idempotencyKey) {
        String school = staffSchool(caller);
        Optional<String> previous = idempotent.earlier(caller.id(), "activity", idempotencyKey);
        if (previous.isPresent()) {
            return get(UUID.fromString(previous.get()), caller);
        }
        ZoneId zone = directory.timeZoneOf(school);
        Instant start = command.startsAt().toInstant();
        Duration length = Duration.between(start, command.endsAt().toInstant());
        List<Instant> starts =
                command.recurrence().map(r -> r.startsFrom(start, zone)).orElse(List.of(start));
        UUID series = starts.size() > 1 ? UUID.randomUUID() : null;
        Instant now = clock.instant();
        List<Activity> scheduled = new ArrayList<>();
        for (Instant occurrence : starts) {
            Activity activity =
                    command.toActivity(UUID.randomUUID(), school, series, occurrence, occurrence.plus(length), zone);
            repository.insert(activity, caller.id(), now);
            events.publishEvent(scheduled(activity, now));
            scheduled.add(activity);
        }
        idempotent.remember(
                caller.id(),
                "activity",
                idempotencyKey,
                scheduled.getFirst().id().toString());
        return scheduled.getFirst();
    }

    @Transactional(readOnly = true)
    public Activity get(UUID id, CurrentUser caller) {
        return repository.find(school(caller), id).orElseThrow(() -> new ResourceNotFound("Activity"));
    }

    /** The school's calendar between two dates of its time zone (both included). */
    @Transactional(readOnly = true)
    public Page<Activity> calendar(
            CurrentUser caller,
            LocalDate from,
            LocalDate to,
            String type,
            UUID seriesId,
            boolean descending,
            int page,
            int size) {
        String school = school(caller);
        ZoneId zone = directory.timeZoneOf(school);
        ActivityRepository.Window window = new ActivityRepository.Window(
                school,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                type,
                seriesId);
        return Page.of(
                repository.findIn(window, descending, page * size, size), page, size, repository.countIn(window));
    }

    @Transactional
    public Activity reschedule(UUID id, Reschedule command, CurrentUser caller, String ifMatch) {
        Activity current = forStaff(id, caller, ifMatch);
        Activity changed = current.reschedule(
                command.startsAt().toInstant(),
                command.endsAt().toInstant(),
                command.place() == null ? current.place() : command.place());
        save(changed);
        events.publishEvent(new ActivityRescheduled(
                UUID.randomUUID(),
                changed.schoolId(),
                clock.instant(),
                changed.id(),
                changed.seriesId(),
                changed.type().name(),
                changed.startsAt(),
                changed.endsAt()));
        return changed;
    }

    @Transactional
    public Activity cancel(UUID id, CurrentUser caller, String ifMatch) {
        Activity changed = forStaff(id, caller, ifMatch).cancel();
        save(changed);
        int registered = count(repository.registrationCounts(id), RegistrationStatus.REGISTERED);
        events.publishEvent(new ActivityCancelled(
                UUID.randomUUID(),
                changed.schoolId(),
                clock.instant(),
                changed.id(),
                changed.seriesId(),
                changed.type().name(),
                changed.startsAt(),
                registered));
        return changed;
    }

    @Transactional
    public Activity complete(UUID id, CurrentUser caller, String ifMatch) {
        Activity current = repository.lock(school(caller), id).orElseThrow(() -> new ResourceNotFound("Activity"));
        if (!current.facilitatedBy(caller.id()) && !caller.has(Role.COORDINATOR) && !caller.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only facilitators and coordinators complete activities");
        }
        Versions.check(ifMatch, current.version());
        Instant now = clock.instant();
        Activity changed = current.complete(now);
        save(changed);
        int registered = count(repository.registrationCounts(id), RegistrationStatus.REGISTERED);
        Map<String, AttendanceStatus> sheet = repository.attendance(id);
        int present = count(sheet, AttendanceStatus.PRESENT);
        int participants = present + (changed.headCount() == null ? 0 : changed.headCount());
        events.publishEvent(new ActivityCompleted(
                UUID.randomUUID(),
                changed.schoolId(),
                now,
                changed.id(),
                changed.seriesId(),
                changed.type().name(),
                changed.startsAt(),
                registered,
                present,
                count(sheet, AttendanceStatus.ABSENT),
                count(sheet, AttendanceStatus.EXCUSED),
                changed.headCount(),
                participants));
        return changed;
    }

    /** Registers the caller: a place, or the waitlist when the activity is full. */
    @Transactional
    public Registration register(UUID id, CurrentUser caller) {
        String school = school(caller);
        Activity activity = repository.lock(school, id).orElseThrow(() -> new ResourceNotFound("Activity"));
        activity.requireOpenForRegistration(clock.instant());
        Integer grade = directory.gradeOf(school, caller.id()).orElse(null);
        if (!activity.audience().includes(caller.roles(), grade)) {
            throw new StateConflict("not-in-audience", "This activity is meant for someone else");
        }
        Roster roster = new Roster(activity.capacity(), repository.registrations(id));
        boolean already = roster.isRegistered(caller.id());
        Registration registration = roster.register(caller.id(), clock.instant());
        if (!already) {
            repository.save(id, registration);
            events.publishEvent(changed(activity, registration, false));
        }
        return registration;
    }

    /** Cancels the caller's registration; the first person on the waitlist takes the freed place. */
    @Transactional
    public void cancelRegistration(UUID id, CurrentUser caller) {
        String school = school(caller);
        Activity activity = repository.lock(school, id).orElseThrow(() -> new ResourceNotFound("Activity"));
        Roster roster = new Roster(activity.capacity(), repository.registrations(id));
        if (!roster.isRegistered(caller.id())) {
            throw new ResourceNotFound("Registration");
        }
        Optional<Registration> promoted = roster.cancel(caller.id());
        Registration cancelled = roster.of(caller.id()).orElseThrow();
        repository.save(id, cancelled);
        events.publishEvent(changed(activity, cancelled, false));
        promoted.ifPresent(p -> {
            repository.save(id, p);
            events.publishEvent(changed(activity, p, true));
        });
    }

    /** The roster, for the activity's facilitators and the school's coordinators and admins. */
    @Transactional(readOnly = true)
    public List<Registration> registrations(UUID id, CurrentUser caller) {
        Activity activity = get(id, caller);
        if (!activity.facilitatedBy(caller.id()) && !caller.has(Role.COORDINATOR) && !caller.has(Role.ADMIN)) {
            throw new ResourceNotFound("Activity");
        }
        return repository.registrations(id);
    }

    @Transactional(readOnly = true)
    public Optional<Registration> registrationOf(UUID id, CurrentUser caller) {
        get(id, caller);
        return repository.registrations(id).stream()
                .filter(r -> r.userId().equals(caller.id()))
                .findFirst();
    }

    /**
     * Records who came, per person and/or as a head count for a whole class at a peer lesson. Only
     * the activity's own facilitators and the school's coordinators record it.
     */
    @Transactional
    public AttendanceSheet recordAttendance(UUID id, RecordAttendance command, CurrentUser caller) {
        String school = school(caller);
        Activity activity = repository.lock(school, id).orElseThrow(() -> new ResourceNotFound("Activity"));
        Instant now = clock.instant();
        try {
            if (caller.has(Role.COORDINATOR)) {
                activity.requireAttendanceRecordable(now);
            } else {
                activity.requireAttendanceRecordableBy(caller.id(), now);
            }
        } catch (Activity.NotAFacilitator e) {
            throw new AccessDeniedException(e.getMessage());
        }
        requireMarkable(school, activity, command.marks());
        if (command.headCount() != null) {
            Activity counted = activity.countHeads(command.headCount());
            save(counted);
            activity = counted;
        }
        List<String> people = new ArrayList<>();
        for (RecordAttendance.Mark mark : command.marks()) {
            repository.recordAttendance(id, mark.userId(), AttendanceStatus.valueOf(mark.status()), caller.id(), now);
            people.add(mark.userId());
        }
        Map<String, AttendanceStatus> sheet = repository.attendance(id);
        ZoneId zone = directory.timeZoneOf(school);
        SchoolYear year =
                SchoolYear.containing(activity.startsAt().atZone(zone).toLocalDate(), SCHOOL_YEAR_START_MONTH);
        ActivityRepository.Reach reach = repository.reach(
                school,
                LocalDate.of(year.startYear(), SCHOOL_YEAR_START_MONTH, 1)
                        .atStartOfDay(zone)
                        .toInstant(),
                LocalDate.of(year.startYear() + 1, SCHOOL_YEAR_START_MONTH, 1)
                        .atStartOfDay(zone)
                        .toInstant());
        events.publishEvent(new AttendanceRecorded(
                UUID.randomUUID(),
                school,
                now,
                id,
                activity.type().name(),
                count(sheet, AttendanceStatus.PRESENT),
                count(sheet, AttendanceStatus.ABSENT),
                count(sheet, AttendanceStatus.EXCUSED),
                activity.headCount(),
                year.toString(),
                reach.students(),
                reach.people()));
        qualifications.reconsider(school, people);
        return new AttendanceSheet(sheet, activity.headCount());
    }

    /**
     * Marks are kept for the people an activity is for: its audience as the directory knows them (role,
     * grade, club membership), the people registered for it and its facilitators. Anyone else (a mistyped
     * or made-up id) refuses the whole sheet, naming each row.
     */
    private void requireMarkable(String school, Activity activity, List<RecordAttendance.Mark> marks) {
        Set<String> registered = new HashSet<>();
        repository.registrations(activity.id()).forEach(r -> registered.add(r.userId()));
        List<FieldsRefused.Refusal> refused = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            String userId = marks.get(i).userId();
            boolean markable = registered.contains(userId)
                    || activity.facilitatedBy(userId)
                    || directory
                            .person(school, userId)
                            .filter(p -> activity.audience().includes(p.roles(), p.grade()))
                            .isPresent();
            if (!markable) {
                refused.add(new FieldsRefused.Refusal("marks[" + i + "].userId", "attendance.not-in-audience"));
            }
        }
        if (!refused.isEmpty()) {
            throw new FieldsRefused(refused);
        }
    }

    @Transactional(readOnly = true)
    public AttendanceSheet attendance(UUID id, CurrentUser caller) {
        Activity activity = get(id, caller);
        if (!activity.facilitatedBy(caller.id()) && !caller.has(Role.COORDINATOR) && !caller.has(Role.ADMIN)) {
            throw new ResourceNotFound("Activity");
        }
        return new AttendanceSheet(repository.attendance(id), activity.headCount());
    }

    /**
     * What activities mean to the caller, for screens that offer registering: whether the caller is in
     * the audience (their roles and, for students, their grade from the directory), whether they may
     * register now, their own registration's status, and whether they run it.
     */
    @Transactional(readOnly = true)
    public Function<Activity, ForCaller> forCaller(CurrentUser caller) {
        return forCaller(caller, activity -> repository.registrationOf(activity.id(), caller.id()));
    }

    /**
     * {@link #forCaller(CurrentUser)} for a page of activities: the caller's registrations in all of them read in
     * one statement, not one per activity.
     */
    @Transactional(readOnly = true)
    public Function<Activity, ForCaller> forCaller(CurrentUser caller, List<Activity> page) {
        Map<UUID, RegistrationStatus> registrations =
                repository.registrationsOf(page.stream().map(Activity::id).toList(), caller.id());
        return forCaller(caller, activity -> Optional.ofNullable(registrations.get(activity.id())));
    }

    private Function<Activity, ForCaller> forCaller(
            CurrentUser caller, Function<Activity, Optional<RegistrationStatus>> registrationOf) {
        Integer grade = caller.schoolId()
                .flatMap(school -> directory.gradeOf(school, caller.id()))
                .orElse(null);
        Instant now = clock.instant();
        return activity -> {
            boolean inAudience = activity.audience().includes(caller.roles(), grade);
            String registration = registrationOf.apply(activity).map(Enum::name).orElse(null);
            boolean registered = RegistrationStatus.REGISTERED.name().equals(registration)
                    || RegistrationStatus.WAITLISTED.name().equals(registration);
            boolean open = activity.takesRegistrations(now);
            return new ForCaller(
                    inAudience, inAudience && open && !registered, registration, activity.facilitatedBy(caller.id()));
        };
    }

    /** An activity as the caller sees it (see {@link #forCaller}). */
    public record ForCaller(boolean inAudience, boolean mayRegister, String registration, boolean facilitating) {}

    /** Who came: each person's mark, and the head count of a whole class where one was kept. */
    public record AttendanceSheet(Map<String, AttendanceStatus> marks, Integer headCount) {}

    /**
     * A school's whole calendar, or one person's own activities (run or registered for), from the
     * last 90 days on, for feeds.
     */
    @Transactional(readOnly = true)
    public List<Activity> calendarOf(String schoolId, String userId) {
        Instant since = clock.instant().minus(Duration.ofDays(90));
        return userId == null ? repository.findAllOf(schoolId, since) : repository.findFor(schoolId, userId, since);
    }

    @Transactional(readOnly = true)
    public Map<String, Long> registrationCounts(UUID id) {
        return repository.registrationCounts(id);
    }

    /** Registrations by status of each activity of a page, in one statement. */
    @Transactional(readOnly = true)
    public Map<UUID, Map<String, Long>> registrationCounts(List<Activity> page) {
        return repository.registrationCounts(page.stream().map(Activity::id).toList());
    }

    private Activity forStaff(UUID id, CurrentUser caller, String ifMatch) {
        String school = staffSchool(caller);
        Activity current = repository.lock(school, id).orElseThrow(() -> new ResourceNotFound("Activity"));
        Versions.check(ifMatch, current.version());
        return current;
    }

    private void save(Activity changed) {
        if (!repository.update(changed)) {
            throw new PreconditionFailed();
        }
    }

    /** Coordinators and school admins run the calendar. */
    private static String staffSchool(CurrentUser caller) {
        String school = school(caller);
        if (!caller.has(Role.COORDINATOR) && !caller.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only coordinators and admins schedule activities");
        }
        return school;
    }

    /** The caller's school; a district admin without one sees no school's activities. */
    static String school(CurrentUser caller) {
        return caller.schoolId().orElseThrow(() -> new ResourceNotFound("Activity"));
    }

    private static int count(Map<String, Long> counts, RegistrationStatus status) {
        return counts.getOrDefault(status.name(), 0L).intValue();
    }

    private static int count(Map<String, AttendanceStatus> sheet, AttendanceStatus status) {
        return (int) sheet.values().stream().filter(status::equals).count();
    }

    private static ActivityScheduled scheduled(Activity a, Instant now) {
        return new ActivityScheduled(
                UUID.randomUUID(),
                a.schoolId(),
                now,
                a.id(),
                a.seriesId(),
                a.type().name(),
                a.startsAt(),
                a.endsAt(),
                a.timeZone().getId(),
                a.language(),
                a.capacity(),
                a.audience().groups().stream().map(Enum::name).sorted().toList(),
                a.audience().gradeFrom(),
                a.audience().gradeTo(),
                a.facilitators().stream().sorted().toList(),
                a.modules().stream().map(Enum::name).sorted().toList());
    }

    private RegistrationChanged changed(Activity a, Registration r, boolean promoted) {
        return new RegistrationChanged(
                UUID.randomUUID(),
                a.schoolId(),
                clock.instant(),
                a.id(),
                a.type().name(),
                r.userId(),
                r.status().name(),
                promoted);
    }
}
