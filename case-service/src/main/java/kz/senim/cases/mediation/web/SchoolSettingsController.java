package kz.senim.cases.mediation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import kz.senim.cases.mediation.SchoolSettingsService;
import kz.senim.cases.mediation.VersionedSettings;
import kz.senim.cases.mediation.domain.SchoolSettings;
import kz.senim.platform.problem.FieldsRefused;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.web.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's school's case settings, for its coordinators and its admin; versioned with an ETag
 * and {@code If-Match}.
 */
@Tag(name = "Case settings", description = "The caller's school's settings for its cases.")
@RestController
@RequestMapping("/api/cases/settings")
class SchoolSettingsController {

    private final SchoolSettingsService settings;

    SchoolSettingsController(SchoolSettingsService settings) {
        this.settings = settings;
    }

    @Operation(operationId = "getCaseSettings", summary = "Read the school's case settings")
    @GetMapping
    ResponseEntity<SettingsView> read(CurrentUser caller) {
        return answer(settings.read(caller));
    }

    @Operation(operationId = "changeCaseSettings", summary = "Change the school's case settings")
    @PutMapping
    ResponseEntity<SettingsView> change(
            @Valid @RequestBody SettingsRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        ZoneId zone;
        try {
            zone = ZoneId.of(request.timeZone());
        } catch (DateTimeException unknown) {
            throw new FieldsRefused("timeZone", "settings.timeZone.unknown");
        }
        return answer(settings.change(
                caller,
                ifMatch,
                new SchoolSettings(
                        request.mediatorsPerCase(),
                        request.guardianConsentBelowGrade(),
                        request.followUpDays(),
                        request.retentionDays(),
                        zone)));
    }

    /** A school's settings; {@code guardianConsentBelowGrade} null = no guardian consent needed. */
    record SettingsRequest(
            @NotNull @Min(1) @Max(2) Integer mediatorsPerCase,
            @Min(2) @Max(12) Integer guardianConsentBelowGrade,
            @NotNull @Min(1) @Max(365) Integer followUpDays,

            @NotNull @Min(1) @Max(SchoolSettings.MAX_RETENTION_DAYS)
            Integer retentionDays,

            @NotBlank @Size(max = 64) String timeZone) {}

    record SettingsView(
            int mediatorsPerCase,
            Integer guardianConsentBelowGrade,
            int followUpDays,
            int retentionDays,
            String timeZone,
            boolean followsDefaults) {}

    private static ResponseEntity<SettingsView> answer(VersionedSettings versioned) {
        SchoolSettings s = versioned.settings();
        return ResponseEntity.ok()
                .eTag(Versions.etag(versioned.version()))
                .body(new SettingsView(
                        s.mediatorsPerCase(),
                        s.guardianConsentBelowGrade(),
                        s.followUpDays(),
                        s.retentionDays(),
                        s.timeZone().getId(),
                        versioned.version() == 0));
    }
}
