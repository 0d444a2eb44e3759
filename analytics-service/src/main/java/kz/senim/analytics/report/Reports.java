package kz.senim.analytics.report;

import java.util.List;
import kz.senim.analytics.AnalyticsProperties;
import kz.senim.analytics.report.domain.AnnualReport;
import kz.senim.analytics.report.domain.DistrictReport;
import kz.senim.analytics.report.domain.Fact;
import kz.senim.analytics.report.domain.ReportView;
import kz.senim.analytics.report.domain.SchoolReport;
import kz.senim.analytics.report.domain.SchoolYear;
import kz.senim.analytics.report.domain.Trends;
import kz.senim.platform.problem.FieldsRefused;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read which report, and the reports computed from the live store generation. A school's coordinators and
 * admins read their own school; the district admin (an admin without a school, decision 9) reads every registered
 * school and the district view; another school answers 404, other roles 403.
 */
@Service
public class Reports {

    private final StoredFacts facts;
    private final SchoolReports reports;
    private final AnalyticsProperties properties;

    Reports(StoredFacts facts, SchoolReports reports, AnalyticsProperties properties) {
        this.facts = facts;
        this.reports = reports;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public SchoolReport school(CurrentUser caller, String schoolId, String schoolYear) {
        int live = facts.live();
        authorize(caller, schoolId, live);
        SchoolYear year = year(schoolYear);
        return AnnualReport.of(schoolId, year, facts.factsOf(live, schoolId));
    }

    /**
     * The school's report with its month-by-month series, as computed or, {@code forPublication}, with the
     * district's small-count suppression applied to the school's own numbers. Who may read it: as {@link #school}.
     */
    @Transactional(readOnly = true)
    public ReportView view(CurrentUser caller, String schoolId, String schoolYear, boolean forPublication) {
        int live = facts.live();
        authorize(caller, schoolId, live);
        SchoolYear year = year(schoolYear);
        List<Fact> schoolFacts = facts.factsOf(live, schoolId);
        SchoolReport report = AnnualReport.of(schoolId, year, schoolFacts);
        Trends trends = Trends.of(report, schoolFacts);
        return forPublication
                ? ReportView.forPublication(report, trends, properties.suppressionThreshold())
                : ReportView.of(report, trends);
    }

    private void authorize(CurrentUser caller, String schoolId, int live) {
        if (caller.isDistrictAdmin()) {
            if (!facts.registered(live, schoolId)) {
                throw new ResourceNotFound("School report");
            }
        } else if (!(caller.has(Role.COORDINATOR) || caller.has(Role.ADMIN))) {
            throw new AccessDeniedException("Reports are for coordinators and admins");
        } else if (!caller.belongsTo(schoolId)) {
            throw new ResourceNotFound("School report");
        }
    }

    private SchoolReports.KeptDistrict districtKept(CurrentUser caller, String schoolYear) {
        if (!caller.isDistrictAdmin()) {
            throw new AccessDeniedException("The district view is for the district admin");
        }
        return reports.district(facts.live(), year(schoolYear), properties.suppressionThreshold());
    }

    @Transactional(readOnly = true)
    public DistrictReport district(CurrentUser caller, String schoolYear) {
        if (!caller.isDistrictAdmin()) {
            throw new AccessDeniedException("The district view is for the district admin");
        }
        SchoolYear year = year(schoolYear);
        return reports.district(facts.live(), year, properties.suppressionThreshold())
                .report();
    }

    /** The district view as the JSON document of the API (serialized once per view computed). */
    @Transactional(readOnly = true)
    public byte[] districtDocument(CurrentUser caller, String schoolYear) {
        return districtKept(caller, schoolYear).json();
    }

    private static SchoolYear year(String text) {
        return SchoolYear.parse(text).orElseThrow(() -> new FieldsRefused("schoolYear", "schoolYear.invalid"));
    }
}
