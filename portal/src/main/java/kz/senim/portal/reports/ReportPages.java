package kz.senim.portal.reports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.web.CurrentViewer;
import kz.senim.portal.web.Viewer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The club's annual report (coordinators and admins of the school; the district admin picks a school) with a bar
 * chart and a table per section, the months of the year, and the PDF (kk/ru/en) and CSV to download; and the
 * district admin's table of every school side by side. The API decides who may read what; the portal only offers
 * the pages to the roles that can.
 */
@Controller
class ReportPages {

    private static final Pattern SCHOOL_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}-\\d{4}");
    private static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");
    private static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Almaty");

    private final GatewayApi api;
    private final CurrentViewer viewers;

    ReportPages(GatewayApi api, CurrentViewer viewers) {
        this.api = api;
        this.viewers = viewers;
    }

    @GetMapping("/reports")
    String school(@RequestParam Optional<String> school, @RequestParam Optional<String> year, Model model) {
        Viewer viewer = reader();
        String schoolYear = year(year);
        model.addAttribute("year", schoolYear);
        model.addAttribute("years", years());
        Optional<String> schoolId = schoolOf(viewer, school);
        if (schoolId.isEmpty()) {
            ApiAnswer district = api.get("/api/reports/district/years/{year}", schoolYear);
            model.addAttribute("schools", district.map().getOrDefault("schools", List.of()));
            return "reports/pick";
        }
        ApiAnswer answer = api.get("/api/reports/schools/{id}/years/{year}", schoolId.get(), schoolYear);
        Map<String, Object> report = answer.map();
        model.addAttribute("school", schoolId.get());
        model.addAttribute("report", report);
        model.addAttribute("sections", ReportSections.of(ReportSections.flatten(map(report.get("indicators")))));
        model.addAttribute("months", list(report.get("months")));
        model.addAttribute("trends", ReportSections.trends(list(report.get("months")), series(report.get("byMonth"))));
        model.addAttribute("chartWidth", ReportSections.CHART_WIDTH);
        model.addAttribute("barRow", ReportSections.BAR_ROW);
        model.addAttribute("trendHeight", ReportSections.TREND_HEIGHT);
        model.addAttribute("pdfLanguages", List.of("kk", "ru", "en"));
        model.addAttribute("districtView", viewer.isDistrictAdmin());
        return "reports/school";
    }

    /** The PDF or CSV through the gateway with the viewer's token (the browser holds no token of its own). */
    @GetMapping({"/reports/report.pdf", "/reports/report.csv"})
    ResponseEntity<byte[]> download(
            @RequestParam Optional<String> school,
            @RequestParam Optional<String> year,
            @RequestParam Optional<String> lang,
            @RequestParam(name = "for") Optional<String> purpose,
            jakarta.servlet.http.HttpServletRequest request) {
        Viewer viewer = reader();
        String schoolId = schoolOf(viewer, school).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String schoolYear = year(year);
        boolean pdf = request.getRequestURI().endsWith(".pdf");
        String language = lang.filter(LANGUAGES::contains).orElse("kk");
        boolean publication = purpose.filter("publication"::equals).isPresent();
        String path = "/api/reports/schools/{id}/years/{year}/report." + (pdf ? "pdf" : "csv") + "?lang={lang}"
                + (publication ? "&for=publication" : "");
        GatewayApi.ApiFile file = api.file(path, schoolId, schoolYear, language);
        String name = "senim-report-" + schoolId + "-" + schoolYear + (publication ? "-publication" : "")
                + (pdf ? "-" + language + ".pdf" : ".csv");
        return ResponseEntity.ok()
                .contentType(file.contentType())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.bytes());
    }

    @GetMapping("/reports/district")
    String district(@RequestParam Optional<String> year, Model model) {
        Viewer viewer = viewers.get();
        if (!viewer.isDistrictAdmin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        String schoolYear = year(year);
        Map<String, Object> district =
                api.get("/api/reports/district/years/{year}", schoolYear).map();
        model.addAttribute("year", schoolYear);
        model.addAttribute("years", years());
        model.addAttribute("schools", list(district.get("schools")));
        model.addAttribute("threshold", district.get("suppressionThreshold"));
        List<Map<String, Object>> rows = new ArrayList<>();
        Object indicators = district.get("indicators");
        if (indicators instanceof List<?> list) {
            for (Object row : list) {
                rows.add(map(row));
            }
        }
        model.addAttribute("rows", rows);
        return "reports/district";
    }

    /** Coordinators and admins; the services refuse the rest anyway, the portal only does not offer the page. */
    private Viewer reader() {
        Viewer viewer = viewers.get();
        if (!viewer.isCoordinator() && !viewer.isAdmin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return viewer;
    }

    /** A school's staff read their own school; the district admin the one chosen (none yet: the picker). */
    private static Optional<String> schoolOf(Viewer viewer, Optional<String> asked) {
        if (!viewer.isDistrictAdmin()) {
            return Optional.ofNullable(viewer.schoolId());
        }
        return asked.map(String::strip).filter(id -> SCHOOL_ID.matcher(id).matches());
    }

    /** The school year asked for, or the current one (September to August). */
    static String year(Optional<String> asked) {
        return asked.filter(y -> YEAR.matcher(y).matches()).orElseGet(() -> current(LocalDate.now(DISTRICT_ZONE)));
    }

    static String current(LocalDate today) {
        int start = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        return start + "-" + (start + 1);
    }

    private static List<String> years() {
        int start = Integer.parseInt(current(LocalDate.now(DISTRICT_ZONE)).substring(0, 4));
        List<String> years = new ArrayList<>();
        for (int y = start; y > start - 4; y--) {
            years.add(y + "-" + (y + 1));
        }
        return years;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<String> list(Object value) {
        return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static Map<String, Map<String, Object>> series(Object value) {
        Map<String, Map<String, Object>> series = new LinkedHashMap<>();
        map(value).forEach((name, months) -> series.put(name, map(months)));
        return series;
    }
}
