package kz.senim.training.activities;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.web.Page;
import kz.senim.training.activities.domain.Activity;
import kz.senim.training.activities.domain.Registration;
import kz.senim.training.activities.domain.RegistrationStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Activities", description = "The school's activities: the calendar, registrations and attendance.")
@RestController
@RequestMapping("/api/activities")
class ActivityController {

    private final Activities activities;

    ActivityController(Activities activities) {
        this.activities = activities;
    }

    @Operation(operationId = "scheduleActivity", summary = "Schedule an activity (or a series of club meetings)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<ActivityView> schedule(
            @Valid @RequestBody ScheduleActivity request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            CurrentUser caller) {
        Activity activity = activities.schedule(request, caller, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/activities/" + activity.id()))
                .eTag(Long.toString(activity.version()))
                .body(view(activity, activities.forCaller(caller)));
    }

    /** The calendar: activities between two dates of the school's time zone, both included. */
    @Operation(operationId = "listActivities", summary = "Read the school's calendar")
    @GetMapping
    Page<ActivityView> calendar(
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) @Pattern(regexp = ScheduleActivity.TYPES) String type,
            @RequestParam(required = false) UUID seriesId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
            @RequestParam(defaultValue = "startsAt,asc") @Pattern(regexp = "startsAt(,(asc|desc))?") String sort,
            CurrentUser caller) {
        Page<Activity> found =
                activities.calendar(caller, from, to, type, seriesId, sort.endsWith(",desc"), page, size);
        // two statements for the whole page (registrations counted, the caller's own), not two per activity
        Function<Activity, Activities.ForCaller> forCaller = activities.forCaller(caller, found.content());
        Map<UUID, Map<String, Long>> counts = activities.registrationCounts(found.content());
        return new Page<>(
                found.content().stream()
                        .map(a -> view(a, counts.getOrDefault(a.id(), Map.of()), forCaller))
                        .toList(),
                found.page(),
                found.size(),
                found.totalElements(),
                found.totalPages());
    }

    @Operation(operationId = "getActivity", summary = "Read an activity")
    @GetMapping("/{id}")
    ResponseEntity<ActivityView> get(@PathVariable UUID id, CurrentUser caller) {
        Activity activity = activities.get(id, caller);
        return ResponseEntity.ok()
                .eTag(Long.toString(activity.version()))
                .body(view(activity, activities.forCaller(caller)));
    }

    @Operation(operationId = "rescheduleActivity", summary = "Reschedule an activity")
    @PostMapping("/{id}/rescheduling")
    ResponseEntity<ActivityView> reschedule(
            @PathVariable UUID id,
            @Valid @RequestBody Reschedule request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(activities.reschedule(id, request, caller, ifMatch), caller);
    }

    @Operation(operationId = "cancelActivity", summary = "Cancel an activity")
    @PostMapping("/{id}/cancellation")
    ResponseEntity<ActivityView> cancel(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(activities.cancel(id, caller, ifMatch), caller);
    }

    @Operation(operationId = "completeActivity", summary = "Complete an activity")
    @PostMapping("/{id}/completion")
    ResponseEntity<ActivityView> complete(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(activities.complete(id, caller, ifMatch), caller);
    }

    @Operation(operationId = "registerForActivity", summary = "Register for an activity")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping("/{id}/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    RegistrationView register(@PathVariable UUID id, CurrentUser caller) {
        return RegistrationView.of(activities.register(id, caller));
    }

    @Operation(operationId = "listRegistrations", summary = "List an activity's registrations")
    @GetMapping("/{id}/registrations")
    List<RegistrationView> registrations(@PathVariable UUID id, CurrentUser caller) {
        return activities.registrations(id, caller).stream()
                .map(RegistrationView::of)
                .toList();
    }

    @Operation(operationId = "getMyRegistration", summary = "Read the caller's registration")
    @GetMapping("/{id}/registrations/mine")
    RegistrationView mine(@PathVariable UUID id, CurrentUser caller) {
        return activities
                .registrationOf(id, caller)
                .map(RegistrationView::of)
                .orElseThrow(() -> new ResourceNotFound("Registration"));
    }

    @Operation(operationId = "cancelMyRegistration", summary = "Cancel the caller's registration")
    @ApiResponse(responseCode = "204", description = "Done")
    @DeleteMapping("/{id}/registrations/mine")
    ResponseEntity<Void> cancelRegistration(@PathVariable UUID id, CurrentUser caller) {
        activities.cancelRegistration(id, caller);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "recordAttendance", summary = "Record an activity's attendance")
    @PutMapping("/{id}/attendance")
    Activities.AttendanceSheet recordAttendance(
            @PathVariable UUID id, @Valid @RequestBody RecordAttendance request, CurrentUser caller) {
        return activities.recordAttendance(id, request, caller);
    }

    @Operation(operationId = "getAttendance", summary = "Read an activity's attendance")
    @GetMapping("/{id}/attendance")
    Activities.AttendanceSheet attendance(@PathVariable UUID id, CurrentUser caller) {
        return activities.attendance(id, caller);
    }

    private ResponseEntity<ActivityView> answer(Activity activity, CurrentUser caller) {
        return ResponseEntity.ok()
                .eTag(Long.toString(activity.version()))
                .body(view(activity, activities.forCaller(caller)));
    }

    private ActivityView view(Activity a, Function<Activity, Activities.ForCaller> forCaller) {
        return view(a, activities.registrationCounts(a.id()), forCaller);
    }

    private ActivityView view(
            Activity a, Map<String, Long> counts, Function<Activity, Activities.ForCaller> forCaller) {
        return new ActivityView(
                a.id(),
                a.seriesId(),
                a.type().name(),
                a.title(),
                ScheduleActivity.AudienceBody.of(a.audience()),
                a.facilitators().stream().sorted().toList(),
                OffsetDateTime.ofInstant(a.startsAt(), a.timeZone()),
                OffsetDateTime.ofInstant(a.endsAt(), a.timeZone()),
                a.timeZone().getId(),
                a.place(),
                a.capacity(),
                a.language(),
                a.openForRegistration(),
                a.modules().stream().map(Enum::name).sorted().toList(),
                a.status().name(),
                a.headCount(),
                counts.getOrDefault(RegistrationStatus.REGISTERED.name(), 0L),
                counts.getOrDefault(RegistrationStatus.WAITLISTED.name(), 0L),
                forCaller.apply(a));
    }

    record ActivityView(
            UUID id,
            UUID seriesId,
            String type,
            String title,
            ScheduleActivity.AudienceBody audience,
            List<String> facilitators,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            String timeZone,
            String place,
            Integer capacity,
            String language,
            boolean openForRegistration,
            List<String> modules,
            String status,
            Integer headCount,
            long registered,
            long waitlisted,

            @Schema(
                    description = "What the activity means to the caller: in its audience, may register now,"
                            + " their own registration's status (or null), whether they facilitate it")
            Activities.ForCaller forCaller) {}

    record RegistrationView(String userId, String status, Instant registeredAt) {
        static RegistrationView of(Registration r) {
            return new RegistrationView(r.userId(), r.status().name(), r.registeredAt());
        }
    }
}
