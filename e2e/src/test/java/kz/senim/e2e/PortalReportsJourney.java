package kz.senim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.local.api.Caller;
import kz.senim.local.api.SenimApi;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import tools.jackson.databind.JsonNode;

/**
 * The annual report follows the club's work: a student's request and a completed training, made through the API,
 * show in the report's JSON within seconds; the coordinator of Demo Gymnasium No. 1 opens the report page in Kazakh
 * and Russian, downloads the PDF (its text has the numbers and the Kazakh letters) and the CSV (it parses); the
 * district admin opens the table of every school side by side.
 */
@Order(1)
@ResourceLock(value = Shared.GYMNASIUM_1_CASES, mode = ResourceAccessMode.READ_WRITE)
@ResourceLock(value = Shared.GYMNASIUM_1_ACTIVITIES, mode = ResourceAccessMode.READ_WRITE)
class PortalReportsJourney {

    private static final ZoneOffset ALMATY = ZoneOffset.ofHours(5);

    private final SenimApi api = EndToEnd.api();
    private final Caller coordinator = api.as("coordinator.gym1");
    private final Caller student = api.as("student1.gym1");

    @Test
    void the_report_follows_the_clubs_work_and_downloads() throws Exception {
        Browser.assumeInstalled();
        Schools.gymnasium1(api);
        OffsetDateTime now = OffsetDateTime.now(ALMATY);
        int start = now.getMonthValue() >= 9 ? now.getYear() : now.getYear() - 1;
        String year = start + "-" + (start + 1);
        String path = "/api/reports/schools/" + Schools.GYMNASIUM_1 + "/years/" + year;

        JsonNode before = coordinator.get(path).expect(200).json();
        long requested = before.at("/indicators/cases/requested").asLong();
        long trainings = before.at("/indicators/activities/TRAINING/held").asLong();
        long participants =
                before.at("/indicators/activities/TRAINING/participants").asLong();
        String month = now.toString().substring(0, 7);
        long requestsThisMonth = before.at("/byMonth/requests/" + month).asLong();

        Instant asked = Instant.now();
        student.post(
                        "/api/cases",
                        Map.of(
                                "urgency",
                                "NORMAL",
                                "preferredLanguage",
                                "kk",
                                "description",
                                "Сыныптағы дау туралы өтініш " + UUID.randomUUID(),
                                "parties",
                                List.of(Map.of("userId", student.userId()), Map.of("name", "Әлихан Қасымов"))),
                        "Idempotency-Key",
                        "portal-reports-" + UUID.randomUUID())
                .expect(201);
        String training = trainingThatStartedAnHourAgo(now);
        coordinator.post("/api/activities/" + training + "/completion", null).expect(200, 204);

        JsonNode after = Eventually.until(
                "the request and the training in the report",
                () -> coordinator.get(path).expect(200).json(),
                report -> report.at("/indicators/cases/requested").asLong() == requested + 1
                        && report.at("/indicators/activities/TRAINING/held").asLong() == trainings + 1);
        Duration lag = Duration.between(asked, Instant.now());
        assertThat(lag).as("the report changes within seconds").isLessThan(Duration.ofSeconds(30));
        assertThat(after.at("/byMonth/requests/" + month).asLong()).isEqualTo(requestsThisMonth + 1);
        long requestedNow = requested + 1;
        long trainingsNow = trainings + 1;
        assertThat(after.at("/indicators/activities/TRAINING/participants").asLong())
                .isGreaterThanOrEqualTo(participants);

        try (Browser browser = Browser.open("reports", "kk")) {
            browser.signIn("coordinator.gym1").go("/?lang=kk");
            browser.waitFor(By.id("to-report"));
            browser.submit(By.id("to-report"));
            browser.waitFor(By.id("chart-cases"));
            browser.check("report-coordinator");
            assertThat(browser.find(By.id("table-cases")).getText()).contains(Long.toString(requestedNow));
            assertThat(browser.find(By.id("table-trainings")).getText()).contains(Long.toString(trainingsNow));
            assertThat(browser.has(By.id("table-months"))).isTrue();

            String pdf = text(download(browser, "download-pdf-kk"));
            assertThat(pdf)
                    .contains("Мектеп медиация клубының жылдық есебі", Schools.GYMNASIUM_1, year.replace('-', '–'))
                    .contains("Клубқа " + requestedNow + " өтініш түсті")
                    .contains("Клуб " + trainingsNow + " тренинг");
            for (String letter : new String[] {"ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "і"}) {
                assertThat(pdf).as("the letter %s in the PDF's text", letter).contains(letter);
            }
            String russian = text(download(browser, "download-pdf-ru"));
            assertThat(russian)
                    .contains("Годовой отчёт клуба школьной медиации", "В клуб поступило обращений: " + requestedNow);

            String csv = new String(download(browser, "download-csv"), java.nio.charset.StandardCharsets.UTF_8);
            Map<String, String> values = new LinkedHashMap<>();
            List<String> lines = csv.lines().toList();
            assertThat(lines.getFirst()).isEqualTo("schoolId,schoolYear,indicator,value");
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                assertThat(cells).as(line).hasSize(4);
                assertThat(cells[0]).isEqualTo(Schools.GYMNASIUM_1);
                values.put(cells[2], cells[3]);
            }
            assertThat(values)
                    .containsEntry("cases.requested", Long.toString(requestedNow))
                    .containsEntry("activities.TRAINING.held", Long.toString(trainingsNow));

            browser.go("/reports?lang=ru");
            browser.waitFor(By.id("chart-cases"));
            browser.check("report-coordinator");
        }

        try (Browser browser = Browser.open("reports", "en")) {
            browser.signIn("district-admin").go("/?lang=en");
            browser.waitFor(By.id("to-district-report"));
            browser.submit(By.id("to-district-report"));
            browser.waitFor(By.id("district-table"));
            browser.check("district-table");
            assertThat(browser.find(By.id("district-table")).getText()).contains(Schools.GYMNASIUM_1);
            browser.submit(By.id("school-report-" + Schools.GYMNASIUM_1));
            browser.waitFor(By.id("chart-cases"));
            browser.check("report-district-admin");
        }
    }

