package kz.senim.training.plans;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import kz.senim.platform.SchoolYear;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.web.Page;
import kz.senim.training.plans.domain.PlanCompletion;
import kz.senim.training.plans.domain.PlanItemStatus;
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
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Annual plan", description = "The school year's plan and its items.")
@RestController
@RequestMapping("/api/plans/{schoolYear}")
class PlanController {

    private final AnnualPlans plans;

    PlanController(AnnualPlans plans) {
        this.plans = plans;
    }

    /** The year at a glance: items by status and the completion percentage. */
    @Operation(operationId = "getPlan", summary = "Read a school year's plan")
    @GetMapping
    PlanView plan(@PathVariable String schoolYear, CurrentUser caller) {
        return new PlanView(year(schoolYear), plans.completion(schoolYear, caller));
    }

    @Operation(operationId = "addPlanItem", summary = "Add an item to the plan")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping("/items")
    ResponseEntity<ItemView> add(
            @PathVariable String schoolYear,
            @Valid @RequestBody AddPlanItem request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            CurrentUser caller) {
        PlanRepository.Item item = plans.add(year(schoolYear), request, caller, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/plans/" + schoolYear + "/items/" + item.id()))
                .eTag(Long.toString(item.version()))
                .body(view(item));
    }

    @Operation(operationId = "listPlanItems", summary = "List the plan's items")
    @GetMapping("/items")
    Page<ItemView> items(
            @PathVariable String schoolYear,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])") String month,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
            CurrentUser caller) {
        Page<PlanRepository.Item> found = plans.items(year(schoolYear), month, caller, page, size);
        return new Page<>(
                found.content().stream().map(this::view).toList(),
                found.page(),
                found.size(),
                found.totalElements(),
                found.totalPages());
    }

    @Operation(operationId = "getPlanItem", summary = "Read a plan item")
    @GetMapping("/items/{id}")
    ResponseEntity<ItemView> item(@PathVariable String schoolYear, @PathVariable UUID id, CurrentUser caller) {
        return answer(plans.item(year(schoolYear), id, caller));
    }

    @Operation(operationId = "linkActivity", summary = "Link an activity to a plan item")
    @PutMapping("/items/{id}/activities/{activityId}")
    ResponseEntity<ItemView> link(
            @PathVariable String schoolYear,
            @PathVariable UUID id,
            @PathVariable UUID activityId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(plans.link(year(schoolYear), id, activityId, caller, ifMatch));
    }

    @Operation(operationId = "unlinkActivity", summary = "Unlink an activity from a plan item")
    @DeleteMapping("/items/{id}/activities/{activityId}")
    ResponseEntity<ItemView> unlink(
            @PathVariable String schoolYear,
            @PathVariable UUID id,
            @PathVariable UUID activityId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(plans.unlink(year(schoolYear), id, activityId, caller, ifMatch));
    }

    @Operation(operationId = "cancelPlanItem", summary = "Cancel a plan item")
    @PostMapping("/items/{id}/cancellation")
    ResponseEntity<ItemView> cancel(
            @PathVariable String schoolYear,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(plans.cancel(year(schoolYear), id, caller, ifMatch));
    }

    /** For an item without linked activities: what the coordinator reports about it. */
    @Operation(operationId = "reportPlanItem", summary = "Report a plan item's status")
    @PostMapping("/items/{id}/report")
    ResponseEntity<ItemView> report(
            @PathVariable String schoolYear,
            @PathVariable UUID id,
            @Valid @RequestBody Report request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(plans.report(year(schoolYear), id, PlanItemStatus.valueOf(request.status()), caller, ifMatch));
    }

    /**
     * Checked here rather than with a constraint on the path variable: with one, Spring validates the
     * whole method and the platform names body errors after the parameter instead of the field. The
     * platform's one school-year rule: {@code 2026-2027}, never {@code 2026-2030}.
     */
    private static String year(String schoolYear) {
        return SchoolYear.of(schoolYear, "schoolYear").toString();
    }

    record Report(
            @NotNull @Pattern(regexp = "PLANNED|DONE|PARTLY_DONE")
            String status) {}

    record PlanView(String schoolYear, PlanCompletion completion) {}

    record ItemView(
            UUID id,
            String schoolYear,
            String direction,
            String description,
            String month,
            String responsibleUserId,
            String status,
            List<UUID> activityIds) {}

    private ResponseEntity<ItemView> answer(PlanRepository.Item item) {
        return ResponseEntity.ok().eTag(Long.toString(item.version())).body(view(item));
    }

    private ItemView view(PlanRepository.Item i) {
        return new ItemView(
                i.id(),
                i.schoolYear(),
                i.direction(),
                i.description(),
                i.month(),
                i.responsible(),
                i.status().name(),
                plans.linkedActivities(i.id()));
    }
}
