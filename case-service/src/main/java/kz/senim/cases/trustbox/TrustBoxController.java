package kz.senim.cases.trustbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import kz.senim.cases.mediation.SchoolSettingsService;
import kz.senim.cases.mediation.domain.Urgency;
import kz.senim.cases.trustbox.TrustBoxRepository.ThreadSummary;
import kz.senim.cases.trustbox.domain.CaseProposal;
import kz.senim.cases.trustbox.domain.Receipt;
import kz.senim.cases.trustbox.domain.TrustBoxMessage;
import kz.senim.cases.trustbox.domain.TrustBoxThread;
import kz.senim.platform.openapi.Anonymous;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.PageQuery;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trust box over HTTP. The sender's endpoints ({@code /api/trust-box/schools/**}) take no
 * token, set no cookie and read nothing about the caller; the receipt travels in the body, never
 * in a URL that could end up in a log. Coordinators answer under {@code /api/trust-box/threads}.
 */
@Tag(
        name = "Trust box",
        description =
                "Anonymous messages to the school's coordinators: the sender's calls take no token and the receipt is their only key; the coordinators' calls are signed in.")
@RestController
class TrustBoxController {

    private static final String SCHOOL = "[a-z0-9][a-z0-9-]{1,62}[a-z0-9]";

    private final TrustBox trustBox;
    private final SchoolSettingsService settings;

    TrustBoxController(TrustBox trustBox, SchoolSettingsService settings) {
        this.trustBox = trustBox;
        this.settings = settings;
    }

    /** Times in the school's time zone. */
    private Conversation conversation(TrustBoxThread thread) {
        return Conversation.of(thread, settings.timeZone(thread.schoolId()));
    }

    private ThreadView threadView(TrustBoxThread thread) {
        return ThreadView.of(thread, settings.timeZone(thread.schoolId()));
    }

    record Drop(
            @NotBlank @Size(max = TrustBoxMessage.MAX_LENGTH)
            String text) {}

    record ReceiptShownOnce(String receipt, String note) {}

    record ReceiptOnly(@NotNull @Size(max = 64) String receipt) {}

    record WriteBack(
            @NotNull @Size(max = 64) String receipt,

            @NotBlank @Size(max = TrustBoxMessage.MAX_LENGTH)
            String text) {}

    record Answer(
            @NotBlank @Size(max = TrustBoxMessage.MAX_LENGTH)
            String text) {}

    record MessageView(String author, String text, OffsetDateTime writtenAt) {}

    record CaseAnswer(
            @NotNull @Size(max = 64) String receipt,

            @NotNull Boolean agreed) {}

    record OpenCase(@NotNull Urgency urgency) {}

    /** What the sender sees: the messages, and whether a case was proposed (no names, no case id). */
    record Conversation(List<MessageView> messages, String caseProposal) {
        static Conversation of(TrustBoxThread thread, ZoneId zone) {
            return new Conversation(
                    thread.messages().stream()
                            .map(m -> new MessageView(
                                    m.author().name(),
                                    m.text(),
                                    m.writtenAt().atZone(zone).toOffsetDateTime()))
                            .toList(),
                    thread.caseProposal().map(p -> p.status().name()).orElse(null));
        }
    }

    record CaseProposalView(
            String status, String proposedBy, OffsetDateTime proposedAt, OffsetDateTime answeredAt, UUID caseId) {
        static CaseProposalView of(CaseProposal p, ZoneId zone) {
            return new CaseProposalView(
                    p.status().name(),
                    p.proposedBy(),
                    p.proposedAt().atZone(zone).toOffsetDateTime(),
                    p.answeredAt() == null ? null : p.answeredAt().atZone(zone).toOffsetDateTime(),
                    p.caseId());
        }
    }

    record SafetyConcernView(String coordinatorId, OffsetDateTime flaggedAt) {}

    record ThreadView(
            UUID id,
            OffsetDateTime openedAt,
            List<MessageView> messages,
            List<SafetyConcernView> safetyConcerns,
            CaseProposalView caseProposal) {
        static ThreadView of(TrustBoxThread thread, ZoneId zone) {
            return new ThreadView(
                    thread.id(),
                    thread.openedAt().atZone(zone).toOffsetDateTime(),
                    Conversation.of(thread, zone).messages(),
                    thread.safetyConcerns().stream()
                            .map(c -> new SafetyConcernView(
                                    c.coordinatorId(),
                                    c.flaggedAt().atZone(zone).toOffsetDateTime()))
                            .toList(),
                    thread.caseProposal().map(p -> CaseProposalView.of(p, zone)).orElse(null));
        }
    }

    record ThreadLine(
            UUID id, OffsetDateTime openedAt, OffsetDateTime lastMessageAt, int messages, boolean awaitingAnswer) {}