    private String trainingThatStartedAnHourAgo(OffsetDateTime now) {
        OffsetDateTime startsAt = now.minusHours(1).withSecond(0).withNano(0);
        return coordinator
                .post(
                        "/api/activities",
                        Map.of(
                                "type",
                                "TRAINING",
                                "title",
                                "Белсенді тыңдау — есеп үшін " + UUID.randomUUID(),
                                "audience",
                                Map.of("groups", List.of("STUDENTS")),
                                "facilitators",
                                List.of(coordinator.userId()),
                                "startsAt",
                                startsAt.toString(),
                                "endsAt",
                                startsAt.plusMinutes(45).toString(),
                                "place",
                                "№214 кабинет",
                                "language",
                                "kk",
                                "openForRegistration",
                                true,
                                "modules",
                                List.of("ACTIVE_LISTENING")),
                        "Idempotency-Key",
                        "portal-reports-" + UUID.randomUUID())
                .expect(201)
                .text("/id");
    }

    /** The bytes behind a download link, fetched in the page (with the portal's session), as the browser would. */
    private static byte[] download(Browser browser, String linkId) {
        Object answer = ((JavascriptExecutor) browser.driver())
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(document.getElementById(arguments[0]).href)"
                                + ".then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))"
                                + ".then(b => { let s = ''; const a = new Uint8Array(b);"
                                + " for (let i = 0; i < a.length; i++) { s += String.fromCharCode(a[i]); } done(btoa(s)); })"
                                + ".catch(e => done('failed ' + e));",
                        linkId);
        assertThat(String.valueOf(answer)).as("download %s", linkId).doesNotStartWith("failed");
        return Base64.getDecoder().decode(String.valueOf(answer));
    }

    private static String text(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
