package kz.senim.membership.accounts;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A printable class sheet: one slip per pupil with their name, class, username and one-time first-login code,
 * and what to do with it, in Kazakh, Russian or English. XHTML laid out by openhtmltopdf with DejaVu Sans
 * embedded (every Kazakh letter; licence in {@code fonts/DejaVu-LICENSE.txt}), as analytics-service's report.
 * The PDF is made in memory and answered; it is never stored.
 */
final class ClassSheetPdf {

    private static final String FONT = "DejaVu Sans";

    /** One pupil's slip. */
    record Slip(String name, String className, String username, String code) {}

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "kk",
            Map.of(
                    "title",
                    "Сенімге алғашқы кіру",
                    "class",
                    "Сынып",
                    "username",
                    "Логин",
                    "code",
                    "Бір реттік код",
                    "howto",
                    "Сенімге логин мен осы кодпен кір. Содан кейін өз құпиясөзіңді ойлап тап. Код бір рет қана жарамды;"
                            + " оны ешкімге көрсетпе.",
                    "none",
                    "Бұл сыныпта алғашқы кіру коды керек оқушы жоқ."),
            "ru",
            Map.of(
                    "title",
                    "Первый вход в Сенім",
                    "class",
                    "Класс",
                    "username",
                    "Логин",
                    "code",
                    "Одноразовый код",
                    "howto",
                    "Войди в Сенім с логином и этим кодом. Затем придумай свой пароль. Код действует один раз;"
                            + " никому его не показывай.",
                    "none",
                    "В этом классе нет учеников, которым нужен код первого входа."),
            "en",
            Map.of(
                    "title",
                    "First sign-in to Senim",
                    "class",
                    "Class",
                    "username",
                    "Username",
                    "code",
                    "One-time code",
                    "howto",
                    "Sign in to Senim with your username and this code. Then choose your own password. The code"
                            + " works once; do not show it to anyone.",
                    "none",
                    "No pupil of this class needs a first-login code."));

    private ClassSheetPdf() {}

    static byte[] render(String className, List<Slip> slips, String language) {
        Map<String, String> text = TEXTS.getOrDefault(language, TEXTS.get("en"));
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"")
                .append(esc(language))
                .append("\"><head><meta charset=\"utf-8\"/><title>")
                .append(esc(text.get("title") + " — " + className))
                .append("</title><style>")
                .append("@page { size: A4; margin: 12mm; }")
                .append("body { font-family: '")
                .append(FONT)
                .append("'; font-size: 11pt; }")
                .append(
                        ".slip { border: 1px dashed #444; padding: 5mm; margin-bottom: 4mm; page-break-inside: avoid; }")
                .append(".name { font-size: 13pt; } .code { font-size: 16pt; letter-spacing: 1pt; }")
                .append(".howto { font-size: 9pt; color: #333; }")
                .append("</style></head><body>");
        if (slips.isEmpty()) {
            html.append("<p>").append(esc(text.get("none"))).append("</p>");
        }
        for (Slip slip : slips) {
            html.append("<div class=\"slip\"><div class=\"name\">")
                    .append(esc(slip.name()))
                    .append("</div><div>")
                    .append(esc(text.get("class")))
                    .append(": ")
                    .append(esc(slip.className()))
                    .append("</div><div>")
                    .append(esc(text.get("username")))
                    .append(": <b>")
                    .append(esc(slip.username()))
                    .append("</b></div><div class=\"code\">")
                    .append(esc(text.get("code")))
                    .append(": <b>")
                    .append(esc(slip.code()))
                    .append("</b></div><div class=\"howto\">")
                    .append(esc(text.get("howto")))
                    .append("</div></div>");
        }
        html.append("</body></html>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(ClassSheetPdf::font, FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(ClassSheetPdf::font, FONT, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html.toString(), null);
            builder.withProducer("Senim membership-service");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static InputStream font() {
        InputStream in = ClassSheetPdf.class.getResourceAsStream("/fonts/DejaVuSans.ttf");
        if (in == null) {
            throw new IllegalStateException("The font DejaVuSans.ttf is not on the classpath");
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
