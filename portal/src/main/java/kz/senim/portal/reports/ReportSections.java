package kz.senim.portal.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The club's annual report as the portal shows it: the sections in the order of docs/analytics.md, each with its
 * indicators (a bar chart of the counts, then a table of every value), and the month-by-month series.
 */
public final class ReportSections {

    /** A section: indicator keys (a table of key → value), or activity types (a table of held and participations). */
    public record Section(String id, List<String> keys, List<String> activityTypes, Chart chart, List<Row> rows) {}

    /** One table row: the message key of its label, and its values as shown. */
    public record Row(String label, List<String> values) {}

    /** A horizontal bar chart: one bar per count, longest bar the largest count. */
    public record Chart(String id, List<Bar> bars, int height) {}

    /**
     * One bar.
     *
     * @param label the message key of its label
     * @param shown the value as shown
     * @param y top of its label in the chart's coordinates
     * @param length the bar's length in the chart's coordinates
     */
    public record Bar(String label, String shown, int y, double length) {}

    /** The month-by-month series: a column chart each, and one table of them all. */
    public record Trend(String series, List<Column> columns, String max) {}

    /** One month's column. */
    public record Column(String month, String shown, double x, double height) {}

    static final int CHART_WIDTH = 320;
    static final int BAR_ROW = 34;
    static final int TREND_HEIGHT = 120;

    private static final List<String[]> LAYOUT = List.of(
            new String[] {
                "plan",
                "keys",
                "plan.items.DONE",
                "plan.items.PARTLY_DONE",
                "plan.items.CANCELLED",
                "plan.items.PLANNED",
                "plan.items.total",
                "plan.completionPercentage"
            },
            new String[] {
                "youngMediators",
                "keys",
                "youngMediators.continuing",
                "youngMediators.admitted",
                "youngMediators.qualified",
                "youngMediators.certified",
                "youngMediators.left",
                "youngMediators.graduated",
                "youngMediators.activeEstimate",
                "activities.CLUB_MEETING.held"
            },
            new String[] {"trainings", "activities", "TRAINING", "MASTER_CLASS", "SIMULATION", "PEER_LESSON"},
            new String[] {"sessions", "activities", "PARENT_SESSION", "TEACHER_SESSION"},
            new String[] {"adaptation", "activities", "ADAPTATION_SUPPORT"},
            // distinct people over every activity of the year (training-service's count, empty where not known)
            new String[] {"reach", "keys", "reach.students", "reach.people"},
            new String[] {
                "information",
                "keys",
                "information.materialsPublished.BOOKLET",
                "information.materialsPublished.MEMO",
                "information.materialsPublished.POSTER",
                "information.materialsPublished.total",
                "trustBox.messagesReceived",
                "trustBox.threadsStarted",
                "trustBox.threadsAnswered",
                "trustBox.medianHoursToFirstAnswer",
                "trustBox.safetyConcernsFlagged",
                "trustBox.casesOpened"
            },
            new String[] {"partnership", "activities", "EXPERIENCE_EXCHANGE"},
            new String[] {
                "cases",
                "keys",
                "cases.requested",
                "cases.byChannel.ONLINE_FORM",
                "cases.byChannel.IN_PERSON",
                "cases.byChannel.TRUST_BOX",
                "cases.byParties.STUDENTS_ONLY",
                "cases.byParties.WITH_TEACHER",
                "cases.byParties.WITH_PARENT",
                "cases.byParties.WITH_OTHER_ADULT",
                "cases.byParties.NOT_KNOWN",
                "cases.accepted",
                "cases.mediatedBy.PEER",
                "cases.mediatedBy.ADULTS",
                "cases.escalated",
                "cases.agreementsReached",
                "cases.noAgreement",
                "cases.medianDaysToAgreement",
                "cases.closed",
                "cases.followUps.recorded",
                "cases.followUps.KEPT",
                "cases.followUps.PARTLY_KEPT",
                "cases.followUps.NOT_KEPT"
            },
            new String[] {
                "consultations",
                "keys",
                "consultations.requested",
                "consultations.byKind.CONSULTATION",
                "consultations.byKind.QUESTION",
                "consultations.answered",
                "consultations.answeredAsPeerAdvice",
                "consultations.answeredInMeeting"
            });

