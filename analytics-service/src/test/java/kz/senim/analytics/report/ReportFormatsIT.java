package kz.senim.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Font;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import kz.senim.analytics.Events;
import kz.senim.analytics.SchoolEvents;
import kz.senim.analytics.Store;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The school report as PDF in kk/ru/en, its month-by-month series, and the variant for publication (JSON, CSV, PDF)
 * with the district's small-count suppression applied to the school's own numbers.
 */
@SenimIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFormatsIT {

    static final String SCHOOL = SchoolEvents.newSchool("formats");
    static final String PATH = "/api/reports/schools/" + SCHOOL + "/years/2026-2027";
    static final String COORDINATOR =
            TestJwts.user().roles("coordinator").school(SCHOOL).bearer();

    @LocalServerPort
    int port;

    @BeforeAll
    void aYearOfTheClub() {
        SchoolEvents events = new SchoolEvents(SCHOOL).registered("Asia/Almaty", "2026-08-20T04:00:00Z");
        UUID training = UUID.randomUUID();
        events.attendance(training, "TRAINING", "2026-10-05T10:00:00Z", 12, "2026-2027", 11, 13)
                .activityCompleted(training, "TRAINING", "2026-10-05T09:00:00Z", 12, 12)
                .activityCompleted(UUID.randomUUID(), "PARENT_SESSION", "2026-11-05T09:00:00Z", 17, 17);
        for (int i = 0; i < 7; i++) {
            UUID request = UUID.randomUUID();
            events.request(request, "2026-10-1" + i + "T06:00:00Z", "ONLINE_FORM", "NORMAL");
            if (i < 6) {
                events.triaged(request, "2026-10-1" + i + "T08:00:00Z", "ACCEPT_FOR_PEER_MEDIATION", "PEER_MEDIATORS");
            }
        }
        UUID personal = UUID.randomUUID();
        events.request(personal, "2026-12-01T06:00:00Z", "IN_PERSON", "HIGH", 1, 1, 0, 0)
                .triaged(personal, "2026-12-01T08:00:00Z", "ACCEPT_FOR_COORDINATOR_MEDIATION", "COORDINATORS")
                .agreement(personal, "2026-12-04T06:00:00Z");
        Events.send(events.records);
        // the report answers 404 until the school-registered event is counted (up to a fetch's wait later)
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptionsInstanceOf(AssertionError.class)
                .until(() -> {
                    var report = Store.report(port, SCHOOL, "2026-2027", COORDINATOR);
                    return "8".equals(report.get("cases.requested"))
                            && "7".equals(report.get("cases.accepted"))
                            && "1".equals(report.get("cases.agreementsReached"))
                            && "1".equals(report.get("activities.PARENT_SESSION.held"))
                            && "1".equals(report.get("activities.TRAINING.held"))
                            && "11".equals(report.get("reach.students"));
                });
    }

    @Test
    void the_json_report_has_month_by_month_series_that_add_up_to_their_indicators() {
        JsonNode report = get(PATH, COORDINATOR).json();

        assertThat(report.get("forPublication").asBoolean()).isFalse();
        assertThat(report.get("months").size()).isEqualTo(12);
        assertThat(report.get("months").get(0).asString()).isEqualTo("2026-09");
        JsonNode byMonth = report.get("byMonth");
        assertThat(byMonth.get("requests").get("2026-10").asInt()).isEqualTo(7);
        assertThat(byMonth.get("requests").get("2026-12").asInt()).isEqualTo(1);
        assertThat(byMonth.get("casesOpened").get("2026-10").asInt()).isEqualTo(6);
        assertThat(byMonth.get("agreements").get("2026-12").asInt()).isEqualTo(1);
        assertThat(byMonth.get("activities").get("2026-10").asInt()).isEqualTo(1);
        assertThat(byMonth.get("activities").get("2026-11").asInt()).isEqualTo(1);
        int requests = 0;
        for (JsonNode month : byMonth.get("requests")) {
            requests += month.asInt();
        }
        assertThat(requests)
                .isEqualTo(
                        report.get("indicators").get("cases").get("requested").asInt());
    }

    @Test
    void the_pdf_in_kazakh_has_the_numbers_in_sentences_and_every_kazakh_letter_is_in_its_font() throws Exception {
        HttpResponse<byte[]> answer = pdf(PATH + "/report.pdf?lang=kk", "application/pdf", null);

        assertThat(answer.statusCode()).isEqualTo(200);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "reports"));
        java.nio.file.Files.write(
                java.nio.file.Path.of("target", "reports", "report-kk.pdf"), answer.body()); // to look at
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment", "senim-report-" + SCHOOL + "-2026-2027-kk.pdf");
        String text = text(answer.body());
        assertThat(text)
                .contains("Мектеп медиация клубының жылдық есебі", SCHOOL, "2026–2027")
                .contains("Клуб 1 тренинг (12 қатысу)")
                .contains("Ата-аналармен 1 кездесу (17 қатысу)")
                .contains("Клубқа 8 өтініш түсті: 7 онлайн-форма арқылы, 1 жеке келіп")
                .contains("1 іс келісіммен аяқталды (өтініштен келісімге дейінгі медиана: 3.0 күн)")
                .contains(
                        "Оқу жылы ішінде клубтың іс-шараларына 11 оқушы қатысты (ересектерді қосқанда барлығы 13 адам)")
                .contains(
                        "Дау кімдер арасында болды: 7 өтініште тек оқушылар арасында, 1 өтініште мұғаліммен, 0 өтініште"
                                + " ата-анамен");
        for (String letter : new String[] {"ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "і"}) {
            assertThat(text).as(letter).contains(letter);
        }
        try (InputStream ttf = getClass().getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            Font font = Font.createFont(Font.TRUETYPE_FONT, ttf);
            for (char letter : "әғқңөұүһіӘҒҚҢӨҰҮҺІ".toCharArray()) {
                assertThat(font.canDisplay(letter))
                        .as("DejaVu Sans has %s", letter)
                        .isTrue();
            }
        }
    }

    @Test
    void the_pdf_comes_in_russian_and_english_by_lang_or_accept_language() throws Exception {
        String russian = text(pdf(PATH, "application/pdf", "ru-RU,ru;q=0.9").body());
        assertThat(russian).contains("Годовой отчёт клуба школьной медиации", "В клуб поступило обращений: 8");

        HttpResponse<byte[]> english = pdf(PATH + "/report.pdf?lang=en", "*/*", "kk");
        assertThat(english.headers().firstValue("Content-Language")).hasValue("en");
        assertThat(text(english.body()))
                .contains("Annual report of the school mediation club", "The club held 1 trainings (12 participations)")
                .contains("The club received 8 requests: 7 through the online form, 1 in person")
                .contains("1 cases ended in an agreement (median time from the request: 3.0 days)")
                .contains("11 different students took part in the activities of the club (13 people in all")
                .contains("The conflicts were between students only in 7 requests, with a teacher in 1")
                .contains("0 conversations were answered (median time to the first answer: not known yet)");

        get(PATH + "/report.pdf?lang=de", COORDINATOR).problem(400);
    }

    @Test
    void for_publication_the_schools_small_counts_are_hidden_in_json_csv_and_pdf() throws Exception {
        JsonNode report = get(PATH + "?for=publication", COORDINATOR).json();

        assertThat(report.get("forPublication").asBoolean()).isTrue();
        assertThat(report.get("suppressionThreshold").asInt()).isEqualTo(5);
        JsonNode cases = report.get("indicators").get("cases");
        assertThat(cases.get("requested").asInt()).isEqualTo(8);
        assertThat(cases.get("byChannel").get("IN_PERSON").asString()).isEqualTo("<5");
        // requested = ONLINE_FORM + IN_PERSON + TRUST_BOX would give IN_PERSON away: the smallest positive part goes
        // too
        assertThat(cases.get("byChannel").get("ONLINE_FORM").asString()).isEqualTo("suppressed");
        assertThat(cases.get("byChannel").get("TRUST_BOX").asInt()).isZero();
        assertThat(cases.get("mediatedBy").get("ADULTS").asString()).isEqualTo("<5");
        assertThat(cases.get("mediatedBy").get("PEER").asString()).isEqualTo("suppressed");
        assertThat(cases.get("agreementsReached").asString()).isEqualTo("<5");
        assertThat(cases.get("medianDaysToAgreement").asString()).isEqualTo("n<5");
        assertThat(report.get("byMonth").get("requests").get("2026-12").asString())
                .isEqualTo("<5");
        assertThat(report.get("byMonth").get("requests").get("2026-10").asString())
                .isEqualTo("suppressed");
        assertThat(report.get("byMonth").get("requests").get("2026-11").asInt()).isZero();
        // activities are not suppressed
        assertThat(report.get("indicators")
                        .get("activities")
                        .get("TRAINING")
                        .get("participants")
                        .asInt())
                .isEqualTo(12);

        ServiceApi.Answer csv = get(PATH + "/report.csv?for=publication", COORDINATOR);
        assertThat(csv.body()).contains(SCHOOL + ",2026-2027,cases.byChannel.IN_PERSON,<5\r\n");

        String text = text(pdf(PATH + "/report.pdf?lang=en&for=publication", "application/pdf", null)
                .body());
        assertThat(text)
                .contains(
                        "For publication",
                        "The club received 8 requests: hidden through the online form, <5 in person");

        get(PATH + "?for=everyone", COORDINATOR).problem(400);
    }

    @Test
    void the_pdf_is_refused_as_the_json_report_is() throws Exception {
        String other =
                TestJwts.user().roles("coordinator").school("another-" + SCHOOL).bearer();
        assertThat(pdf(PATH + "/report.pdf?lang=kk", "application/pdf", null, other)
                        .statusCode())
                .isEqualTo(404);
        String student = TestJwts.user().roles("student").school(SCHOOL).bearer();
        assertThat(pdf(PATH + "/report.pdf?lang=kk", "application/pdf", null, student)
                        .statusCode())
                .isEqualTo(403);
        assertThat(pdf(PATH + "/report.pdf?lang=kk&for=publication", "application/pdf", null, Store.DISTRICT_ADMIN)
                        .statusCode())
                .isEqualTo(200);
    }

    private ServiceApi.Answer get(String path, String bearer) {
        return ServiceApi.at(port).get(path).auth(bearer).send();
    }

    private HttpResponse<byte[]> pdf(String path, String accept, String language) throws Exception {
        return pdf(path, accept, language, COORDINATOR);
    }

    private HttpResponse<byte[]> pdf(String path, String accept, String language, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept)
                .header("Authorization", bearer);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static String text(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
