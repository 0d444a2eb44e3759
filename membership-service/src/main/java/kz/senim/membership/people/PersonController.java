package kz.senim.membership.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import kz.senim.membership.people.domain.CsvText;
import kz.senim.membership.people.domain.Person;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.PageQuery;
import kz.senim.platform.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

/** The people directory of the caller's school. */
@Tag(name = "People", description = "The school's people directory.")
@RestController
@RequestMapping("/api/people")
class PersonController {

    private final People people;

    PersonController(People people) {
        this.people = people;
    }

    @Operation(operationId = "registerPerson", summary = "Add a person to the directory")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<PersonView> register(
            @Valid @RequestBody RegisterPerson request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            CurrentUser caller) {
        Person person = people.register(request, idempotencyKey, caller);
        return ResponseEntity.created(URI.create("/api/people/" + person.userId()))
                .eTag(Versions.etag(person.version()))
                .body(PersonView.of(person));
    }

    @Operation(operationId = "listPeople", summary = "List the people of the directory")
    @GetMapping
    Page<PersonView> list(
            @RequestParam(required = false) String role,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            CurrentUser caller) {
        return people.list(role, PageQuery.of(page, size, sort, People.SORTS, "familyName"), caller)
                .map(PersonView::of);
    }

    @Operation(operationId = "getPerson", summary = "Read a person of the directory")
    @GetMapping("/{userId}")
    ResponseEntity<PersonView> get(@PathVariable String userId, CurrentUser caller) {
        Person person = people.get(userId, caller);
        return ResponseEntity.ok().eTag(Versions.etag(person.version())).body(PersonView.of(person));
    }

    @Operation(operationId = "updatePerson", summary = "Replace a person's entry")
    @PutMapping("/{userId}")
    ResponseEntity<PersonView> update(
            @PathVariable String userId,
            @Valid @RequestBody UpdatePerson request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        Person person = people.update(userId, request, ifMatch, caller);
        return ResponseEntity.ok().eTag(Versions.etag(person.version())).body(PersonView.of(person));
    }

    @Operation(operationId = "removePerson", summary = "Remove a person from the directory")
    @ApiResponse(responseCode = "204", description = "Done")
    @DeleteMapping("/{userId}")
    ResponseEntity<Void> remove(
            @PathVariable String userId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        people.remove(userId, ifMatch, caller);
        return ResponseEntity.noContent().build();
    }

    /**
     * A CSV list of people (see {@code DirectoryFile}); all rows are imported, or none. UTF-8 (with or without
     * BOM) unless the {@code Content-Type} declares a charset; other bytes answer 400 with their row.
     */
    @Operation(
            operationId = "importPeople",
            summary = "Import people from a CSV file",
            description = "UTF-8, with or without a byte-order mark, unless Content-Type declares a charset"
                    + " (text/csv; charset=windows-1251). Bytes that are not valid in it answer 400 naming the row"
                    + " (rows[n], directory.file.encoding); nothing is imported then.")
    @PostMapping(
            path = "/imports",
            consumes = {"text/csv", "text/plain"})
    People.ImportReport importFile(
            @RequestBody(required = false) byte[] csv,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) MediaType contentType,
            CurrentUser caller) {
        Charset declared = contentType == null ? null : contentType.getCharset();
        return people.importFile(CsvText.decode(csv, declared), caller);
    }

    record PersonView(
            String userId,
            String role,
            Integer grade,
            String classLetter,
            List<String> guardianOf,
            String language,
            String givenName,
            String familyName) {

        static PersonView of(Person p) {
            return new PersonView(
                    p.userId(),
                    p.role().realmName(),
                    p.grade(),
                    p.classLetter(),
                    List.copyOf(p.guardianOf()),
                    p.language(),
                    p.givenName(),
                    p.familyName());
        }
    }
}
