package kz.senim.membership.school;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import kz.senim.membership.domain.FieldProblem;
import kz.senim.membership.domain.InvalidInput;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.PageQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Schools", description = "Schools registered on the platform.")
@RestController
@RequestMapping("/api/schools")
class SchoolController {

    private final Schools schools;

    SchoolController(Schools schools) {
        this.schools = schools;
    }

    @Operation(operationId = "registerSchool", summary = "Register a school")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<SchoolView> register(@Valid @RequestBody RegisterSchool request, CurrentUser caller) {
        School school = schools.register(request, caller);
        return ResponseEntity.created(URI.create("/api/schools/" + school.id()))
                .eTag(Long.toString(school.version()))
                .body(SchoolView.of(school));
    }

    /** Body as for registering; {@code id} must be the school's own. Send the ETag you read as {@code If-Match}. */
    @Operation(operationId = "updateSchool", summary = "Replace a school")
    @PutMapping("/{id}")
    ResponseEntity<SchoolView> update(
            @PathVariable String id,
            @Valid @RequestBody RegisterSchool request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        if (!id.equals(request.id())) {
            throw new InvalidInput(List.of(new FieldProblem("id", "school.id.path")));
        }
        School school = schools.update(id, request, ifMatch, caller);
        return ResponseEntity.ok().eTag(Long.toString(school.version())).body(SchoolView.of(school));
    }

    /** The common page shape; {@code sort} is one of {@link Schools#SORTS} (default {@code id}). */
    @Operation(operationId = "listSchools", summary = "List schools")
    @GetMapping
    Page<SchoolView> list(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            CurrentUser caller) {
        PageQuery query = PageQuery.of(page, size, sort, Schools.SORTS, "id");
        return schools.visibleTo(caller, query).map(SchoolView::of);
    }

    @Operation(operationId = "getSchool", summary = "Read a school")
    @GetMapping("/{id}")
    ResponseEntity<SchoolView> get(@PathVariable String id, CurrentUser caller) {
        School school = schools.get(id, caller);
        return ResponseEntity.ok().eTag(Long.toString(school.version())).body(SchoolView.of(school));
    }

    record SchoolView(
            String id,
            RegisterSchool.Name names,
            String city,
            String region,
            String timeZone,
            String defaultLanguage,
            int yearStartMonth,
            Instant registeredAt) {

        static SchoolView of(School school) {
            return new SchoolView(
                    school.id(),
                    new RegisterSchool.Name(
                            school.name().kk(),
                            school.name().ru(),
                            school.name().en()),
                    school.city(),
                    school.region(),
                    school.timeZone().getId(),
                    school.defaultLanguage(),
                    school.yearStartMonth(),
                    school.registeredAt());
        }
    }
}
