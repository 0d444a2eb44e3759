package kz.senim.analytics.report.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every school side by side per indicator, with the district total, small counts of cases, trust-box messages and
 * safety concerns suppressed (docs/analytics.md, "District view").
 *
 * @param rows one per indicator, in report order
 * @param sums which suppressed rows add up to which, so that a reader can check that nothing hidden can be
 *     recovered by subtraction
 */
public record DistrictReport(SchoolYear year, int threshold, List<String> schools, List<Row> rows, List<Sum> sums) {

    /** The column of the district totals in cell ids (not a valid school id). */
    public static final String DISTRICT = "#district";

    /** Why a value is not shown. */
    public enum Hidden {
        /** a count from 1 to threshold - 1, or a median of fewer samples than the threshold */
        SMALL,
        /** hidden so that another hidden value cannot be recovered by subtraction */
        COMPLEMENTARY
    }

    /**
     * One table cell.
     *
     * @param value the value (null: none, e.g. no median), also kept when hidden
     * @param hidden null when shown
     */
    public record Cell(Number value, Hidden hidden) {}

    /** One indicator: a cell per school and the district's. */
    public record Row(String key, Map<String, Cell> schools, Cell district) {}

    /** A total row and the rows that add up to it (in every column). */
    public record Sum(String total, List<String> parts) {}

    public static DistrictReport of(SchoolYear year, List<SchoolReport> reports, int threshold) {
        List<String> schools = reports.stream().map(SchoolReport::schoolId).toList();
        Set<String> keys = new LinkedHashSet<>(Indicators.keys());
        reports.forEach(r -> keys.addAll(r.indicators().keySet()));

        List<Sum> sums = new ArrayList<>();
        for (Indicators.Sum sum : Indicators.suppressedSums()) {
            sums.add(new Sum(sum.total(), keys.stream().filter(sum::isPart).toList()));
        }

        Map<String, Long> counts = new LinkedHashMap<>();
        List<List<String>> lines = new ArrayList<>();
        for (String key : keys) {
            if (!Indicators.suppressed(key) || Indicators.MEDIANS.contains(key)) {
                continue;
            }
            List<String> line = new ArrayList<>();
            line.add(cell(key, DISTRICT));
            long total = 0;
            for (SchoolReport report : reports) {
                long value = count(report.get(key));
                counts.put(cell(key, report.schoolId()), value);
                line.add(cell(key, report.schoolId()));
                total += value;
            }
            counts.put(cell(key, DISTRICT), total);
            lines.add(line);
        }
        List<String> columns = new ArrayList<>(schools);
        columns.add(DISTRICT);
        for (Sum sum : sums) {
            for (String column : columns) {
                List<String> line = new ArrayList<>();
                line.add(cell(sum.total(), column));
                sum.parts().forEach(part -> line.add(cell(part, column)));
                lines.add(line);
            }
        }
        Suppression.Result suppression = Suppression.apply(counts, lines, threshold);

        List<Row> rows = new ArrayList<>();
        for (String key : keys) {
            Map<String, Cell> bySchool = new LinkedHashMap<>();
            for (SchoolReport report : reports) {
                bySchool.put(
                        report.schoolId(),
                        cellOf(
                                key,
                                report.schoolId(),
                                report.get(key),
                                report.samples().get(key),
                                suppression,
                                threshold));
            }
            Number district;
            List<Double> pooled = null;
            if (Indicators.MEDIANS.contains(key)) {
                pooled = reports.stream()
                        .flatMap(r -> r.samples().getOrDefault(key, List.of()).stream())
                        .toList();
                district = Median.of(pooled);
            } else if (Indicators.NOT_ADDITIVE.contains(key)) {
                district = null;
            } else {
                district = reports.stream().mapToLong(r -> count(r.get(key))).sum();
            }
            rows.add(new Row(key, bySchool, cellOf(key, DISTRICT, district, pooled, suppression, threshold)));
        }
        return new DistrictReport(year, threshold, schools, List.copyOf(rows), List.copyOf(sums));
    }

    private static Cell cellOf(
            String key,
            String column,
            Number value,
            List<Double> samples,
            Suppression.Result suppression,
            int threshold) {
        if (Indicators.MEDIANS.contains(key)) {
            boolean few = value != null && samples != null && samples.size() < threshold;
            return new Cell(value, few ? Hidden.SMALL : null);
        }
        String cell = cell(key, column);
        if (suppression.primary().contains(cell)) {
            return new Cell(value, Hidden.SMALL);
        }
        if (suppression.complementary().contains(cell)) {
            return new Cell(value, Hidden.COMPLEMENTARY);
        }
        return new Cell(value, null);
    }

    private static long count(Number value) {
        return value == null ? 0 : value.longValue();
    }

    private static String cell(String key, String column) {
        return key + "@" + column;
    }
}
