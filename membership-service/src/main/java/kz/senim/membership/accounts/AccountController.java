package kz.senim.membership.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kz.senim.membership.accounts.AccountImportRepository.AccountImport;
import kz.senim.membership.accounts.AccountRepository.Account;
import kz.senim.membership.people.domain.CsvText;
import kz.senim.membership.people.domain.DirectoryFile;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.PageQuery;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

/** Accounts of a school's people, made by the district admin or the school's admins. */
@Tag(name = "Accounts", description = "Sign-in accounts of a school's people, created from the directory.")
@RestController
@RequestMapping("/api/schools/{schoolId}")
class AccountController {

    private final Accounts accounts;
    private final AccountImports imports;

    AccountController(Accounts accounts, AccountImports imports) {
        this.accounts = accounts;
        this.imports = imports;
    }

    @Operation(
            operationId = "createAccount",
            summary = "Create a person's account and directory entry",
            description = "Creates the Keycloak user (username given.family, see docs/api.md) with the school, the"
                    + " language and the realm role of the entry, and adds the entry to the directory. The same"
                    + " externalId again answers 200 with the account made the first time. A school admin gives"
                    + " student, teacher and parent (coordinator only when the district allowed it); only the"
                    + " district admin gives admin. Another school answers 404.")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "The account of this externalId existed already")
    @PostMapping("/accounts")
    ResponseEntity<AccountView> create(
            @PathVariable String schoolId, @Valid @RequestBody CreateAccount request, CurrentUser caller) {
        Accounts.Created created = accounts.create(schoolId, request, caller);
        AccountView view = AccountView.of(accounts.withStatus(created.account()));
        if (!created.isNew()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(URI.create("/api/schools/" + schoolId + "/accounts/" + view.userId()))
                .body(view);
    }

    @Operation(
            operationId = "importAccounts",
            summary = "Import the school's accounts from a list (CSV or .xlsx) in the background, or preview it",
            description = "The first row names the columns: externalId, role, language, givenName, familyName;"
                    + " optional grade, classLetter, guardianOf (children's externalIds separated by ;), email,"
                    + " status (left). CSV is UTF-8 (with or without BOM) unless Content-Type declares a charset;"
                    + " .xlsx is read from its first sheet. dryRun=true answers 200 with what would be created,"
                    + " changed, disabled and refused, and changes nothing. Otherwise any refused row answers 400"
                    + " with every row's problems and nothing happens; a list without refused rows is accepted"
                    + " (202): the import runs in the background, and the Location header names it (its status,"
                    + " progress and, once done, its result). The same file twice changes nothing. A retry with the"
                    + " same Idempotency-Key answers the import accepted the first time.")
    @ApiResponse(
            responseCode = "200",
            description = "The preview (dryRun=true)",
            content = @Content(schema = @Schema(implementation = Accounts.ImportReport.class)))
    @ApiResponse(
            responseCode = "202",
            description = "Accepted: the import runs in the background",
            content = @Content(schema = @Schema(implementation = ImportView.class)))
    @PostMapping(
            path = "/accounts/imports",
            consumes = {"text/csv", "text/plain", Spreadsheets.XLSX})
    ResponseEntity<?> importFile(
            @PathVariable String schoolId,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestBody(required = false) byte[] file,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            CurrentUser caller) {
        byte[] bytes = file == null ? new byte[0] : file;
        List<List<String>> rows = contentType.isCompatibleWith(MediaType.parseMediaType(Spreadsheets.XLSX))
                ? Spreadsheets.rows(bytes)
                : DirectoryFile.parse(CsvText.decode(bytes, contentType.getCharset()));
        if (dryRun) {
            return ResponseEntity.ok(accounts.preview(schoolId, rows, caller));
        }
        AccountImport accepted = imports.accept(schoolId, rows, idempotencyKey, caller);
        return ResponseEntity.accepted()
                .location(URI.create("/api/schools/" + schoolId + "/accounts/imports/" + accepted.id()))
                .body(ImportView.of(accepted, accounts));
    }

    @Operation(
            operationId = "getAccountImport",
            summary = "An import of accounts: its status, progress and result",
            description = "status: queued, running, done or failed. processed of total rows to do (created,"
                    + " changed and disabled; unchanged rows need nothing; new people are made, and counted, up to"
                    + " 25 at a time); an import taken up again after a"
                    + " restart of the service counts from zero again. result (once done) lists the rows by what"
                    + " was done, and refused the rows that could not be done after all (e.g. no free username)."
                    + " A failed import did what it could: importing the same file again finishes it.")
    @GetMapping("/accounts/imports/{importId}")
    ImportView importOf(@PathVariable String schoolId, @PathVariable String importId, CurrentUser caller) {
        return ImportView.of(imports.find(schoolId, importId, caller), accounts);
    }

    /** An import of accounts as the API shows it: no names, only rows, external ids and roles. */
    record ImportView(
            String id,

            @Schema(allowableValues = {"queued", "running", "done", "failed"})
            String status,

            @Schema(description = "Rows done so far (of total)")
            int processed,

            @Schema(description = "Rows to create, change or disable")
            int total,

            @Schema(description = "Accounts to create") int created,
            @Schema(description = "Accounts to change") int changed,

            @Schema(description = "Accounts to disable (people who left)")
            int disabled,

            @Schema(description = "Rows that could not be done after all (known once done)")
            int refused,

            @Schema(description = "Rows that need nothing") int unchanged,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,

            @Schema(description = "What was done, row by row: only once done")
            Accounts.ImportReport result,

            @Schema(description = "Why the import failed, in the caller's language: only when failed")
            String failure) {

        static ImportView of(AccountImport stored, Accounts accounts) {
            Accounts.ImportReport plan = stored.plan();
            boolean done = stored.status().equals("DONE");
            java.util.Locale locale = LocaleContextHolder.getLocale();
            Accounts.ImportReport result = done
                    ? new Accounts.ImportReport(
                            false,
                            plan.created(),
                            plan.changed(),
                            plan.disabled(),
                            stored.refused().stream()
                                    .map(problem -> accounts.explain(problem, locale))
                                    .toList(),
                            plan.unchanged())
                    : null;
            return new ImportView(
                    stored.id(),
                    stored.status().toLowerCase(java.util.Locale.ROOT),
                    stored.processed(),
                    stored.total(),
                    plan.created().size(),
                    plan.changed().size(),
                    plan.disabled().size(),
                    stored.refused().size(),
                    plan.unchanged(),
                    stored.createdAt(),
                    stored.startedAt(),
                    stored.finishedAt(),
                    result,
                    stored.failure() == null
                            ? null
                            : accounts.explain(
                                            new kz.senim.membership.domain.FieldProblem("import", stored.failure()),
                                            locale)
                                    .message());
        }
    }

    @Operation(
            operationId = "newFirstLoginCode",
            summary = "Give an account a new one-time first-login code",
            description = "For people without an e-mail address. The code is a temporary password: the person"
                    + " must choose their own at the first sign-in. It is in this answer only (Cache-Control:"
                    + " no-store); Senim keeps no copy. A new code makes the previous one useless.")
    @PostMapping("/accounts/{userId}/first-login-code")
    ResponseEntity<Accounts.FirstLogin> firstLoginCode(
            @PathVariable String schoolId, @PathVariable String userId, CurrentUser caller) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(accounts.newFirstLoginCode(schoolId, userId, caller));
    }

    @Operation(
            operationId = "printClassSheet",
            summary = "A printable class sheet of first-login codes (PDF)",
            description = "Gives every pupil of the class who has an active account, no e-mail address and no"
                    + " password of their own yet a new one-time first-login code, and answers a PDF with one slip"
                    + " per pupil (name, class, username, code, what to do) in kk, ru or en. The codes are in this"
                    + " PDF only (Cache-Control: no-store); making the sheet again replaces them.")
    @ApiResponse(responseCode = "200", description = "The sheet", content = @Content(mediaType = "application/pdf"))
    @PostMapping(path = "/accounts/class-sheets", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> classSheet(
            @PathVariable String schoolId, @Valid @RequestBody ClassSheet request, CurrentUser caller) {
        byte[] pdf = accounts.classSheet(
                schoolId,
                new Accounts.ClassSheetRequest(request.grade(), request.classLetter(), request.language()),
                caller);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"class-sheet.pdf\"")
                .body(pdf);
    }

    /** The class whose sheet to print, and its language. */
    record ClassSheet(
            @NotNull @Min(1) @Max(11) Integer grade,
            @NotBlank @Size(max = 3) String classLetter,
            @NotNull @Pattern(regexp = "kk|ru|en") String language) {}

    @Operation(
            operationId = "resendInvitation",
            summary = "E-mail the person a new invitation",
            description = "For people with an e-mail address whose first sign-in is still to come: Keycloak e-mails"
                    + " a new link to choose a password and confirm the address, in the person's language, valid"
                    + " for the configured lifespan (3 days unless set). The mail leaves once this answer is given"
                    + " (202), also while Keycloak or SMTP is down (it is sent when they answer). 409"
                    + " account-without-email, account-disabled or first-sign-in-done.")
    @ApiResponse(responseCode = "202", description = "The invitation will be sent", useReturnTypeSchema = true)
    @PostMapping("/accounts/{userId}/invitation")
    ResponseEntity<AccountView> resendInvitation(
            @PathVariable String schoolId, @PathVariable String userId, CurrentUser caller) {
        return ResponseEntity.accepted().body(AccountView.of(accounts.resendInvitation(schoolId, userId, caller)));
    }

    @Operation(
            operationId = "disableAccount",
            summary = "Disable an account and end its sessions",
            description = "The person stays in the directory (someone who left the school is removed from it, or"
                    + " marked left in an import, instead). Nobody can sign in with a disabled account; an import"
                    + " does not enable it again.")
    @PostMapping("/accounts/{userId}/disable")
    AccountView disable(@PathVariable String schoolId, @PathVariable String userId, CurrentUser caller) {
        return AccountView.of(accounts.disable(schoolId, userId, caller));
    }

    @Operation(
            operationId = "enableAccount",
            summary = "Enable a disabled account again",
            description = "409 person-left when the person is no longer in the directory: import them again.")
    @PostMapping("/accounts/{userId}/enable")
    AccountView enable(@PathVariable String schoolId, @PathVariable String userId, CurrentUser caller) {
        return AccountView.of(accounts.enable(schoolId, userId, caller));
    }

    @Operation(
            operationId = "getOnboardingProgress",
            summary = "How far the school's onboarding has come, by role",
            description = "For each role with accounts: how many accounts Senim made, how many of them have done"
                    + " their first sign-in (chosen a password, confirmed the e-mail address) and how many are"
                    + " disabled. From Keycloak's data, without names.")
    @GetMapping("/accounts/progress")
    Map<String, Accounts.RoleProgress> progress(@PathVariable String schoolId, CurrentUser caller) {
        return accounts.progress(schoolId, caller);
    }

    @Operation(
            operationId = "listAccounts",
            summary = "List the school's accounts, with their status",
            description = "status: invited (an invitation was e-mailed and is not done yet), never-signed-in (no"
                    + " first sign-in yet, e.g. a first-login code not used), active (the person chose their"
                    + " password), disabled. Read from Keycloak's required actions, see docs/api.md. Sorts:"
                    + " username, externalId, role.")
    @GetMapping("/accounts")
    Page<AccountView> list(
            @PathVariable String schoolId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            CurrentUser caller) {
        return accounts.list(schoolId, PageQuery.of(page, size, sort, Accounts.SORTS, "username"), caller)
                .map(AccountView::of);
    }

    @Operation(operationId = "getOnboardingSettings", summary = "What the school's admins may do with accounts")
    @GetMapping("/onboarding-settings")
    OnboardingSettings settings(@PathVariable String schoolId, CurrentUser caller) {
        return new OnboardingSettings(accounts.schoolAdminsGrantCoordinator(schoolId, caller));
    }

    @Operation(
            operationId = "changeOnboardingSettings",
            summary = "Allow or forbid the school's admins to give the coordinator role (district admin only)")
    @PutMapping("/onboarding-settings")
    OnboardingSettings change(
            @PathVariable String schoolId, @Valid @RequestBody OnboardingSettings request, CurrentUser caller) {
        accounts.allowSchoolAdminsToGrantCoordinator(schoolId, request.schoolAdminsGrantCoordinator(), caller);
        return request;
    }

    /** What the district allows the school's admins. */
    record OnboardingSettings(boolean schoolAdminsGrantCoordinator) {}

    /**
     * An account: who it is in the school (external id, role), how to sign in (username) and where it stands; no
     * names, no e-mail address.
     */
    record AccountView(
            String userId,
            String username,
            String externalId,
            String role,

            @Schema(allowableValues = {"invited", "never-signed-in", "active", "disabled"})
            String status,

            @Schema(description = "Whether the person is invited by e-mail (otherwise: a first-login code)")
            boolean email,

            @Schema(description = "When the last invitation was e-mailed, if any")
            Instant invitedAt,

            @Schema(description = "Until when its link works")
            Instant invitationExpiresAt) {

        static AccountView of(Accounts.Listed listed) {
            Account a = listed.account();
            return new AccountView(
                    a.userId(),
                    a.username(),
                    a.externalId(),
                    a.role().realmName(),
                    listed.status().apiName(),
                    a.hasEmail(),
                    a.invitedAt(),
                    a.invitationExpiresAt());
        }
    }
}
