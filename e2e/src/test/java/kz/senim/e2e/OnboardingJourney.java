package kz.senim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.senim.local.Mailbox;
import kz.senim.local.api.Caller;
import kz.senim.local.api.SenimApi;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13's rollout of a school, against the real Keycloak: the district admin registers a school and
 * creates its admin, who is invited by e-mail and chooses a password through Keycloak; the admin previews and
 * imports an .xlsx of 30 people (students, teachers and parents with e-mail, Kazakh and Russian names); the
 * teachers and parents get their invitations in their language and complete them; a pupil signs in on
 * Keycloak's page with the code from the class sheet (the PDF's text), must choose a password, and lands in the
 * portal with their school and role; importing the file again changes nothing; marking the pupil as left
 * disables the account (the next sign-in fails, the open Keycloak session ends) and takes them out of the
 * school's directory.
 */
@Order(11)
class OnboardingJourney {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final Pattern LINK = Pattern.compile("https?://\\S+/login-actions/action-token\\?key=[^\\s\"<\\\\]+");
    static final Pattern CODE = Pattern.compile("[A-Z0-9]{5}-[A-Z0-9]{5}");

    private final SenimApi api = EndToEnd.api();
    private final Caller district = api.as("district-admin");
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String school = "onb-" + run;

    @Test
    void a_district_rolls_out_a_school_from_its_own_list() throws Exception {
        district.post(
                        "/api/schools",
                        Map.of(
                                "id", school,
                                "names",
                                        Map.of(
                                                "kk",
                                                "№" + run + " мектеп",
                                                "ru",
                                                "Школа " + run,
                                                "en",
                                                "School " + run),
                                "city", "Almaty",
                                "region", "Almaty",
                                "timeZone", "Asia/Almaty",
                                "defaultLanguage", "kk"))
                .expect(201);

        // The district admin creates the school's admin, who is invited by e-mail.
        String adminAddress = "admin-" + run + "@example.org";
        JsonNode admin = district.post(
                        "/api/schools/" + school + "/accounts",
                        Map.of(
                                "externalId", "staff-001",
                                "role", "admin",
                                "language", "ru",
                                "givenName", "Ерлан",
                                "familyName", "Баймуханов",
                                "email", adminAddress))
                .expect(201)
                .json();
        String adminPassword = "Admin-" + UUID.randomUUID();
        completeInvitation(awaitInvitation(adminAddress), adminPassword);
        Caller schoolAdmin = api.as(admin.get("username").asString(), adminPassword);
        assertThat(schoolAdmin.claims().get("school_id").asString()).isEqualTo(school);

        // The school admin previews the school's list, then imports it.
        byte[] people = workbook(List.of());
        JsonNode preview = schoolAdmin
                .sendBytes("POST", "/api/schools/" + school + "/accounts/imports?dryRun=true", XLSX, people)
                .expect(200)
                .json();
        assertThat(preview.get("created").size()).isEqualTo(30);
        assertThat(preview.get("refused").size()).isZero();
        assertThat(accounts(schoolAdmin)).as("a preview changes nothing").hasSize(1);
        // The school admin imports it in the portal: the accounts page, the preview, then the import's own page,
        // which follows the import running in the background (each screen checked with axe-core at 360 and
        // 1280 px). The import is accepted at once (202), its progress read through the Location's resource.
        String importPage;
        try (Browser browser = Browser.open("OnboardingJourney", "ru")) {
            browser.go("/oauth2/authorization/keycloak");
            browser.type("username", admin.get("username").asString()).type("password", adminPassword);
            browser.click(By.id("kc-login"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> d.getCurrentUrl().startsWith(api.gatewayUrl()));
            browser.go("/admin/schools/" + school + "/accounts");
            browser.find(By.id("import-form"));
            browser.check("accounts").checkWide("accounts");
            java.nio.file.Path file = java.nio.file.Files.createTempFile("people-" + run, ".xlsx");
            java.nio.file.Files.write(file, people);
            browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            browser.submit(By.id("import-preview"));
            assertThat(browser.find(By.id("count-created")).getText()).isEqualTo("30");
            browser.check("import-preview").checkWide("import-preview");
            browser.submit(By.id("import-commit"));
            importPage = browser.path().replaceFirst("\\?.*", "");
            assertThat(importPage).startsWith("/admin/schools/" + school + "/accounts/imports/");
            // While the import runs its page reloads itself every 3 s (a meta refresh), and a look that falls into a
            // reload sees no page or half of one: look until a whole page with the import's status is read, rather
            // than once at a moment chosen by the clock.
            String first = Eventually.until(
                    "the import's page, read whole",
                    browser::source,
                    page -> page.contains("id=\"import-status\"") && page.contains("</footer>"));
            if (!first.contains("id=\"import-done\"")) {
                // Still running: the page reloads itself (meta refresh) and offers to stop that. Opened without
                // the reloading, so that axe-core reads one page rather than a page being replaced.
                assertThat(first).contains("http-equiv=\"refresh\"", "id=\"import-refresh-stop\"", "<progress");
                browser.go(importPage + "?refresh=off");
                if (!browser.source().contains("id=\"import-done\"")) {
                    browser.check("import-running").checkWide("import-running");
                }
            }
            Eventually.until(
                    "the portal shows the import done",
                    () -> browser.go(importPage + "?refresh=off").has(By.id("import-done")),
                    done -> done);
            assertThat(browser.text()).contains("Импорт выполнен");
            browser.check("import-done").checkWide("import-done");
            java.nio.file.Files.delete(file);
        }
        String importId = importPage.substring(importPage.lastIndexOf('/') + 1);
        JsonNode imported = schoolAdmin
                .get("/api/schools/" + school + "/accounts/imports/" + importId)
                .expect(200)
                .json();
        assertThat(imported.get("status").asString()).isEqualTo("done");
        assertThat(imported.get("processed").asInt()).isEqualTo(30);
        assertThat(imported.get("result").get("created").size()).isEqualTo(30);
        Map<String, JsonNode> byExternalId = Eventually.until(
                "the 30 accounts made",
                () -> accounts(schoolAdmin),
                all -> all.size() == 31
                        && all.values().stream().noneMatch(a -> a.get("userId").isNull()));
        assertThat(byExternalId.get("S01").get("status").asString()).isEqualTo("never-signed-in");

        // Teachers (kk) and parents (ru) are invited in their language and complete the invitation.
        for (int i = 1; i <= 5; i++) {
            Mailbox.Mail teacher = awaitMail("teacher" + i + "-" + run + "@example.org");
            // Senim's e-mail theme: its own words in the person's language, no literal "\n" (Keycloak's kk text).
            assertThat(teacher.subject()).isEqualTo("Senim: есептік жазбаңызды іске қосыңыз");
            assertThat(teacher.text())
                    .contains("Мектебіңіз сізге Senim жүйесінде")
                    .doesNotContain("\\n");
            completeInvitation(linkIn(teacher), "Teacher-" + UUID.randomUUID());
            Mailbox.Mail parent = awaitMail("parent" + i + "-" + run + "@example.org");
            assertThat(parent.subject()).isEqualTo("Senim: активируйте свою учётную запись");
            assertThat(parent.text()).contains("Ваша школа открыла вам учётную запись в Senim");
            completeInvitation(linkIn(parent), "Parent-" + UUID.randomUUID());
        }
        Eventually.untilAsserted("every invitation done", () -> {
            JsonNode progress = schoolAdmin
                    .get("/api/schools/" + school + "/accounts/progress")
                    .expect(200)
                    .json();
            assertThat(progress.get("teacher").get("signedIn").asLong()).isEqualTo(5);
            assertThat(progress.get("parent").get("signedIn").asLong()).isEqualTo(5);
            assertThat(progress.get("student").get("signedIn").asLong()).isZero();
            assertThat(progress.get("student").get("accounts").asLong()).isEqualTo(20);
        });
        assertThat(accounts(schoolAdmin).get("T01").get("status").asString()).isEqualTo("active");

        // The class sheet: a slip with the username and a one-time code per pupil of 5 А.
        String pupil = byExternalId.get("S01").get("username").asString();
        String pupilId = byExternalId.get("S01").get("userId").asString();
        String sheet = pdfText(classSheet(schoolAdmin, 5, "А"));
        assertThat(sheet).contains(pupil, "Бір реттік код");
        Matcher code = CODE.matcher(sheet);
        assertThat(code.find(sheet.indexOf(pupil))).isTrue();

        // The pupil signs in with the code on Keycloak's page, must choose a password, and lands in the portal.
        String pupilPassword = "Pupil-" + UUID.randomUUID();
        try (Browser browser = Browser.open("OnboardingJourney", "kk")) {
            browser.go("/oauth2/authorization/keycloak");
            browser.type("username", pupil).type("password", code.group());
            browser.click(By.id("kc-login"));
            browser.waitFor(By.name("password-new"));
            browser.type("password-new", pupilPassword).type("password-confirm", pupilPassword);
            browser.click(By.cssSelector("form [type=submit]"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> d.getCurrentUrl().startsWith(api.gatewayUrl()));
            browser.find(By.tagName("main"));
            assertThat(browser.path()).doesNotStartWith("http");
            assertThat(browser.source()).contains("logout");
        }
        Caller signedIn = api.as(pupil, pupilPassword);
        assertThat(signedIn.claims().get("school_id").asString()).isEqualTo(school);
        assertThat(signedIn.claims().get("realm_access").get("roles").toString())
                .contains("\"student\"");
        assertThat(accounts(schoolAdmin).get("S01").get("status").asString()).isEqualTo("active");

        // The same file again changes nothing.
        JsonNode again = imported(schoolAdmin, school, people);
        assertThat(again.get("total").asInt()).isZero();
        assertThat(again.get("result").get("created").size()
                        + again.get("result").get("changed").size()
                        + again.get("result").get("disabled").size())
                .isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(30);

        // The pupil leaves: an open Keycloak session, then the file marks them as left.
        HttpResponse<String> session = token(Map.of(
                "grant_type", "password", "client_id", "senim-cli", "username", pupil, "password", pupilPassword));
        assertThat(session.statusCode()).isEqualTo(200);
        String refresh = field(session.body(), "refresh_token");
        JsonNode left = imported(schoolAdmin, school, workbook(List.of("S01")));
        assertThat(left.get("result").get("disabled").size()).isEqualTo(1);
        Eventually.until(
                "the pupil's account disabled",
                () -> token(Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "senim-cli",
                                "username",
                                pupil,
                                "password",
                                pupilPassword))
                        .statusCode(),
                status -> status == 400);
        assertThat(token(Map.of("grant_type", "refresh_token", "client_id", "senim-cli", "refresh_token", refresh))
                        .statusCode())
                .as("the open session has ended")
                .isEqualTo(400);
        assertThat(schoolAdmin.get("/api/people/" + pupilId).status()).isEqualTo(404);
        assertThat(accounts(schoolAdmin).get("S01").get("status").asString()).isEqualTo("disabled");
    }

    /**
     * The school's list: 20 pupils of 5 А (no e-mail), 5 teachers (kk) and 5 parents (ru) with e-mail. With
     * leavers, only their rows, marked {@code left} (people missing from a file are not touched).
     */
    private byte[] workbook(List<String> leavers) throws IOException {
        List<String[]> rows = new ArrayList<>();
        String[] given = {"Әлия", "Дәулет", "Нұрлан", "Ғалия", "Іңкәр"};
        for (int i = 1; i <= 20; i++) {
            String id = String.format(Locale.ROOT, "S%02d", i);
            rows.add(new String[] {
                id,
                "student",
                "5",
                "А",
                "",
                "kk",
                given[i % 5],
                "Сейітова" + letters(i),
                "",
                leavers.contains(id) ? "left" : ""
            });
        }
        for (int i = 1; i <= 5; i++) {
            rows.add(new String[] {
                "T0" + i,
                "teacher",
                "",
                "",
                "",
                "kk",
                "Мұғалім",
                "Қасымов" + letters(i),
                "teacher" + i + "-" + run + "@example.org",
                ""
            });
            rows.add(new String[] {
                "P0" + i,
                "parent",
                "",
                "",
                String.format(Locale.ROOT, "S%02d", i),
                "ru",
                "Мария",
                "Иванова" + letters(i),
                "parent" + i + "-" + run + "@example.org",
                ""
            });
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Оқушылар");
            cells(sheet.createRow(0), new String[] {
                "externalId",
                "role",
                "grade",
                "classLetter",
                "guardianOf",
                "language",
                "givenName",
                "familyName",
                "email",
                "status"
            });
            int next = 1;
            for (String[] row : rows) {
                if (leavers.isEmpty() || leavers.contains(row[0])) {
                    cells(sheet.createRow(next++), row);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** Letters that make this run's names its own (and so its usernames readable). */
    private String letters(int i) {
        String abc = "абвгдежзиклмнопрстуф";
        StringBuilder suffix = new StringBuilder("-");
        for (char c : run.toCharArray()) {
            suffix.append(abc.charAt((c + i) % abc.length()));
        }
        return suffix.toString();
    }

    private static void cells(Row row, String[] values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    /** Every account of the school, by external id (all pages). */
    private Map<String, JsonNode> accounts(Caller admin) {
        Map<String, JsonNode> all = new HashMap<>();
        JsonNode page = admin.get("/api/schools/" + school + "/accounts?size=100")
                .expect(200)
                .json();
        for (JsonNode account : page.get("content")) {
            all.put(account.get("externalId").asString(), account);
        }
        return all;
    }

    private byte[] classSheet(Caller admin, int grade, String letter) throws Exception {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        api.gatewayUrl() + "/api/schools/" + school + "/accounts/class-sheets"))
                                .header("Authorization", "Bearer " + admin.token())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"grade\":" + grade + ",\"classLetter\":\""
                                        + letter + "\",\"language\":\"kk\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        return pdf.body();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static Mailbox.Mail awaitMail(String address) {
        return Eventually.until(
                        "an invitation to " + address,
                        () -> EndToEnd.mailbox().messagesTo(address),
                        mails -> !mails.isEmpty())
                .get(0);
    }

    private static String awaitInvitation(String address) {
        return linkIn(awaitMail(address));
    }

    private static String linkIn(Mailbox.Mail mail) {
        String text = mail.text() == null || mail.text().isEmpty() ? mail.html() : mail.text();
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        return link.group().replace("&amp;", "&");
    }

    private HttpResponse<String> token(Map<String, String> form) {
        try {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                    .append(k)
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(api.keycloak().tokenUri()))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(value.find()).as(name).isTrue();
        return value.group(1);
    }

    /** Follows an invitation's link through Keycloak's pages as a browser would, choosing the password. */
    private static void completeInvitation(String link, String password) throws Exception {
        KeycloakPages pages = new KeycloakPages();
        HttpResponse<String> page = pages.get(link);
        for (int step = 0; step < 3 && !page.body().contains("password-new"); step++) {
            // Keycloak first says which actions are asked, with a link to go on.
            Matcher proceed =
                    Pattern.compile("<a href=\"([^\"]*login-actions/[^\"]+)\"").matcher(page.body());
            assertThat(proceed.find()).as(page.body()).isTrue();
            page = pages.get(proceed.group(1).replace("&amp;", "&"));
        }
        Matcher action = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(page.body());
        assertThat(action.find()).as(page.body()).isTrue();
        HttpResponse<String> done = pages.post(
                action.group(1).replace("&amp;", "&"),
                "password-new=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&password-confirm="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8));
        assertThat(done.statusCode()).as(done.body()).isLessThan(400);
        assertThat(done.body()).as(done.body()).doesNotContain("password-new");
    }

    /** Just enough of a browser for Keycloak's pages: cookies (whatever their flags) and redirects. */
    static final class KeycloakPages {
        private final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(String url) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url)).GET(), URI.create(url));
        }

