package kz.senim.membership.applications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import kz.senim.membership.applications.domain.MembershipApplication;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.PageQuery;
import kz.senim.platform.web.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Applications to join the club of the caller's school. */
@Tag(name = "Applications", description = "Applications of students to join the mediation club.")
@RestController
@RequestMapping("/api/membership/applications")
class ApplicationController {

    private final Applications applications;

    ApplicationController(Applications applications) {
        this.applications = applications;
    }

    @Operation(operationId = "submitApplication", summary = "Apply to join the club")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<ApplicationView> submit(
            @Valid @RequestBody SubmitApplication request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            CurrentUser caller) {
        MembershipApplication application = applications.submit(request, idempotencyKey, caller);
        return ResponseEntity.created(URI.create("/api/membership/applications/" + application.id()))
                .eTag(Versions.etag(application.version()))
                .body(ApplicationView.of(application));
    }

    @Operation(operationId = "listApplications", summary = "List applications")
    @GetMapping
    Page<ApplicationView> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            CurrentUser caller) {
        return applications
                .list(status, PageQuery.of(page, size, sort, Applications.SORTS, "submittedAt,desc"), caller)
                .map(ApplicationView::of);
    }

    @Operation(operationId = "getApplication", summary = "Read an application")
    @GetMapping("/{id}")
    ResponseEntity<ApplicationView> get(@PathVariable UUID id, CurrentUser caller) {
        return answer(applications.get(id, caller));
    }

    @Operation(operationId = "scheduleInterview", summary = "Schedule (or move) the interview")
    @PostMapping("/{id}/interview")
    ResponseEntity<ApplicationView> scheduleInterview(
            @PathVariable UUID id,
            @Valid @RequestBody ScheduleInterview request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(applications.scheduleInterview(id, request, ifMatch, caller));
    }

    @Operation(
            operationId = "acceptApplication",
            summary = "Accept an application (or waitlist it when the club is full)")
    @PostMapping("/{id}/acceptance")
    ResponseEntity<ApplicationView> accept(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(applications.accept(id, ifMatch, caller));
    }

    @Operation(operationId = "rejectApplication", summary = "Reject an application")
    @PostMapping("/{id}/rejection")
    ResponseEntity<ApplicationView> reject(
            @PathVariable UUID id,
            @Valid @RequestBody RejectApplication request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(applications.reject(id, request, ifMatch, caller));
    }

    @Operation(operationId = "withdrawApplication", summary = "Withdraw an application (the applicant)")
    @PostMapping("/{id}/withdrawal")
    ResponseEntity<ApplicationView> withdraw(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(applications.withdraw(id, ifMatch, caller));
    }

    private static ResponseEntity<ApplicationView> answer(MembershipApplication a) {
        return ResponseEntity.ok().eTag(Versions.etag(a.version())).body(ApplicationView.of(a));
    }

    record ApplicationView(
            UUID id,
            String applicantId,
            String schoolYear,
            int grade,
            String motivation,
            String availability,
            String status,
            InterviewView interview,
            String decisionReason,
            Instant submittedAt) {

        static ApplicationView of(MembershipApplication a) {
            return new ApplicationView(
                    a.id(),
                    a.applicantId(),
                    a.schoolYear().toString(),
                    a.grade(),
                    a.motivation(),
                    a.availability(),
                    a.status().name(),
                    a.interview() == null
                            ? null
                            : new InterviewView(
                                    a.interview().at(),
                                    a.interview().place(),
                                    a.interview().interviewerId()),
                    a.decisionReason(),
                    a.submittedAt());
        }
    }

    record InterviewView(Instant at, String place, String interviewerId) {}
}
