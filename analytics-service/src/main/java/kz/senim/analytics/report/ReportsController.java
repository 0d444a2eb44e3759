package kz.senim.analytics.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import kz.senim.platform.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The club's annual report per school and the district's view (docs/api.md, "Reports"). */
@RestController
@RequestMapping("/api/reports")
@Tag(
        name = "Reports",
        description =
                "A school's annual report (JSON, CSV) and the district's view of every school, computed from events.")
class ReportsController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Reports reports;

    ReportsController(Reports reports) {
        this.reports = reports;
    }

    @Operation(operationId = "getSchoolReport", summary = "Read a school's annual report")
    @GetMapping(path = "/schools/{schoolId}/years/{schoolYear}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> school(CurrentUser caller, @PathVariable String schoolId, @PathVariable String schoolYear) {
        return ReportDocuments.school(reports.school(caller, schoolId, schoolYear));
    }

    @Operation(operationId = "getSchoolReportAsCsv", summary = "Read a school's annual report as CSV")
    @GetMapping(path = "/schools/{schoolId}/years/{schoolYear}", produces = "text/csv")
    ResponseEntity<String> schoolAsCsv(
            CurrentUser caller, @PathVariable String schoolId, @PathVariable String schoolYear) {
        return csv(caller, schoolId, schoolYear);
    }

    @Operation(operationId = "downloadSchoolReportCsv", summary = "Download a school's annual report as a CSV file")
    @GetMapping("/schools/{schoolId}/years/{schoolYear}/report.csv")
    ResponseEntity<String> schoolCsvFile(
            CurrentUser caller, @PathVariable String schoolId, @PathVariable String schoolYear) {
        return csv(caller, schoolId, schoolYear);
    }

    @Operation(operationId = "getDistrictView", summary = "Read every school side by side for a school year")
    @GetMapping("/district/years/{schoolYear}")
    Map<String, Object> district(CurrentUser caller, @PathVariable String schoolYear) {
        return ReportDocuments.district(reports.district(caller, schoolYear));
    }

    private ResponseEntity<String> csv(CurrentUser caller, String schoolId, String schoolYear) {
        String body = ReportDocuments.schoolCsv(reports.school(caller, schoolId, schoolYear));
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("senim-report-" + schoolId + "-" + schoolYear + ".csv")
                                .build()
                                .toString())
                .body(body);
    }
}
