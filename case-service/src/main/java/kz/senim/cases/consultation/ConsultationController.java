package kz.senim.cases.consultation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import kz.senim.cases.consultation.ConsultationRepository.Stored;
import kz.senim.cases.consultation.domain.Consultation;
import kz.senim.cases.consultation.domain.ConsultationKind;
import kz.senim.cases.mediation.SchoolSettingsService;
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

/** Consultations and questions over HTTP. */
@Tag(name = "Consultations", description = "Consultations and questions: advice without a mediation.")
@RestController
@RequestMapping("/api/consultations")
class ConsultationController {

    private final Consultations consultations;
    private final SchoolSettingsService settings;

    ConsultationController(Consultations consultations, SchoolSettingsService settings) {
        this.consultations = consultations;
        this.settings = settings;
    }

    record Ask(
            @NotNull @Pattern(regexp = "CONSULTATION|QUESTION")
            String kind,

            @NotBlank @Size(max = 4000) String question) {}

    record AdvisorRequest(
            @NotNull @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}")
            String userId) {}

    record AnswerRequest(@NotBlank @Size(max = 4000) String text) {}

    record MeetingRequest(
            @NotNull OffsetDateTime heldAt,
            @Size(max = 4000) String notes) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record View(
            UUID id,
            String kind,
            String status,
            OffsetDateTime askedAt,
            String question,
            String advisorId,
            boolean peerAdvice,
            String answer,
            OffsetDateTime meetingAt,
            OffsetDateTime answeredAt,
            OffsetDateTime closedAt) {
        static View of(Consultation c, ZoneId zone) {
            return new View(
                    c.id(),
                    c.kind().name(),
                    c.status().name(),
                    time(c.askedAt(), zone),
                    c.question(),
                    c.advisorId(),
                    c.peerAdvice(),
                    c.answerText(),
                    time(c.meetingAt(), zone),
                    time(c.answeredAt(), zone),
                    time(c.closedAt(), zone));
        }
    }

    record Line(UUID id, String kind, String status, OffsetDateTime askedAt) {}

    @Operation(operationId = "askConsultation", summary = "Ask for a consultation or ask a question")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<View> ask(
            @Valid @RequestBody Ask ask,
            @RequestHeader(name = "Idempotency-Key", required = false)
                    @Size(min = 1, max = 64)
                    @Pattern(regexp = "[A-Za-z0-9._:-]+")
                    String idempotencyKey,
            CurrentUser caller) {
        Stored stored = consultations.ask(caller, ConsultationKind.valueOf(ask.kind()), ask.question(), idempotencyKey);
        return ResponseEntity.created(
                        URI.create("/api/consultations/" + stored.consultation().id()))
                .eTag(etag(stored))
                .body(view(stored));
    }

    /** {@code kind} filters by CONSULTATION or QUESTION; any other kind (a MEDIATION is a case) is 400. */
    @Operation(operationId = "listConsultations", summary = "List consultations and questions")
    @GetMapping
    Page<Line> list(
            @RequestParam(required = false) @Pattern(regexp = "CONSULTATION|QUESTION") String kind,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            CurrentUser caller) {
        ConsultationKind wanted = kind == null ? null : ConsultationKind.valueOf(kind);
        Page<Stored> found = consultations.list(caller, wanted, PageQuery.of(page, size));
        ZoneId zone = settings.timeZone(caller.schoolId().orElseThrow());
        return found.map(s -> new Line(
                s.consultation().id(),
                s.consultation().kind().name(),
                s.consultation().status().name(),
                time(s.consultation().askedAt(), zone)));
    }

    @Operation(operationId = "getConsultation", summary = "Read a consultation with its question and answer")
    @GetMapping("/{id}")
    ResponseEntity<View> get(@PathVariable UUID id, CurrentUser caller) {
        return answer(consultations.get(id, caller));
    }

    @Operation(operationId = "assignAdvisor", summary = "Assign an advisor to a consultation")
    @PostMapping("/{id}/advisor")
    ResponseEntity<View> assignAdvisor(
            @PathVariable UUID id,
            @Valid @RequestBody AdvisorRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(consultations.assignAdvisor(id, caller, ifMatch, request.userId()));
    }

    @Operation(operationId = "answerConsultation", summary = "Answer a consultation in the app")
    @PostMapping("/{id}/answer")
    ResponseEntity<View> answerInApp(
            @PathVariable UUID id,
            @Valid @RequestBody AnswerRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(consultations.change(
                id, caller, ifMatch, (c, actor) -> c.answer(actor, request.text(), consultations.now())));
    }

    @Operation(operationId = "recordConsultationMeeting", summary = "Record a consultation meeting")
    @PostMapping("/{id}/meeting")
    ResponseEntity<View> recordMeeting(
            @PathVariable UUID id,
            @Valid @RequestBody MeetingRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(consultations.change(
                id,
                caller,
                ifMatch,
                (c, actor) ->
                        c.recordMeeting(actor, request.heldAt().toInstant(), request.notes(), consultations.now())));
    }

    @Operation(operationId = "closeConsultation", summary = "Close a consultation")
    @PostMapping("/{id}/closure")
    ResponseEntity<View> close(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(consultations.change(id, caller, ifMatch, (c, actor) -> c.close(actor, consultations.now())));
    }

    @Operation(operationId = "withdrawConsultation", summary = "Withdraw a consultation")
    @PostMapping("/{id}/withdrawal")
    ResponseEntity<View> withdraw(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(consultations.change(id, caller, ifMatch, (c, actor) -> c.withdraw(actor, consultations.now())));
    }

    /** Times in the school's time zone. */
    private View view(Stored stored) {
        return View.of(
                stored.consultation(), settings.timeZone(stored.consultation().schoolId()));
    }

    private ResponseEntity<View> answer(Stored stored) {
        return ResponseEntity.ok().eTag(etag(stored)).body(view(stored));
    }

    private static String etag(Stored stored) {
        return Versions.etag(stored.version());
    }

    private static OffsetDateTime time(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
