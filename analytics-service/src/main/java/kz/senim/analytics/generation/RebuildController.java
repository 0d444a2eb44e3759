package kz.senim.analytics.generation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import kz.senim.platform.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The district admin rebuilds the store from the earliest events and watches it become live. */
@RestController
@RequestMapping("/api/reports/rebuilds")
@Tag(
        name = "Rebuilds",
        description = "Rebuilding the report store from the earliest events, switched over when complete.")
class RebuildController {

    private final Rebuilds rebuilds;

    RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** 202: the generation being built (the one already under way, if any). */
    @Operation(operationId = "startRebuild", summary = "Rebuild the report store from the earliest events")
    @PostMapping
    ResponseEntity<Map<String, Object>> rebuild(CurrentUser caller) {
        int building = rebuilds.start(caller);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("generation", building, "status", "BUILDING"));
    }

    @Operation(operationId = "listGenerations", summary = "List the store's generations and their state")
    @GetMapping
    List<Generation> generations(CurrentUser caller) {
        return rebuilds.generations(caller);
    }
}
