package kz.senim.training.curriculum;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.web.Page;
import kz.senim.training.curriculum.domain.Curriculum;
import kz.senim.training.curriculum.domain.CurriculumModule;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The mediator curriculum lives under /api/activities, the gateway's prefix for trainings. */
@Tag(name = "Curriculum", description = "The mediator curriculum and trainees' progress.")
@RestController
@RequestMapping("/api/activities/curriculum")
class CurriculumController {

    private static final String MODULES = "FOUNDATIONS_AND_PRINCIPLES|ACTIVE_LISTENING|I_MESSAGES|MEDIATION_PROCEDURE"
            + "|WRITING_AN_AGREEMENT|CO_MEDIATION_SIMULATIONS";

    private final Curricula curricula;

    CurriculumController(Curricula curricula) {
        this.curricula = curricula;
    }

    @Operation(operationId = "getCurriculum", summary = "Read the school's curriculum")
    @GetMapping
    ResponseEntity<CurriculumView> get(CurrentUser caller) {
        return answer(curricula.of(caller));
    }

    @Operation(operationId = "reviseCurriculum", summary = "Revise the curriculum")
    @PutMapping
    ResponseEntity<CurriculumView> revise(
            @Valid @RequestBody ReviseCurriculum request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        Set<CurriculumModule> modules = request.requiredModules().stream()
                .map(CurriculumModule::valueOf)
                .collect(Collectors.toSet());
        return answer(curricula.revise(modules, request.requiredSimulations(), caller, ifMatch));
    }

    @Operation(operationId = "listTraineeProgress", summary = "List trainees' progress")
    @GetMapping("/trainees")
    Page<ProgressView> trainees(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
            CurrentUser caller) {
        Page<Curricula.Progress> found = curricula.trainees(caller, page, size);
        return new Page<>(
                found.content().stream().map(ProgressView::of).toList(),
                found.page(),
                found.size(),
                found.totalElements(),
                found.totalPages());
    }

    @Operation(operationId = "getTraineeProgress", summary = "Read a trainee's progress")
    @GetMapping("/trainees/{userId}")
    ProgressView progress(@PathVariable String userId, CurrentUser caller) {
        return ProgressView.of(curricula.progressOf(userId, caller));
    }

    record ReviseCurriculum(
            @NotNull @Size(max = 6) List<@NotNull @Pattern(regexp = MODULES) String> requiredModules,
            @NotNull @Min(0) @Max(50) Integer requiredSimulations) {}

    record CurriculumView(List<String> requiredModules, int requiredSimulations) {}

    record ProgressView(
            String userId,
            String schoolYear,
            String memberStatus,
            List<String> modulesCompleted,
            List<String> modulesMissing,
            int simulationsAttended,
            int simulationsRequired,
            boolean qualified,
            Instant qualifiedAt) {

        static ProgressView of(Curricula.Progress p) {
            return new ProgressView(
                    p.userId(),
                    p.schoolYear(),
                    p.memberStatus(),
                    p.progress().modulesCompleted().stream()
                            .map(Enum::name)
                            .sorted()
                            .toList(),
                    p.progress().modulesMissing().stream()
                            .map(Enum::name)
                            .sorted()
                            .toList(),
                    p.progress().simulationsAttended(),
                    p.progress().simulationsRequired(),
                    p.qualifiedAt() != null || p.progress().qualified(),
                    p.qualifiedAt());
        }
    }

    private static ResponseEntity<CurriculumView> answer(Curriculum c) {
        return ResponseEntity.ok()
                .eTag(Long.toString(c.version()))
                .body(new CurriculumView(
                        c.requiredModules().stream().map(Enum::name).sorted().toList(), c.requiredSimulations()));
    }
}
