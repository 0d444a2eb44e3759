package kz.senim.membership.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import kz.senim.membership.keycloak.KeycloakUsers;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.keycloak.SenimKeycloak;
import kz.senim.test.keycloak.WithKeycloak;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** Importing a school's list of accounts against the real Keycloak: preview, import, re-import, leavers, files. */
@SenimIntegrationTest(properties = "senim.membership.mediator-role-sync=false")
@WithKeycloak
class AccountImportIT {

    static final String GYM = "demo-gymnasium-1";
    static final String HEADER =
            "externalId,role,grade,classLetter,guardianOf,language,givenName,familyName,email,status\n";
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("senim.keycloak.url", () -> SenimKeycloak.get().baseUrl());
    }

    @LocalServerPort
    int port;

    @Autowired
    KeycloakUsers users;

    @Autowired
    JdbcClient jdbc;

    SenimKeycloak keycloak;
    String run;

    @BeforeEach
    void school() {
        keycloak = SenimKeycloak.get();
        run = Long.toString(System.nanoTime(), 36);
        ServiceApi.at(port)
                .post("/api/schools")
                .auth(bearer("district-admin"))
                .json("""
                        {"id":"%s","names":{"kk":"Мектеп","ru":"Школа","en":"School"},"city":"Almaty","region":"Almaty"}
                        """.formatted(GYM))
                .send();
    }

    @Test
    void a_preview_changes_nothing_the_import_does_it_and_the_same_file_again_changes_nothing() {
        String file = HEADER
                + "s1-%1$s,student,7,А,,kk,Айгерим,Импортова%2$s,,\n"
                + "s2-%1$s,student,8,Б,,ru,Тимур,Импортов%2$s,,\n"
                + "p1-%1$s,parent,,,s1-%1$s;s2-%1$s,ru,Нурлан,Импортов%2$s,parent-%1$s@example.org,\n"
                + "t1-%1$s,teacher,,,,en,Marat,Importov%2$s,teacher-%1$s@example.org,\n"
                + "a1-%1$s,admin,,,,en,Not,Allowed%2$s,,\n";
        String withAdmin = file.formatted(run, letters());
        String fine = withAdmin.substring(0, withAdmin.lastIndexOf("a1-"));

        JsonNode preview = post(
                        "/accounts/imports?dryRun=true",
                        "admin.gym1",
                        fine.getBytes(StandardCharsets.UTF_8),
                        new MediaType("text", "csv"))
                .json();
        assertThat(preview.get("dryRun").asBoolean()).isTrue();
        assertThat(preview.get("created").size()).isEqualTo(4);
        assertThat(accountsOf("s1-" + run)).isZero();

        JsonNode refusedPreview = post(
                        "/accounts/imports?dryRun=true",
                        "admin.gym1",
                        withAdmin.getBytes(StandardCharsets.UTF_8),
                        new MediaType("text", "csv"))
                .json();
        assertThat(refusedPreview.get("refused").get(0).get("field").asString()).isEqualTo("rows[6].role");
        assertThat(refusedPreview.get("refused").get(0).get("message").asString())
                .as("the preview explains each refusal in the caller's language")
                .isEqualTo("you may not give this role");
        JsonNode refused = post(
                        "/accounts/imports",
                        "admin.gym1",
                        withAdmin.getBytes(StandardCharsets.UTF_8),
                        new MediaType("text", "csv"))
                .problem(400);
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("rows[6].role");
        assertThat(accountsOf("s1-" + run)).as("nothing of a refused file").isZero();

        ServiceApi.Answer accepted = post(
                "/accounts/imports", "admin.gym1", fine.getBytes(StandardCharsets.UTF_8), new MediaType("text", "csv"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().get("total").asInt()).isEqualTo(4);
        String location = accepted.headers().getLocation().toString();
        assertThat(location).startsWith("/api/schools/" + GYM + "/accounts/imports/");
        JsonNode imported = finished(location, "admin.gym1");
        assertThat(imported.get("status").asString()).as(imported.toString()).isEqualTo("done");
        assertThat(imported.get("processed").asInt()).isEqualTo(4);
        assertThat(imported.get("result").get("created").size()).isEqualTo(4);
        assertThat(imported.get("refused").asInt()).isZero();
        assertThat(get(location, "admin.sch2").status())
                .as("another school's admin does not see the import")
                .isEqualTo(404);
        assertThat(get(location.replace(GYM, "demo-school-2"), "district-admin").status())
                .as("the import is not another school's")
                .isEqualTo(404);
        String parentUsername = username("p1-" + run);
        assertThat(keycloak.realmRolesOf(parentUsername)).contains("parent");
        assertThat(keycloak.realmRolesOf(username("t1-" + run))).contains("teacher");
        assertThat(jdbc.sql("select count(*) from guardian_link g join person p on p.user_id = g.guardian_id"
                                + " where p.external_id = :e")
                        .param("e", "p1-" + run)
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);

        JsonNode again = imported(fine.getBytes(StandardCharsets.UTF_8), new MediaType("text", "csv"));
        assertThat(again.get("result").get("created").size()).isZero();
        assertThat(again.get("result").get("changed").size()).isZero();
        assertThat(again.get("total").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(4);
        assertThat(accountsOf("s1-" + run)).isEqualTo(1);
    }

    @Test
    void new_people_are_made_together_and_a_username_held_outside_senim_goes_to_the_next_free_number() {
        String suffix = letters();
        String base = "dana.paket" + suffix;
        // Someone made a user by hand in another school under the first candidate: Senim does not take it over.
        String handMade = users.create(new KeycloakUsers.NewUser(base, "Dana", "Paket", null, "demo-school-2", "ru"))
                .orElseThrow();
        String file = HEADER
                + "n1-%1$s,student,3,А,,kk,Дана,Пакет%2$s,,\n"
                + "n2-%1$s,student,3,А,,kk,Дана,Пакет%2$s,,\n"
                + "n3-%1$s,student,3,Б,,ru,Дана,Пакет%2$s,,\n"
                + "n4-%1$s,teacher,,,,en,Dana,Paket%2$s,dana-%1$s@example.org,\n";
        JsonNode imported =
                imported(file.formatted(run, suffix).getBytes(StandardCharsets.UTF_8), new MediaType("text", "csv"));
        assertThat(imported.get("status").asString()).as(imported.toString()).isEqualTo("done");
        assertThat(imported.get("processed").asInt()).isEqualTo(4);
        assertThat(imported.get("result").get("created").size()).isEqualTo(4);

        java.util.Set<String> pupils = new java.util.HashSet<>();
        for (String externalId : List.of("n1-" + run, "n2-" + run, "n3-" + run)) {
            String username = username(externalId);
            pupils.add(username);
            assertThat(keycloak.realmRolesOf(username)).contains("student", "default-roles-senim");
            String userId = jdbc.sql("select user_id from account where external_id = :e")
                    .param("e", externalId)
                    .query(String.class)
                    .single();
            KeycloakUsers.User user = users.byId(userId).orElseThrow();
            assertThat(user.schoolId()).isEqualTo(GYM);
            assertThat(user.requiredActions()).containsExactly(KeycloakUsers.UPDATE_PASSWORD);
            assertThat(user.createdAt()).isAfter(java.time.Instant.now().minus(Duration.ofMinutes(10)));
        }
        assertThat(pupils)
                .as("three pupils of one name, none under the hand-made user's name")
                .containsExactlyInAnyOrder(base + "2", base + "3", base + "4");
        String teacher = username("n4-" + run);
        assertThat(teacher).isEqualTo(base + "5");
        assertThat(keycloak.realmRolesOf(teacher)).contains("teacher", "default-roles-senim");
        assertThat(users.byUsername(teacher).orElseThrow().requiredActions())
                .containsExactlyInAnyOrder(KeycloakUsers.UPDATE_PASSWORD, KeycloakUsers.VERIFY_EMAIL);
        assertThat(users.byId(handMade).orElseThrow().schoolId()).isEqualTo("demo-school-2");
        assertThat(jdbc.sql("select count(*) from person where external_id like :e")
                        .param("e", "n_-" + run)
                        .query(Long.class)
                        .single())
                .as("every one of them in the directory")
                .isEqualTo(4L);
    }

    @Test
    void a_pupil_marked_as_left_is_disabled_and_leaves_the_directory() {
        String family = "Ketedi" + letters();
        String joined = HEADER + "l1-" + run + ",student,9,В,,kk,Дана," + family + ",,\n";
        assertThat(imported(joined.getBytes(StandardCharsets.UTF_8), new MediaType("text", "csv"))
                        .get("status")
                        .asString())
                .isEqualTo("done");
        String userId = jdbc.sql("select user_id from account where external_id = :e")
                .param("e", "l1-" + run)
                .query(String.class)
                .single();

        String left = HEADER + "l1-" + run + ",student,9,В,,kk,Дана," + family + ",,left\n";
        JsonNode preview = post(
                        "/accounts/imports?dryRun=true",
                        "admin.gym1",
                        left.getBytes(StandardCharsets.UTF_8),
                        new MediaType("text", "csv"))
                .json();
        assertThat(preview.get("disabled").get(0).get("externalId").asString()).isEqualTo("l1-" + run);
        assertThat(users.byId(userId).orElseThrow().enabled()).isTrue();

        JsonNode leaving = imported(left.getBytes(StandardCharsets.UTF_8), new MediaType("text", "csv"));
        assertThat(leaving.get("disabled").asInt()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> !users.byId(userId).orElseThrow().enabled());
        assertThat(jdbc.sql("select count(*) from person where user_id = :u")
                        .param("u", userId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_windows_1251_csv_is_refused_without_its_charset_and_imported_with_it() {
        Charset windows1251 = Charset.forName("windows-1251");
        String family = "Щербакова" + cyrillic();
        byte[] file = (HEADER + "w1-" + run + ",teacher,,,,ru,Юлия," + family + ",,\n").getBytes(windows1251);

        JsonNode refused = post("/accounts/imports", "admin.gym1", file, new MediaType("text", "csv"))
                .problem(400);
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("rows[2]");
        assertThat(refused.get("errors").get(0).get("code").asString()).isEqualTo("directory.file.encoding");

        JsonNode declared = imported(file, new MediaType("text", "csv", windows1251));
        assertThat(declared.get("status").asString()).as(declared.toString()).isEqualTo("done");
        assertThat(jdbc.sql("select family_name from person where external_id = :e")
                        .param("e", "w1-" + run)
                        .query(String.class)
                        .single())
                .isEqualTo(family);
    }

    @Test
    void an_xlsx_with_kazakh_and_russian_letters_is_imported_as_written() throws Exception {
        String kazakh = "Құрманғалиұлы" + cyrillic();
        byte[] workbook = xlsx(List.of(
                List.of("externalId", "role", "grade", "classLetter", "language", "givenName", "familyName"),
                List.of("x1-" + run, "student", 5, "Ә", "kk", "Өмірзақ", kazakh),
                List.of("x2-" + run, "student", 6, "Б", "ru", "Юлия", "Щербакова" + cyrillic())));

        JsonNode imported = imported(workbook, XLSX);

        assertThat(imported.get("status").asString()).as(imported.toString()).isEqualTo("done");
        assertThat(imported.get("result").get("created").size()).isEqualTo(2);
        assertThat(jdbc.sql("select family_name from person where external_id = :e")
                        .param("e", "x1-" + run)
                        .query(String.class)
                        .single())
                .isEqualTo(kazakh);
        assertThat(jdbc.sql("select grade from person where external_id = :e")
                        .param("e", "x1-" + run)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
        assertThat(username("x1-" + run)).startsWith("omirzaq.qurmangaliuly");
    }

    @Test
    void another_schools_import_is_not_found_and_a_file_that_is_no_workbook_is_refused() {
        assertThat(post(
                                "/accounts/imports?dryRun=true",
                                "admin.gym1",
                                (HEADER).getBytes(StandardCharsets.UTF_8),
                                new MediaType("text", "csv"),
                                "demo-school-2")
                        .status())
                .isEqualTo(404);
        assertThat(post("/accounts/imports", "admin.gym1", "not a zip".getBytes(StandardCharsets.UTF_8), XLSX)
                        .problem(400)
                        .get("errors")
                        .get(0)
                        .get("code")
                        .asString())
                .isEqualTo("accounts.file.xlsx");
    }

    @Test
    void a_retry_with_the_same_idempotency_key_answers_the_first_import() {
        byte[] file = (HEADER + "k1-" + run + ",teacher,,,,kk,Ерлан,Кілттов" + letters() + ",,\n")
                .getBytes(StandardCharsets.UTF_8);
        ServiceApi.Answer first =
                post("/accounts/imports", "admin.gym1", file, new MediaType("text", "csv"), GYM, "k-" + run);
        ServiceApi.Answer retry =
                post("/accounts/imports", "admin.gym1", file, new MediaType("text", "csv"), GYM, "k-" + run);

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(retry.status()).as(retry.body()).isEqualTo(202);
        assertThat(retry.headers().getLocation()).isEqualTo(first.headers().getLocation());
        assertThat(finished(first.headers().getLocation().toString(), "admin.gym1")
                        .get("status")
                        .asString())
                .isEqualTo("done");
        assertThat(jdbc.sql("select count(*) from account_import where plan::text like :e")
                        .param("e", "%k1-" + run + "%")
                        .query(Long.class)
                        .single())
                .as("one import for both requests")
                .isEqualTo(1L);
        assertThat(accountsOf("k1-" + run)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from account_import where lines is not null and status = 'DONE'")
                        .query(Long.class)
                        .single())
                .as("the list's names are dropped once an import has ended")
                .isZero();
    }

    /** Posts the list, expects it accepted (202) and answers the import once it has ended. */
    private JsonNode imported(byte[] file, MediaType type) {
        ServiceApi.Answer accepted = post("/accounts/imports", "admin.gym1", file, type);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return finished(accepted.headers().getLocation().toString(), "admin.gym1");
    }

    private JsonNode finished(String location, String user) {
        return await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> get(location, user).json(),
                        view -> view.get("status").asString().equals("done")
                                || view.get("status").asString().equals("failed"));
    }

    private ServiceApi.Answer get(String path, String user) {
        return RestClient.create("http://localhost:" + port)
                .get()
                .uri(path)
                .header("Authorization", bearer(user))
                .exchange((request, response) -> new ServiceApi.Answer(
                        response.getStatusCode().value(),
                        response.getHeaders(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private long accountsOf(String externalId) {
        return jdbc.sql("select count(*) from account where external_id = :e")
                .param("e", externalId)
                .query(Long.class)
                .single();
    }

    private String username(String externalId) {
        return jdbc.sql("select username from account where external_id = :e")
                .param("e", externalId)
                .query(String.class)
                .single();
    }

    private ServiceApi.Answer post(String path, String user, byte[] body, MediaType type) {
        return post(path, user, body, type, GYM);
    }

    private ServiceApi.Answer post(String path, String user, byte[] body, MediaType type, String school) {
        return post(path, user, body, type, school, null);
    }

    private ServiceApi.Answer post(
            String path, String user, byte[] body, MediaType type, String school, String idempotencyKey) {
        return RestClient.create("http://localhost:" + port)
                .post()
                .uri("/api/schools/" + school + path)
                .header("Authorization", bearer(user))
                .headers(headers -> {
                    if (idempotencyKey != null) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(type)
                .body(body)
                .exchange((request, response) -> new ServiceApi.Answer(
                        response.getStatusCode().value(),
                        response.getHeaders(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private static byte[] xlsx(List<List<Object>> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Оқушылар");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Integer number) {
                        row.createCell(c).setCellValue(number);
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(value));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private String bearer(String username) {
        return "Bearer " + keycloak.passwordToken(username, SenimKeycloak.DEMO_PASSWORD);
    }

    private static String letters() {
        StringBuilder letters = new StringBuilder();
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    private static String cyrillic() {
        StringBuilder letters = new StringBuilder();
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 5; i++) {
            letters.append((char) ('а' + random.nextInt(32)));
        }
        return letters.toString();
    }
}