        HttpResponse<String> post(String url, String form) throws Exception {
            return send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)),
                    URI.create(url));
        }

        private HttpResponse<String> send(HttpRequest.Builder request, URI uri) throws Exception {
            if (!cookies.isEmpty()) {
                List<String> pairs = new ArrayList<>();
                cookies.forEach((name, value) -> pairs.add(name + "=" + value));
                request.header("Cookie", String.join("; ", pairs));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("set-cookie")) {
                String pair = header.split(";", 2)[0];
                int equals = pair.indexOf('=');
                String name = pair.substring(0, equals).strip();
                String value = pair.substring(equals + 1).strip();
                if (value.isEmpty() || header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            if (response.statusCode() / 100 == 3) {
                URI next = uri.resolve(response.headers().firstValue("location").orElseThrow());
                if (!next.getHost().equals(uri.getHost()) || next.getPort() != uri.getPort()) {
                    return response; // out of Keycloak (the portal): the invitation is done
                }
                return send(HttpRequest.newBuilder(next).GET(), next);
            }
            return response;
        }
    }

    /** Imports the file (202 and a Location) and answers the import once it is done. */
    private static JsonNode imported(Caller admin, String school, byte[] file) {
        var accepted = admin.sendBytes("POST", "/api/schools/" + school + "/accounts/imports", XLSX, file)
                .expect(202);
        String location = accepted.header("Location");
        assertThat(location).startsWith("/api/schools/" + school + "/accounts/imports/");
        JsonNode done = Eventually.until(
                "the import done",
                () -> admin.get(location).expect(200).json(),
                view -> !view.get("status").asString().matches("queued|running"));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");
        return done;
    }
}