    /** Not counts: in the tables, not in the charts. */
    private static final List<String> NOT_CHARTED =
            List.of("plan.completionPercentage", "trustBox.medianHoursToFirstAnswer", "cases.medianDaysToAgreement");

    private ReportSections() {}

    /** The sections of a report whose indicators are {@code flat} (dotted key → value). */
    static List<Section> of(Map<String, Object> flat) {
        List<Section> sections = new ArrayList<>();
        for (String[] layout : LAYOUT) {
            String id = layout[0];
            List<String> items = List.of(layout).subList(2, layout.length);
            List<Row> rows = new ArrayList<>();
            Map<String, Object> charted = new LinkedHashMap<>();
            if (layout[1].equals("keys")) {
                for (String key : items) {
                    String label = "reports.indicator." + key;
                    rows.add(new Row(label, List.of(shown(key, flat.get(key)))));
                    if (!NOT_CHARTED.contains(key)) {
                        charted.put(label, flat.get(key));
                    }
                }
                sections.add(new Section(id, items, List.of(), chart(id, charted), rows));
            } else {
                for (String type : items) {
                    String label = "reports.type." + type;
                    Object held = flat.get("activities." + type + ".held");
                    rows.add(new Row(
                            label,
                            List.of(shown("", held), shown("", flat.get("activities." + type + ".participants")))));
                    charted.put(label, held);
                }
                sections.add(new Section(id, List.of(), items, chart(id, charted), rows));
            }
        }
        return sections;
    }

    /** Each month-by-month series as columns (the JSON's {@code byMonth}). */
    static List<Trend> trends(List<String> months, Map<String, Map<String, Object>> byMonth) {
        List<Trend> trends = new ArrayList<>();
        double width = (double) CHART_WIDTH / Math.max(1, months.size());
        byMonth.forEach((series, values) -> {
            long max = values.values().stream()
                    .mapToLong(ReportSections::count)
                    .max()
                    .orElse(0);
            List<Column> columns = new ArrayList<>();
            for (int i = 0; i < months.size(); i++) {
                Object value = values.get(months.get(i));
                double height = max == 0 ? 0 : (double) count(value) / max * (TREND_HEIGHT - 20);
                columns.add(new Column(months.get(i), shown("", value), i * width + width * 0.15, height));
            }
            trends.add(new Trend(series, columns, Long.toString(max)));
        });
        return trends;
    }

    /** The JSON's nested indicators as dotted keys. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> flatten(Map<String, Object> nested) {
        Map<String, Object> flat = new LinkedHashMap<>();
        nested.forEach((key, value) -> {
            if (value instanceof Map<?, ?> inner) {
                flatten((Map<String, Object>) inner).forEach((k, v) -> flat.put(key + "." + k, v));
            } else {
                flat.put(key, value);
            }
        });
        return flat;
    }

    static String shown(String key, Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Double d) {
            return String.format(java.util.Locale.ROOT, "%.1f", d);
        }
        if (key.equals("plan.completionPercentage") && value instanceof Number) {
            return value + "%";
        }
        return value.toString();
    }

    private static Chart chart(String id, Map<String, Object> values) {
        long max =
                values.values().stream().mapToLong(ReportSections::count).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Map.Entry<String, Object> value : values.entrySet()) {
            double length = max == 0 ? 0 : (double) count(value.getValue()) / max * (CHART_WIDTH - 50);
            bars.add(new Bar(value.getKey(), shown("", value.getValue()), y, length));
            y += BAR_ROW;
        }
        return new Chart("chart-" + id, bars, Math.max(y, BAR_ROW));
    }

    private static long count(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