    @Operation(operationId = "sendTrustBoxMessage", summary = "Send an anonymous message to a school")
    @Anonymous
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping("/api/trust-box/schools/{schoolId}/messages")
    ResponseEntity<ReceiptShownOnce> drop(
            @PathVariable @Pattern(regexp = SCHOOL) String schoolId, @Valid @RequestBody Drop drop) {
        Receipt receipt = trustBox.drop(schoolId, drop.text());
        return ResponseEntity.created(URI.create("/api/trust-box/schools/" + schoolId + "/conversation"))
                .cacheControl(CacheControl.noStore())
                .body(new ReceiptShownOnce(
                        receipt.code(),
                        "Write this code down. It is shown only once; with it you read answers and write back."));
    }

    @Operation(operationId = "readTrustBoxConversation", summary = "Read a conversation with its receipt")
    @Anonymous
    @PostMapping("/api/trust-box/schools/{schoolId}/conversation")
    ResponseEntity<Conversation> read(
            @PathVariable @Pattern(regexp = SCHOOL) String schoolId, @Valid @RequestBody ReceiptOnly body) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(conversation(trustBox.read(schoolId, body.receipt())));
    }

    @Operation(operationId = "writeBackToTrustBox", summary = "Write back in a conversation with its receipt")
    @Anonymous
    @PostMapping("/api/trust-box/schools/{schoolId}/conversation/messages")
    ResponseEntity<Conversation> writeBack(
            @PathVariable @Pattern(regexp = SCHOOL) String schoolId, @Valid @RequestBody WriteBack body) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(conversation(trustBox.writeBack(schoolId, body.receipt(), body.text())));
    }

    /** The sender agrees to the proposed anonymous case, or declines it. */
    @Operation(operationId = "answerCaseProposal", summary = "Agree to or decline opening a case (the sender)")
    @Anonymous
    @PostMapping("/api/trust-box/schools/{schoolId}/conversation/case-proposal-answer")
    ResponseEntity<Conversation> answerCaseProposal(
            @PathVariable @Pattern(regexp = SCHOOL) String schoolId, @Valid @RequestBody CaseAnswer body) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(conversation(trustBox.answerCaseProposal(schoolId, body.receipt(), body.agreed())));
    }

    @Operation(operationId = "listTrustBoxThreads", summary = "List the school's trust-box conversations")
    @GetMapping("/api/trust-box/threads")
    Page<ThreadLine> threads(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            CurrentUser coordinator) {
        Page<ThreadSummary> threads = trustBox.threads(coordinator, PageQuery.of(page, size));
        ZoneId zone = settings.timeZone(coordinator.schoolId().orElseThrow());
        return threads.map(t -> new ThreadLine(
                t.id(),
                t.openedAt().atZone(zone).toOffsetDateTime(),
                t.lastMessageAt().atZone(zone).toOffsetDateTime(),
                t.messages(),
                t.awaitingAnswer()));
    }

    @Operation(operationId = "getTrustBoxThread", summary = "Read a trust-box conversation")
    @GetMapping("/api/trust-box/threads/{id}")
    ThreadView thread(@PathVariable UUID id, CurrentUser coordinator) {
        return threadView(trustBox.thread(coordinator, id));
    }

    @Operation(operationId = "replyInTrustBox", summary = "Reply to the sender")
    @PostMapping("/api/trust-box/threads/{id}/replies")
    ThreadView answer(@PathVariable UUID id, @Valid @RequestBody Answer answer, CurrentUser coordinator) {
        return threadView(trustBox.answer(coordinator, id, answer.text()));
    }

    /** A coordinator flags a concern for the sender's safety. */
    @Operation(operationId = "flagSafetyConcern", summary = "Flag a concern for the sender's safety")
    @PostMapping("/api/trust-box/threads/{id}/safety-concerns")
    ThreadView flagSafetyConcern(@PathVariable UUID id, CurrentUser coordinator) {
        return threadView(trustBox.flagSafetyConcern(coordinator, id));
    }

    /** A coordinator proposes to open an anonymous case; the sender answers in the conversation. */
    @Operation(operationId = "proposeCase", summary = "Propose opening an anonymous case")
    @PostMapping("/api/trust-box/threads/{id}/case-proposal")
    ThreadView proposeCase(@PathVariable UUID id, CurrentUser coordinator) {
        return threadView(trustBox.proposeCase(coordinator, id));
    }

    /** After the sender agreed, a coordinator opens the anonymous case. */
    @Operation(operationId = "openCaseFromTrustBox", summary = "Open the anonymous case the sender agreed to")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping("/api/trust-box/threads/{id}/case")
    ResponseEntity<ThreadView> openCase(
            @PathVariable UUID id, @Valid @RequestBody OpenCase body, CurrentUser coordinator) {
        ThreadView thread = threadView(trustBox.openCase(coordinator, id, body.urgency()));
        return ResponseEntity.created(
                        URI.create("/api/cases/" + thread.caseProposal().caseId()))
                .body(thread);
    }
}
