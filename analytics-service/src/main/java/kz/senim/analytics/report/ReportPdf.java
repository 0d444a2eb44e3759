package kz.senim.analytics.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import kz.senim.analytics.report.domain.ReportView;

/**
 * The annual report as a PDF in Kazakh, Russian or English, laid out like a club's own annual report: the sections
 * in the order of docs/analytics.md, each with its numbers in sentences and a small table. XHTML drawn by
 * openhtmltopdf with the embedded DejaVu Sans (every Kazakh letter; licence in {@code fonts/DejaVu-LICENSE.txt}).
 * The texts are {@code pdf/report*.properties}.
 */
final class ReportPdf {

    static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");
    private static final String FONT = "DejaVu Sans";

    private final ReportView view;
    private final ResourceBundle texts;
    private final Locale locale;
    private final StringBuilder html = new StringBuilder();

    private ReportPdf(ReportView view, String language) {
        this.view = view;
        this.locale = Locale.forLanguageTag(language);
        this.texts = ResourceBundle.getBundle(
                "pdf.report",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The PDF of the report in {@code language} (kk, ru or en). */
    static byte[] render(ReportView view, String language) {
        ReportPdf pdf = new ReportPdf(view, language);
        String document = pdf.document();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(document, null);
            builder.withProducer("Senim analytics-service");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The XHTML the PDF is drawn from. */
    String document() {
        String year = view.report().year().label().replace('-', '–');
        html.append("<!DOCTYPE html><html lang=\"")
                .append(locale.getLanguage())
                .append("\"><head><meta charset=\"utf-8\"/>")
                .append("<title>")
                .append(esc(text("title") + " " + year))
                .append("</title>")
                .append("<meta name=\"subject\" content=\"")
                .append(esc(view.report().schoolId()))
                .append("\"/>")
                .append("<style>")
                .append("@page { size: A4; margin: 18mm 16mm; @bottom-center { content: counter(page); font-family: '")
                .append(FONT)
                .append("'; font-size: 9pt; color: #555; } }")
                .append("body { font-family: '")
                .append(FONT)
                .append("'; font-size: 10.5pt; line-height: 1.45; color: #111; }")
                .append(
                        "h1 { font-size: 17pt; margin: 0 0 4pt 0; } h2 { font-size: 12.5pt; margin: 16pt 0 4pt 0; color: #1d4f91; }")
                .append("p.meta { color: #444; margin: 0; } p.note { color: #444; font-size: 9pt; }")
                .append("table { border-collapse: collapse; margin: 4pt 0 6pt 0; width: 100%; font-size: 9.5pt; }")
                .append("th, td { border: 0.5pt solid #999; padding: 2pt 5pt; text-align: left; vertical-align: top; }")
                .append("td.n, th.n { text-align: right; width: 22%; } thead th { background: #e8eef6; }")
                .append("h2, table { page-break-inside: avoid; }")
                .append("</style></head><body>");
        html.append("<h1>").append(esc(text("title"))).append("</h1>");
        meta(text("school"), view.report().schoolId());
        meta(text("year"), year);
        DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE;
        meta(
                text("period"),
                view.report().from().atZone(view.report().zone()).format(day) + " — "
                        + view.report()
                                .to()
                                .atZone(view.report().zone())
                                .minusDays(1)
                                .format(day));
        if (view.forPublication()) {
            html.append("<p class=\"note\">")
                    .append(esc(
                            format("publication.note", "<" + view.threshold(), String.valueOf(view.threshold() - 1))))
                    .append("</p>");
        }

        section(
                "plan",
                format(
                        "plan.text",
                        year,
                        v("plan.items.total"),
                        v("plan.items.DONE"),
                        v("plan.items.PARTLY_DONE"),
                        v("plan.items.CANCELLED"),
                        v("plan.items.PLANNED"),
                        view.get("plan.completionPercentage") == null
                                ? text("value.unknown")
                                : percent(view.get("plan.completionPercentage"))));
        table(List.of(
                "plan.items.DONE",
                "plan.items.PARTLY_DONE",
                "plan.items.CANCELLED",
                "plan.items.PLANNED",
                "plan.items.total",
                "plan.completionPercentage"));

        section(
                "youngMediators",
                format(
                        "youngMediators.text",
                        year,
                        v("youngMediators.continuing"),
                        v("youngMediators.admitted"),
                        v("youngMediators.qualified"),
                        v("youngMediators.certified"),
                        v("youngMediators.left"),
                        v("youngMediators.graduated"),
                        v("youngMediators.activeEstimate"),
                        v("activities.CLUB_MEETING.held")));
        table(List.of(
                "youngMediators.continuing",
                "youngMediators.admitted",
                "youngMediators.qualified",
                "youngMediators.certified",
                "youngMediators.left",
                "youngMediators.graduated",
                "youngMediators.activeEstimate"));
        activities(List.of("CLUB_MEETING"));

        section(
                "trainings",
                format(
                        "trainings.text",
                        held("TRAINING"),
                        part("TRAINING"),
                        held("MASTER_CLASS"),
                        part("MASTER_CLASS"),
                        held("SIMULATION"),
                        part("SIMULATION"),
                        held("PEER_LESSON"),
                        part("PEER_LESSON")));
        activities(List.of("TRAINING", "MASTER_CLASS", "SIMULATION", "PEER_LESSON"));
        // distinct people over every activity of the year (training-service's count; none where not known)
        paragraph(
                view.get("reach.students") == null && view.get("reach.people") == null
                        ? text("reach.unknown")
                        : format("reach.text", v("reach.students"), v("reach.people")));
        table(List.of("reach.students", "reach.people"));

        section(
                "sessions",
                format(
                        "sessions.text",
                        held("PARENT_SESSION"),
                        part("PARENT_SESSION"),
                        held("TEACHER_SESSION"),
                        part("TEACHER_SESSION")));
        activities(List.of("PARENT_SESSION", "TEACHER_SESSION"));

        section("adaptation", format("adaptation.text", held("ADAPTATION_SUPPORT"), part("ADAPTATION_SUPPORT")));
        activities(List.of("ADAPTATION_SUPPORT"));

        section(
                "information",
                format(
                        "information.text",
                        v("information.materialsPublished.total"),
                        v("information.materialsPublished.BOOKLET"),
                        v("information.materialsPublished.MEMO"),
                        v("information.materialsPublished.POSTER"),
                        v("trustBox.messagesReceived"),
                        v("trustBox.threadsStarted"),
                        v("trustBox.threadsAnswered"),
                        median("trustBox.medianHoursToFirstAnswer", "unit.hours"),
                        v("trustBox.safetyConcernsFlagged"),
                        v("trustBox.casesOpened")));
        table(List.of(
                "information.materialsPublished.BOOKLET",
                "information.materialsPublished.MEMO",
                "information.materialsPublished.POSTER",
                "information.materialsPublished.total",
                "trustBox.messagesReceived",
                "trustBox.threadsStarted",
                "trustBox.threadsAnswered",
                "trustBox.medianHoursToFirstAnswer",
                "trustBox.safetyConcernsFlagged",
                "trustBox.casesOpened"));

        section("partnership", format("partnership.text", held("EXPERIENCE_EXCHANGE"), part("EXPERIENCE_EXCHANGE")));
        activities(List.of("EXPERIENCE_EXCHANGE"));

        section(
                "cases",
                format(
                        "cases.text",
                        v("cases.requested"),
                        v("cases.byChannel.ONLINE_FORM"),
                        v("cases.byChannel.IN_PERSON"),
                        v("cases.byChannel.TRUST_BOX"),
                        v("cases.accepted"),
                        v("cases.mediatedBy.PEER"),
                        v("cases.mediatedBy.ADULTS"),
                        v("cases.escalated"),
                        v("cases.agreementsReached"),
                        median("cases.medianDaysToAgreement", "unit.days"),
                        v("cases.noAgreement"),
                        v("cases.followUps.KEPT"),
                        v("cases.followUps.PARTLY_KEPT"),
                        v("cases.followUps.NOT_KEPT")));
        paragraph(format(
                "cases.parties.text",
                v("cases.byParties.STUDENTS_ONLY"),
                v("cases.byParties.WITH_TEACHER"),
                v("cases.byParties.WITH_PARENT"),
                v("cases.byParties.WITH_OTHER_ADULT"),
                v("cases.byParties.NOT_KNOWN")));
        table(List.of(
                "cases.requested",
                "cases.byKind.MEDIATION",
                "cases.byKind.CONSULTATION",
                "cases.byKind.QUESTION",
                "cases.byChannel.ONLINE_FORM",
                "cases.byChannel.IN_PERSON",
                "cases.byChannel.TRUST_BOX",
                "cases.byUrgency.HIGH",
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
                "cases.followUps.NOT_KEPT"));

        section(
                "consultations",
                format(
                        "consultations.text",
                        v("consultations.requested"),
                        v("consultations.byKind.CONSULTATION"),
                        v("consultations.byKind.QUESTION"),
                        v("consultations.answered"),
                        v("consultations.answeredAsPeerAdvice"),
                        v("consultations.answeredInMeeting")));
        table(List.of(
                "consultations.requested",
                "consultations.byKind.CONSULTATION",
                "consultations.byKind.QUESTION",
                "consultations.answered",
                "consultations.answeredAsPeerAdvice",
                "consultations.answeredInMeeting"));

        months();
        html.append("<p class=\"note\">").append(esc(text("note.events"))).append("</p>");
        html.append("</body></html>");
        return html.toString();
    }

    private void meta(String label, String value) {
        html.append("<p class=\"meta\"><b>")
                .append(esc(label))
                .append(":</b> ")
                .append(esc(value))
                .append("</p>");
    }

    private void section(String id, String sentence) {
        html.append("<h2>").append(esc(text("section." + id))).append("</h2>");
        html.append("<p>").append(esc(sentence)).append("</p>");
    }

    private void paragraph(String sentence) {
        html.append("<p>").append(esc(sentence)).append("</p>");
    }

    private void table(List<String> keys) {
        html.append("<table><thead><tr><th scope=\"col\">")
                .append(esc(text("column.indicator")))
                .append("</th><th scope=\"col\" class=\"n\">")
                .append(esc(text("column.value")))
                .append("</th></tr></thead><tbody>");
        for (String key : keys) {
            String value = key.equals("plan.completionPercentage") ? percent(view.get(key)) : v(key);
            html.append("<tr><td>")
                    .append(esc(text("label." + key)))
                    .append("</td><td class=\"n\">")
                    .append(esc(value))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    private void activities(List<String> types) {
        html.append("<table><thead><tr><th scope=\"col\">")
                .append(esc(text("column.activity")))
                .append("</th><th scope=\"col\" class=\"n\">")
                .append(esc(text("column.held")))
                .append("</th><th scope=\"col\" class=\"n\">")
                .append(esc(text("column.participants")))
                .append("</th></tr></thead><tbody>");
        for (String type : types) {
            html.append("<tr><td>")
                    .append(esc(text("type." + type)))
                    .append("</td><td class=\"n\">")
                    .append(esc(held(type)))
                    .append("</td><td class=\"n\">")
                    .append(esc(part(type)))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    private void months() {
        html.append("<h2>").append(esc(text("section.months"))).append("</h2>");
        html.append("<table><thead><tr><th scope=\"col\">")
                .append(esc(text("column.month")))
                .append("</th>");
        for (String series : view.byMonth().keySet()) {
            html.append("<th scope=\"col\" class=\"n\">")
                    .append(esc(text("series." + series)))
                    .append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (String month : view.months()) {
            html.append("<tr><td>").append(esc(month)).append("</td>");
            for (Map<String, Object> series : view.byMonth().values()) {
                html.append("<td class=\"n\">")
                        .append(esc(shown(series.get(month))))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    /** A median in a sentence: with its unit, "not known yet" without one, as shown when hidden. */
    private String median(String key, String unit) {
        Object value = view.get(key);
        if (value == null) {
            return text("value.unknown");
        }
        return value instanceof Number ? format(unit, shown(value)) : shown(value);
    }

    private String held(String type) {
        return v("activities." + type + ".held");
    }

    private String part(String type) {
        return v("activities." + type + ".participants");
    }

    private String v(String key) {
        return shown(view.get(key));
    }

    private String shown(Object value) {
        if (value == null) {
            return "—";
        }
        if ("suppressed".equals(value)) {
            return text("value.suppressed");
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        return value.toString();
    }

    private String percent(Object value) {
        return value instanceof Number ? value + "%" : shown(value);
    }

    private String text(String key) {
        return texts.getString(key);
    }

    private String format(String key, Object... arguments) {
        return new MessageFormat(text(key), locale).format(arguments);
    }

    private static InputStream font(String file) {
        InputStream in = ReportPdf.class.getResourceAsStream("/fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("The font " + file + " is not on the classpath");
        }
        return in;
    }

    private static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
