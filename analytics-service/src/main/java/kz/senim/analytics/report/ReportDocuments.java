package kz.senim.analytics.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.senim.analytics.report.domain.DistrictReport;
import kz.senim.analytics.report.domain.Indicators;
import kz.senim.analytics.report.domain.ReportView;
import kz.senim.analytics.report.domain.SchoolReport;

/** The JSON and CSV shapes of the reports (docs/api.md, "Reports"). */
final class ReportDocuments {

    /** What the reports cannot say yet, and which event or field would let them (docs/analytics.md). */
    static final Map<String, String> UNAVAILABLE = unavailable();

    private ReportDocuments() {}

    static Map<String, Object> school(ReportView view) {
        SchoolReport report = view.report();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schoolId", report.schoolId());
        document.put("schoolYear", report.year().label());
        document.put("timeZone", report.zone().getId());
        document.put("from", local(report.from(), report.zone()));
        document.put("to", local(report.to(), report.zone()));
        Map<String, Object> indicators = new LinkedHashMap<>();
        view.indicators().forEach((key, value) -> put(indicators, key, value));
        document.put("forPublication", view.forPublication());
        if (view.forPublication()) {
            document.put("suppressionThreshold", view.threshold());
        }
        document.put("indicators", indicators);
        document.put("months", view.months());
        document.put("byMonth", view.byMonth());
        document.put("unavailable", UNAVAILABLE);
        return document;
    }

    static String schoolCsv(ReportView view) {
        SchoolReport report = view.report();
        StringBuilder csv = new StringBuilder("schoolId,schoolYear,indicator,value\r\n");
        view.indicators()
                .forEach((key, value) -> csv.append(report.schoolId())
                        .append(',')
                        .append(report.year().label())
                        .append(',')
                        .append(key)
                        .append(',')
                        .append(value == null ? "" : value.toString())
                        .append("\r\n"));
        return csv.toString();
    }

    static Map<String, Object> district(DistrictReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schoolYear", report.year().label());
        document.put("suppressionThreshold", report.threshold());
        document.put("schools", report.schools());
        List<Map<String, Object>> rows = report.rows().stream()
                .map(row -> {
                    Map<String, Object> shown = new LinkedHashMap<>();
                    shown.put("key", row.key());
                    Map<String, Object> schools = new LinkedHashMap<>();
                    row.schools()
                            .forEach((school, cell) -> schools.put(school, shown(row.key(), cell, report.threshold())));
                    shown.put("schools", schools);
                    shown.put("district", shown(row.key(), row.district(), report.threshold()));
                    return shown;
                })
                .toList();
        document.put("indicators", rows);
        document.put(
                "sums",
                report.sums().stream()
                        .map(sum -> Map.of("total", sum.total(), "parts", sum.parts()))
                        .toList());
        return document;
    }

    /** A hidden count shows as {@code "<5"}, a median of too few samples as {@code "n<5"}, a complement as {@code "suppressed"}. */
    private static Object shown(String key, DistrictReport.Cell cell, int threshold) {
        if (cell.hidden() == null) {
            return cell.value();
        }
        if (cell.hidden() == DistrictReport.Hidden.COMPLEMENTARY) {
            return "suppressed";
        }
        return (Indicators.MEDIANS.contains(key) ? "n<" : "<") + threshold;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, String key, Object value) {
        String[] path = key.split("\\.");
        Map<String, Object> node = tree;
        for (int i = 0; i < path.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
        }
        node.put(path[path.length - 1], value);
    }

    private static String local(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime().toString();
    }

    private static Map<String, String> unavailable() {
        Map<String, String> needs = new LinkedHashMap<>();
        needs.put(
                "youngMediators.active",
                "needs: membership counts of active members by status per school year (e.g. roster-renewed/member-* with activeCount)");
        needs.put(
                "activities.distinctParticipants",
                "needs: activity-completed.distinctParticipantCount, or distinct counts per school year from training-service");
        needs.put("plan.itemsNeverChanged", "needs: plan-item-created (or plan-published with item counts by status)");
        needs.put(
                "trustBox.messagesAnswered",
                "needs: trust-box-message-answered.answersMessageCount (which messages an answer covers)");
        needs.put("cases.followUps.kept.byDueDate", "needs: follow-up-recorded.followUpDate");
        needs.put("experienceExchanges.otherSchools", "needs: activity-completed.guestSchoolCount");
        needs.put("consultations.byTopic", "needs: consultation-requested.topic (a fixed list, no text)");
        return java.util.Collections.unmodifiableMap(needs);
    }
}
