package kz.senim.analytics.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.senim.analytics.report.domain.ReportView;
import kz.senim.platform.problem.FieldsRefused;
import kz.senim.platform.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The club's annual report per school (JSON, CSV, PDF; as computed or {@code ?for=publication}) and the district's
 * view (docs/api.md, "Reports").
 */
@RestController
@RequestMapping("/api/reports")
@Tag(
        name = "Reports",
        description =
                "A school's annual report (JSON, CSV) and the district's view of every school, computed from events.")
class ReportsController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final String PUBLICATION = "publication";

    private final Reports reports;

    ReportsController(Reports reports) {
        this.reports = reports;
    }

    @Operation(operationId = "getSchoolReport", summary = "Read a school's annual report")
    @GetMapping(path = "/schools/{schoolId}/years/{schoolYear}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> school(
            CurrentUser caller,
            @PathVariable String schoolId,
            @PathVariable String schoolYear,
            @RequestParam(name = "for", required = false) String purpose) {
        return ReportDocuments.school(view(caller, schoolId, schoolYear, purpose));
    }

    @Operation(operationId = "getSchoolReportAsCsv", summary = "Read a school's annual report as CSV")
    @GetMapping(path = "/schools/{schoolId}/years/{schoolYear}", produces = "text/csv")
    ResponseEntity<String> schoolAsCsv(
            CurrentUser caller,
            @PathVariable String schoolId,
            @PathVariable String schoolYear,
            @RequestParam(name = "for", required = false) String purpose) {
        return csv(view(caller, schoolId, schoolYear, purpose));
    }

    @Operation(operationId = "downloadSchoolReportCsv", summary = "Download a school's annual report as a CSV file")
    @GetMapping("/schools/{schoolId}/years/{schoolYear}/report.csv")
    ResponseEntity<String> schoolCsvFile(
            CurrentUser caller,
            @PathVariable String schoolId,
            @PathVariable String schoolYear,
            @RequestParam(name = "for", required = false) String purpose) {
        return csv(view(caller, schoolId, schoolYear, purpose));
    }

    @Operation(operationId = "getSchoolReportAsPdf", summary = "Read a school's annual report as PDF (kk, ru or en)")
    @GetMapping(path = "/schools/{schoolId}/years/{schoolYear}", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> schoolAsPdf(
            CurrentUser caller,
            @PathVariable String schoolId,
            @PathVariable String schoolYear,
            @RequestParam(name = "for", required = false) String purpose,
            @RequestParam(required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return pdf(caller, schoolId, schoolYear, purpose, lang, acceptLanguage);
    }

    @Operation(operationId = "downloadSchoolReportPdf", summary = "Download a school's annual report as a PDF file")
    @GetMapping("/schools/{schoolId}/years/{schoolYear}/report.pdf")
    ResponseEntity<byte[]> schoolPdfFile(
            CurrentUser caller,
            @PathVariable String schoolId,
            @PathVariable String schoolYear,
            @RequestParam(name = "for", required = false) String purpose,
            @RequestParam(required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return pdf(caller, schoolId, schoolYear, purpose, lang, acceptLanguage);
    }

    @Operation(
            operationId = "getDistrictView",
            summary = "Read every school side by side for a school year",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The district view (docs/analytics.md, \"District view\")",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(type = "object"))))
    @GetMapping(path = "/district/years/{schoolYear}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> district(CurrentUser caller, @PathVariable String schoolYear) {
        // the same bytes while no school changed (Reports.districtDocument)
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(reports.districtDocument(caller, schoolYear));
    }

    private ReportView view(CurrentUser caller, String schoolId, String schoolYear, String purpose) {
        if (purpose != null && !purpose.equals(PUBLICATION)) {
            throw new FieldsRefused("for", "for.invalid");
        }
        return reports.view(caller, schoolId, schoolYear, PUBLICATION.equals(purpose));
    }

    private ResponseEntity<String> csv(ReportView view) {
        String body = ReportDocuments.schoolCsv(view);
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(view, null, "csv"))
                .body(body);
    }

    private ResponseEntity<byte[]> pdf(
            CurrentUser caller,
            String schoolId,
            String schoolYear,
            String purpose,
            String lang,
            String acceptLanguage) {
        String language = language(lang, acceptLanguage);
        ReportView view = view(caller, schoolId, schoolYear, purpose);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(view, language, "pdf"))
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .body(ReportPdf.render(view, language));
    }

    /** {@code lang} if given (kk, ru or en, else 400), else the first of them Accept-Language names, else English. */
    private static String language(String lang, String acceptLanguage) {
        if (lang != null) {
            if (!ReportPdf.LANGUAGES.contains(lang)) {
                throw new FieldsRefused("lang", "lang.invalid");
            }
            return lang;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                String best = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), List.of("kk", "ru", "en"));
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header: the default
            }
        }
        return "en";
    }

    private static String attachment(ReportView view, String language, String extension) {
        String name = "senim-report-" + view.report().schoolId() + "-"
                + view.report().year().label()
                + (view.forPublication() ? "-publication" : "") + (language == null ? "" : "-" + language) + "."
                + extension;
        return ContentDisposition.attachment().filename(name).build().toString();
    }
}
