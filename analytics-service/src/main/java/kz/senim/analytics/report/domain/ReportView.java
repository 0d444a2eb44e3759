package kz.senim.analytics.report.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A school's report as it is shown: every indicator and the month-by-month series, either as computed (for the
 * school's own staff and the district admin) or <em>for publication</em>, with the district's small-count
 * suppression applied to the school's own numbers (docs/analytics.md, "For publication").
 *
 * <p>For publication, a count of cases or trust-box messages from 1 to {@code threshold - 1} is {@code "<5"} (for a
 * threshold of 5), a median of fewer samples {@code "n<5"}, and a value hidden so that another cannot be recovered by
 * subtraction {@code "suppressed"}. The lines that add up are each breakdown with its total and each cases series by
 * month with its indicator ({@link Trends#TOTALS}).
 *
 * @param report what the values were computed from
 * @param indicators key → a {@link Number}, null (none) or, for publication, the text shown instead
 * @param byMonth series → month → the same
 * @param threshold the suppression threshold, or 0 when nothing is suppressed
 */
public record ReportView(
        SchoolReport report,
        Map<String, Object> indicators,
        List<String> months,
        Map<String, Map<String, Object>> byMonth,
        int threshold) {

    public ReportView {
        indicators = Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
        months = List.copyOf(months);
        byMonth = Collections.unmodifiableMap(new LinkedHashMap<>(byMonth));
    }

    public boolean forPublication() {
        return threshold > 0;
    }

    public Object get(String key) {
        return indicators.get(key);
    }

    /** The report as computed. */
    public static ReportView of(SchoolReport report, Trends trends) {
        Map<String, Map<String, Object>> byMonth = new LinkedHashMap<>();
        trends.series().forEach((name, months) -> byMonth.put(name, new LinkedHashMap<>(months)));
        return new ReportView(report, new LinkedHashMap<>(report.indicators()), trends.months(), byMonth, 0);
    }

    /** The report with small counts of cases and trust-box messages hidden, as the district view hides them. */
    public static ReportView forPublication(SchoolReport report, Trends trends, int threshold) {
        Map<String, Long> values = new LinkedHashMap<>();
        report.indicators().forEach((key, value) -> {
            if (Indicators.suppressed(key) && !Indicators.MEDIANS.contains(key)) {
                values.put(key, value == null ? 0 : value.longValue());
            }
        });
        List<List<String>> lines = new ArrayList<>();
        for (Indicators.Sum sum : Indicators.suppressedSums()) {
            List<String> line = new ArrayList<>();
            line.add(sum.total());
            report.indicators().keySet().stream().filter(sum::isPart).forEach(line::add);
            lines.add(line);
        }
        Trends.TOTALS.forEach((series, total) -> {
            if (Indicators.suppressed(total)) {
                List<String> line = new ArrayList<>();
                line.add(total);
                trends.series().get(series).forEach((month, count) -> {
                    values.put(monthCell(series, month), count);
                    line.add(monthCell(series, month));
                });
                lines.add(line);
            }
        });
        Suppression.Result hidden = Suppression.apply(values, lines, threshold);

        Map<String, Object> indicators = new LinkedHashMap<>();
        report.indicators().forEach((key, value) -> {
            if (Indicators.MEDIANS.contains(key)) {
                boolean few = value != null
                        && report.samples().getOrDefault(key, List.of()).size() < threshold;
                indicators.put(key, few ? "n<" + threshold : value);
            } else {
                indicators.put(key, shown(key, value, hidden, threshold));
            }
        });
        Map<String, Map<String, Object>> byMonth = new LinkedHashMap<>();
        trends.series().forEach((series, months) -> {
            Map<String, Object> shownMonths = new LinkedHashMap<>();
            months.forEach((month, count) ->
                    shownMonths.put(month, shown(monthCell(series, month), count, hidden, threshold)));
            byMonth.put(series, shownMonths);
        });
        return new ReportView(report, indicators, trends.months(), byMonth, threshold);
    }

    private static Object shown(String cell, Number value, Suppression.Result hidden, int threshold) {
        if (hidden.primary().contains(cell)) {
            return "<" + threshold;
        }
        if (hidden.complementary().contains(cell)) {
            return "suppressed";
        }
        return value;
    }

    private static String monthCell(String series, String month) {
        return "byMonth." + series + "." + month;
    }
}
