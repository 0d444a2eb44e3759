package kz.senim.membership.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.senim.membership.keycloak.KeycloakUsers;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.keycloak.SenimKeycloak;
import kz.senim.test.keycloak.WithKeycloak;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accounts against the harness's real Keycloak: created from a directory entry with the school, language and
 * role, linked to the entry, never twice for the same external id; and who may create which account.
 */
@SenimIntegrationTest(properties = "senim.membership.mediator-role-sync=false")
@WithKeycloak
class AccountsIT extends AccountsAgainstKeycloak {

    @Test
    void a_school_admin_creates_a_pupils_account_from_the_entry_and_the_same_external_id_finds_it_again()
            throws Exception {
        String family = "Нұртасова" + cyrillic(6);
        String external = "P-" + System.nanoTime();
        String request = student(external, "Әйгерім", family);

        ServiceApi.Answer created = api.post("/api/schools/" + GYM + "/accounts")
                .auth(bearer("admin.gym1"))
                .json(request)
                .send();

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode account = created.json();
        String userId = account.get("userId").asString();
        String username = account.get("username").asString();
        assertThat(username).startsWith("aigerim.nurtasova").matches("[a-z.]+");
        assertThat(account.get("status").asString()).isEqualTo("never-signed-in");
        KeycloakUsers.User user = users.byId(userId).orElseThrow();
        assertThat(user.username()).isEqualTo(username);
        assertThat(user.schoolId()).isEqualTo(GYM);
        assertThat(user.enabled()).isTrue();
        assertThat(keycloak.realmRolesOf(username)).contains("student").doesNotContain("admin", "coordinator");
        JsonNode entry = api.get("/api/people/" + userId)
                .auth(bearer("admin.gym1"))
                .send()
                .json();
        assertThat(entry.get("role").asString()).isEqualTo("student");
        assertThat(entry.get("grade").asInt()).isEqualTo(7);
        assertThat(entry.get("familyName").asString()).isEqualTo(family);

        ServiceApi.Answer again = api.post("/api/schools/" + GYM + "/accounts")
                .auth(bearer("admin.gym1"))
                .json(request)
                .send();

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("userId").asString()).isEqualTo(userId);
        assertThat(users.byUsername(username + "2")).isEmpty();
        assertThat(jdbc.sql("select count(*) from person where school_id = :s and external_id = :e")
                        .param("s", GYM)
                        .param("e", external)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void a_taken_username_gets_the_next_number_whether_senim_or_someone_else_holds_it() {
        String family = "Gym" + latin(8);
        String first = api.post("/api/schools/" + GYM + "/accounts")
                .auth(bearer("admin.gym1"))
                .json(student("A-" + System.nanoTime(), "Same", family))
                .send()
                .json()
                .get("username")
                .asString();
        String second = api.post("/api/schools/" + GYM + "/accounts")
                .auth(bearer("admin.gym1"))
                .json(student("B-" + System.nanoTime(), "Same", family))
                .send()
                .json()
                .get("username")
                .asString();
        assertThat(first).isEqualTo("same." + family.toLowerCase());
        assertThat(second).isEqualTo(first + "2");

        // Someone made a user by hand in another school: Senim does not take it over, it takes the next name.
        String outsider = "Outside" + latin(8);
        String handMade = users.create(
                        new KeycloakUsers.NewUser("same." + outsider.toLowerCase(), "Same", outsider, null, SCH2, "ru"))
                .orElseThrow();
        ServiceApi.Answer namesake = api.post("/api/schools/" + GYM + "/accounts")
                .auth(bearer("admin.gym1"))
                .json(student("C-" + System.nanoTime(), "Same", outsider))
                .send();
        assertThat(namesake.status()).as(namesake.body()).isEqualTo(201);
        assertThat(namesake.json().get("username").asString()).isEqualTo("same." + outsider.toLowerCase() + "2");
        assertThat(namesake.json().get("userId").asString()).isNotEqualTo(handMade);
        assertThat(users.byId(handMade).orElseThrow().schoolId()).isEqualTo(SCH2);
    }

    @Test
    void an_attempt_cut_short_after_keycloak_made_the_user_is_finished_without_a_second_account() {
        String family = "Halfway" + latin(8);
        String external = "H-" + System.nanoTime();
        String username = "cut." + family.toLowerCase();
        // As left behind by a service that stopped between Keycloak's answer and its own commit.
        jdbc.sql("""
                        insert into account (school_id, external_id, username, role, status, created_at)
                        values (:school, :external, :username, 'STUDENT', 'PENDING', now())
                        """)
                .param("school", GYM)
                .param("external", external)
                .param("username", username)
                .update();
        String madeBefore = users.create(new KeycloakUsers.NewUser(username, "Cut", family, null, GYM, "kk"))
                .orElseThrow();

        ServiceApi.Answer finished = api.post("/api/schools/" + GYM + "/accounts")
                .auth(bearer("admin.gym1"))
                .json(student(external, "Cut", family))
                .send();

        assertThat(finished.status()).as(finished.body()).isEqualTo(201);
        assertThat(finished.json().get("userId").asString()).isEqualTo(madeBefore);
        assertThat(finished.json().get("username").asString()).isEqualTo(username);
        assertThat(users.byUsername(username + "2")).isEmpty();
        assertThat(keycloak.realmRolesOf(username)).contains("student");
    }

    @Test
    void a_leaver_removed_from_the_directory_cannot_sign_in_and_their_session_ends() throws Exception {
        ServiceApi.Answer created = api.post("/api/schools/" + GYM + "/accounts")
                .auth(bearer("admin.gym1"))
                .json(student("Q-" + System.nanoTime(), "Leaving", "Pupil" + latin(8)))
                .send();
        String userId = created.json().get("userId").asString();
        String username = created.json().get("username").asString();
        String password = "Pw-" + latin(8) + "-1";
        users.setPassword(userId, password, false);
        HttpResponse<String> session = keycloak.postToTokenEndpoint(Map.of(
                "grant_type",
                "password",
                "client_id",
                SenimKeycloak.CLI_CLIENT,
                "username",
                username,
                "password",
                password));
        assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
        String refreshToken = JsonMapper.shared()
                .readTree(session.body())
                .get("refresh_token")
                .asString();

        assertThat(api.request(HttpMethod.DELETE, "/api/people/" + userId)
                        .auth(bearer("admin.gym1"))
                        .send()
                        .status())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> !users.byId(userId).orElseThrow().enabled());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> keycloak.postToTokenEndpoint(Map.of(
                                        "grant_type",
                                        "refresh_token",
                                        "client_id",
                                        SenimKeycloak.CLI_CLIENT,
                                        "refresh_token",
                                        refreshToken))
                                .statusCode()
                        == 400);
        assertThat(keycloak.postToTokenEndpoint(Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                SenimKeycloak.CLI_CLIENT,
                                "username",
                                username,
                                "password",
                                password))
                        .statusCode())
                .isIn(400, 401);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select status from account where user_id = :u")
                        .param("u", userId)
                        .query(String.class)
                        .single()
                        .equals("DISABLED"));
        assertThat(users.byId(userId)).as("disabled, not deleted").isPresent();
    }

    @Test
    void a_first_login_code_signs_the_pupil_in_only_to_choose_a_password_and_a_new_code_replaces_it() {
        ServiceApi.Answer created = api.post("/api/schools/" + GYM + "/accounts")
                .auth(bearer("admin.gym1"))
                .json(student("F-" + System.nanoTime(), "First", "Login" + latin(8)))
                .send();
        String userId = created.json().get("userId").asString();
        String username = created.json().get("username").asString();

        ServiceApi.Answer first = api.post("/api/schools/" + GYM + "/accounts/" + userId + "/first-login-code")
                .auth(bearer("admin.gym1"))
                .send();
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().getCacheControl()).contains("no-store");
        String firstCode = first.json().get("code").asString();
        assertThat(first.json().get("username").asString()).isEqualTo(username);
        assertThat(users.byId(userId).orElseThrow().requiredActions()).contains("UPDATE_PASSWORD");
        assertThat(signIn(username, firstCode).body()).contains("Account is not fully set up");

        String secondCode = api.post("/api/schools/" + GYM + "/accounts/" + userId + "/first-login-code")
                .auth(bearer("admin.gym1"))
                .send()
                .json()
                .get("code")
                .asString();

        assertThat(secondCode).isNotEqualTo(firstCode);
        assertThat(signIn(username, firstCode).body()).contains("Invalid user credentials");
        assertThat(signIn(username, secondCode).body()).contains("Account is not fully set up");
        assertThat(jdbc.sql("select count(*) from account where username = :c or external_id = :c")
                        .param("c", secondCode)
                        .query(Long.class)
                        .single())
                .isZero();
        // Another school's admin does not find the account; a school admin gets no code for an admin.
        assertThat(api.post("/api/schools/" + GYM + "/accounts/" + userId + "/first-login-code")
                        .auth(bearer("admin.sch2"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/schools/" + SCH2 + "/accounts/" + userId + "/first-login-code")
                        .auth(bearer("admin.sch2"))
                        .send()
                        .status())
                .isEqualTo(404);
        String schoolAdmin = api.post("/api/schools/" + GYM + "/accounts")
                .auth(bearer("district-admin"))
                .json(staff("G-" + System.nanoTime(), "admin"))
                .send()
                .json()
                .get("userId")
                .asString();
        assertThat(api.post("/api/schools/" + GYM + "/accounts/" + schoolAdmin + "/first-login-code")
                        .auth(bearer("admin.gym1"))
                        .send()
                        .problem(403)
                        .get("reason")
                        .asString())
                .isEqualTo("role-not-grantable");
        assertThat(api.post("/api/schools/" + GYM + "/accounts/" + schoolAdmin + "/first-login-code")
                        .auth(bearer("district-admin"))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void the_class_sheet_has_a_slip_with_username_and_code_for_each_pupil_without_email() throws Exception {
        String letter = "" + (char) ('A' + RANDOM.nextInt(26)) + (char) ('A' + RANDOM.nextInt(26));
        String family = "Сыныптас" + cyrillic(6);
        String aliya = pupil("S1-" + System.nanoTime(), "Әлия", family, letter, null);
        String daulet = pupil("S2-" + System.nanoTime(), "Дәулет", family, letter, null);
        pupil("S3-" + System.nanoTime(), "Почта", family, letter, latin(8) + "@example.org");

        ResponseEntity<byte[]> sheet = classSheet(letter, "kk");

        assertThat(sheet.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(sheet.getHeaders().getCacheControl()).contains("no-store");
        String text = pdfText(sheet.getBody());
        assertThat(text)
                .contains("Әлия " + family, "Дәулет " + family, aliya, daulet, "Бір реттік код")
                .doesNotContain("Почта");
        String aliyasCode = codeAfter(text, aliya);
        String dauletsCode = codeAfter(text, daulet);
        assertThat(aliyasCode).isNotEqualTo(dauletsCode);
        assertThat(signIn(aliya, aliyasCode).body()).contains("Account is not fully set up");

        // A lost sheet: a new one replaces every code of it.
        String again = pdfText(classSheet(letter, "ru").getBody());
        assertThat(again).contains("Одноразовый код");
        assertThat(codeAfter(again, daulet)).isNotEqualTo(dauletsCode);
        assertThat(signIn(daulet, dauletsCode).body()).contains("Invalid user credentials");
        assertThat(signIn(daulet, codeAfter(again, daulet)).body()).contains("Account is not fully set up");
        assertThat(api.post("/api/schools/" + GYM + "/accounts/class-sheets")
                        .auth(bearer("admin.sch2"))
                        .json("{\"grade\":3,\"classLetter\":\"" + letter + "\",\"language\":\"kk\"}")
                        .send()
                        .status())
                .isEqualTo(404);
    }

    /** The first code after the username on the sheet: the code of that pupil's slip. */
    private static String codeAfter(String text, String username) {
        Matcher code = Pattern.compile("[A-Z0-9]{5}-[A-Z0-9]{5}").matcher(text);
        assertThat(code.find(text.indexOf(username)))
                .as("a code after " + username)
                .isTrue();
        return code.group();
    }

    /** A pupil of grade 3 of the class; their username. */
    private String pupil(String external, String given, String family, String letter, String email) {
        ServiceApi.Answer created = api.post("/api/schools/" + GYM + "/accounts")
                .auth(bearer("admin.gym1"))
                .json("{\"externalId\":\"" + external + "\",\"role\":\"student\",\"grade\":3,\"classLetter\":\""
                        + letter + "\",\"language\":\"kk\",\"givenName\":\"" + given + "\",\"familyName\":\""
                        + family + "\",\"email\":" + (email == null ? "null" : "\"" + email + "\"") + "}")
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("username").asString();
    }

    private ResponseEntity<byte[]> classSheet(String letter, String language) {
        return RestClient.create("http://localhost:" + port)
                .post()
                .uri("/api/schools/" + GYM + "/accounts/class-sheets")
                .header("Authorization", bearer("admin.gym1"))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"grade\":3,\"classLetter\":\"" + letter + "\",\"language\":\"" + language + "\"}")
                .retrieve()
                .toEntity(byte[].class);
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void a_parent_is_linked_to_their_child_by_the_childs_external_id() {
        String child = "K-" + System.nanoTime();
        String childId = api.post("/api/schools/" + GYM + "/accounts")
                .auth(bearer("admin.gym1"))
                .json(student(child, "Kid", "Parentof" + latin(8)))
                .send()
                .json()
                .get("userId")
                .asString();

        ServiceApi.Answer parent = api.post("/api/schools/" + GYM + "/accounts")
                .auth(bearer("admin.gym1"))
                .json("""
                        {"externalId":"%s","role":"parent","guardianOf":["%s"],"language":"ru",
                         "givenName":"Мама","familyName":"Тестова","email":"%s@example.org"}
                        """.formatted("M-" + System.nanoTime(), child, latin(8)))
                .send();

        assertThat(parent.status()).as(parent.body()).isEqualTo(201);
        JsonNode entry = api.get("/api/people/" + parent.json().get("userId").asString())
                .auth(bearer("admin.gym1"))
                .send()
                .json();
        assertThat(entry.get("guardianOf").get(0).asString()).isEqualTo(childId);
        assertThat(keycloak.realmRolesOf(parent.json().get("username").asString()))
                .contains("parent");
    }

    @Test
    void a_school_admin_creates_no_admin_and_no_coordinator_unless_the_district_allowed_it() {
        ServiceApi.Answer admin = api.post("/api/schools/" + GYM + "/accounts")
                .auth(bearer("admin.gym1"))
                .json(staff("X-" + System.nanoTime(), "admin"))
                .send();
        assertThat(admin.problem(403).get("reason").asString()).isEqualTo("role-not-grantable");

        ServiceApi.Answer coordinator = api.post("/api/schools/" + SCH2 + "/accounts")
                .auth(bearer("admin.sch2"))
                .json(staff("Y-" + System.nanoTime(), "coordinator"))
                .send();
        assertThat(coordinator.problem(403).get("reason").asString()).isEqualTo("role-not-grantable");

        // A school admin cannot allow themselves.
        assertThat(api.request(HttpMethod.PUT, "/api/schools/" + SCH2 + "/onboarding-settings")
                        .auth(bearer("admin.sch2"))
                        .json("{\"schoolAdminsGrantCoordinator\":true}")
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.request(HttpMethod.PUT, "/api/schools/" + SCH2 + "/onboarding-settings")
                        .auth(bearer("district-admin"))
                        .json("{\"schoolAdminsGrantCoordinator\":true}")
                        .send()
                        .status())
                .isEqualTo(200);
        try {
            ServiceApi.Answer allowed = api.post("/api/schools/" + SCH2 + "/accounts")
                    .auth(bearer("admin.sch2"))
                    .json(staff("Y-" + System.nanoTime(), "coordinator"))
                    .send();
            assertThat(allowed.status()).as(allowed.body()).isEqualTo(201);
            assertThat(keycloak.realmRolesOf(allowed.json().get("username").asString()))
                    .contains("coordinator");
            ServiceApi.Answer stillNoAdmin = api.post("/api/schools/" + SCH2 + "/accounts")
                    .auth(bearer("admin.sch2"))
                    .json(staff("Z-" + System.nanoTime(), "admin"))
                    .send();
            assertThat(stillNoAdmin.problem(403).get("reason").asString()).isEqualTo("role-not-grantable");
        } finally {
            api.request(HttpMethod.PUT, "/api/schools/" + SCH2 + "/onboarding-settings")
                    .auth(bearer("district-admin"))
                    .json("{\"schoolAdminsGrantCoordinator\":false}")
                    .send();
        }
    }

    @Test
    void the_district_admin_creates_a_schools_admin() throws Exception {
        ServiceApi.Answer created = api.post("/api/schools/" + GYM + "/accounts")
                .auth(bearer("district-admin"))
                .json(staff("D-" + System.nanoTime(), "admin"))
                .send();

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String username = created.json().get("username").asString();
        assertThat(keycloak.realmRolesOf(username)).contains("admin");
        assertThat(users.byUsername(username).orElseThrow().schoolId()).isEqualTo(GYM);
    }

    @Test
    void another_schools_accounts_are_not_found_and_people_without_admin_rights_are_refused() {
        ServiceApi.Answer create = api.post("/api/schools/" + SCH2 + "/accounts")
                .auth(bearer("admin.gym1"))
                .json(student("O-" + System.nanoTime(), "Other", "School"))
                .send();
        assertThat(create.problem(404)).isNotNull();
        assertThat(api.get("/api/schools/" + SCH2 + "/accounts")
                        .auth(bearer("admin.gym1"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/schools/" + SCH2 + "/onboarding-settings")
                        .auth(bearer("admin.gym1"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/schools/no-such-school/accounts")
                        .auth(bearer("district-admin"))
                        .json(student("N-" + System.nanoTime(), "No", "School"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/schools/" + GYM + "/accounts")
                        .auth(bearer("coordinator.gym1"))
                        .json(student("T-" + System.nanoTime(), "By", "Coordinator"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/schools/" + GYM + "/accounts")
                        .auth(bearer("teacher.gym1"))
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void the_school_admin_lists_the_schools_accounts_without_names() {
        api.post("/api/schools/" + GYM + "/accounts")
                .auth(bearer("admin.gym1"))
                .json(student("L-" + System.nanoTime(), "Listed", "Pupil"))
                .send();

        ServiceApi.Answer list = api.get("/api/schools/" + GYM + "/accounts?size=100")
                .auth(bearer("admin.gym1"))
                .send();

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("totalElements").asLong()).isPositive();
        assertThat(list.body()).doesNotContain("Listed").doesNotContain("Pupil");
    }

    @Test
    void bad_entries_are_refused_with_every_field_error_before_keycloak_is_asked() {
        ServiceApi.Answer refused = api.post("/api/schools/" + GYM + "/accounts")
                .auth(bearer("admin.gym1"))
                .json("""
                        {"externalId":"%s","role":"student","language":"kk","givenName":"Bad","familyName":"Entry"}
                        """.formatted("E-" + System.nanoTime()))
                .send();
        assertThat(refused.problem(400).toString()).contains("grade", "classLetter");
        assertThat(users.byUsername("bad.entry")).isEmpty();
    }

    private static String student(String externalId, String given, String family) {
        return """
                {"externalId":"%s","role":"student","grade":7,"classLetter":"Ә","language":"kk",
                 "givenName":"%s","familyName":"%s"}
                """.formatted(externalId, given, family);
    }

    private static String staff(String externalId, String role) {
        return """
                {"externalId":"%s","role":"%s","language":"ru","givenName":"Staff","familyName":"%s",
                 "email":"%s@example.org"}
                """.formatted(externalId, role, "Member" + latin(8), latin(8));
    }

    static String subject(String bearer) throws Exception {
        return SignedJWT.parse(bearer.substring("Bearer ".length()))
                .getJWTClaimsSet()
                .getSubject();
    }
}
