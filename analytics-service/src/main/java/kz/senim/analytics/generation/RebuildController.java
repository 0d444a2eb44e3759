package kz.senim.analytics.generation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import kz.senim.platform.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The district admin rebuilds the store from the earliest offsets and watches it become live. */
@RestController
@RequestMapping("/api/reports/rebuilds")
@Tag(
        name = "Rebuilds",
        description = "Rebuilding the report store from the earliest events, switched over when complete.")
class RebuildController {

    private final Generations generations;

    RebuildController(Generations generations) {
        this.generations = generations;
    }

    /** 202: the generation being built (the one already under way, if any). */
    @Operation(operationId = "startRebuild", summary = "Rebuild the report store from the earliest events")
    @PostMapping
    ResponseEntity<Map<String, Object>> rebuild(CurrentUser caller) {
        districtAdminOnly(caller);
        int building = generations.requestRebuild();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("generation", building, "status", "BUILDING"));
    }

    @Operation(operationId = "listGenerations", summary = "List the store's generations and their state")
    @GetMapping
    List<Generations.Generation> generations(CurrentUser caller) {
        districtAdminOnly(caller);
        return generations.all();
    }

    private static void districtAdminOnly(CurrentUser caller) {
        if (!caller.isDistrictAdmin()) {
            throw new AccessDeniedException("Rebuilds are for the district admin");
        }
    }
}
