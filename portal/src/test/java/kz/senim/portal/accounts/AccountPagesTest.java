package kz.senim.portal.accounts;

import static kz.senim.portal.PortalPages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The accounts and onboarding pages against a stand-in API: what they show and what they forward. */
@SpringBootTest
@AutoConfigureMockMvc
class AccountPagesTest {

    static final String LIST = "/api/schools/{id}/accounts?page={page}&size=50&sort=username";

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @MockitoBean
    GatewayApi api;

    @Test
    void the_school_admin_sees_each_accounts_status_and_only_the_actions_that_fit_it() throws Exception {
        when(api.get(eq(LIST), eq("school-a"), eq(0)))
                .thenReturn(page(
                        account("u1", "aigerim.nurtasova", "student", "never-signed-in", false, null),
                        account("u2", "mama.ivanova", "parent", "invited", true, "2026-12-09T10:00:00Z"),
                        account("u3", "erlan.b", "teacher", "active", true, null),
                        account("u4", "left.pupil", "student", "disabled", false, null)));

        String html = mvc.perform(
                        get("/admin/schools/school-a/accounts?lang=ru").with(as("admin-a", "school-a")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html)
                .contains("Не входил", "Приглашён", "Активна", "Отключена", "ссылка действует до 2026-12-09")
                .contains("id=\"resend-mama.ivanova\"", "id=\"code-aigerim.nurtasova\"", "id=\"enable-left.pupil\"")
                .doesNotContain("id=\"resend-aigerim.nurtasova\"", "id=\"resend-erlan.b\"")
                .doesNotContain("id=\"disable-left.pupil\"", "id=\"code-left.pupil\"")
                .contains("<option value=\"windows-1251\"", "id=\"sheet-form\"")
                .doesNotContain("id=\"to-onboarding\"");
        assertThat(labelled(html, "charset")).as("every field has its label").isTrue();
        assertThat(labelled(html, "file")).isTrue();
        assertThat(labelled(html, "grade")).isTrue();
    }

    @Test
    void an_import_is_previewed_with_the_declared_charset_and_made_from_the_same_bytes() throws Exception {
        byte[] file = "externalId,role,language,givenName,familyName\nt1,teacher,ru,Ерлан,Б\n"
                .getBytes(Charset.forName("windows-1251"));
        Map<String, Object> preview = report(List.of(step(2, "t1", "teacher")), List.of());
        when(api.send(
                        eq(HttpMethod.POST),
                        eq("/api/schools/{id}/accounts/imports?dryRun=true"),
                        any(byte[].class),
                        any(MediaType.class),
                        eq("school-a")))
                .thenReturn(new ApiAnswer(200, preview, null, null));

        String html = mvc.perform(multipart("/admin/schools/school-a/accounts/import?lang=en")
                        .file(new MockMultipartFile("file", "staff.csv", "text/csv", file))
                        .param("charset", "windows-1251")
                        .with(csrf())
                        .with(as("admin-a", "school-a")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        ArgumentCaptor<MediaType> type = ArgumentCaptor.forClass(MediaType.class);
        verify(api)
                .send(
                        eq(HttpMethod.POST),
                        eq("/api/schools/{id}/accounts/imports?dryRun=true"),
                        eq(file),
                        type.capture(),
                        eq("school-a"));
        assertThat(type.getValue().getCharset()).isEqualTo(Charset.forName("windows-1251"));
        assertThat(html)
                .contains(
                        "Nothing has changed yet",
                        "id=\"preview-created\"",
                        "Accounts that will be created",
                        "id=\"import-commit\"");
        verify(api, never())
                .send(
                        eq(HttpMethod.POST),
                        eq("/api/schools/{id}/accounts/imports"),
                        any(byte[].class),
                        any(MediaType.class),
                        any());

        Matcher content = Pattern.compile("id=\"import-content\" name=\"content\" value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(content.find()).isTrue();
        String carried = org.springframework.web.util.HtmlUtils.htmlUnescape(content.group(1));
        assertThat(java.util.Base64.getDecoder().decode(carried))
                .as("the preview carries the very bytes: " + carried)
                .isEqualTo(file);
        Matcher key = Pattern.compile("name=\"importKey\" value=\"([^\"]+)\"").matcher(html);
        assertThat(key.find())
                .as("the preview's form carries one Idempotency-Key")
                .isTrue();
        when(api.sendOnce(
                        eq(HttpMethod.POST),
                        eq("/api/schools/{id}/accounts/imports"),
                        any(byte[].class),
                        any(MediaType.class),
                        eq(key.group(1)),
                        eq("school-a")))
                .thenReturn(new ApiAnswer(
                        202,
                        Map.of("id", "imp-1", "status", "queued"),
                        null,
                        "/api/schools/school-a/accounts/imports/imp-1"));

        mvc.perform(multipart("/admin/schools/school-a/accounts/import")
                        .param("step", "commit")
                        .param("content", carried)
                        .param("fileName", "staff.csv")
                        .param("charset", "windows-1251")
                        .param("importKey", key.group(1))
                        .with(csrf())
                        .with(as("admin-a", "school-a")))
                .andExpect(result -> assertThat(result.getResponse().getStatus())
                        .as(result.getResponse().getContentAsString())
                        .isEqualTo(302))
                .andExpect(redirectedUrl("/admin/schools/school-a/accounts/imports/imp-1"));
        verify(api)
                .sendOnce(
                        eq(HttpMethod.POST),
                        eq("/api/schools/{id}/accounts/imports"),
                        eq(file),
                        eq(type.getValue()),
                        eq(key.group(1)),
                        eq("school-a"));
    }

    @Test
    void a_running_imports_page_reloads_itself_until_done_and_then_shows_the_result() throws Exception {
        String path = "/api/schools/{id}/accounts/imports/{import}";
        Map<String, Object> running = new java.util.HashMap<>(Map.of(
                "id",
                "imp-1",
                "status",
                "running",
                "processed",
                12,
                "total",
                40,
                "created",
                38,
                "changed",
                1,
                "disabled",
                1,
                "refused",
                0,
                "unchanged",
                3));
        when(api.get(eq(path), eq("school-a"), eq("imp-1"))).thenReturn(new ApiAnswer(200, running, null, null));

        String html = page("/admin/schools/school-a/accounts/imports/imp-1?lang=en");
        assertThat(html)
                .contains(
                        "<meta http-equiv=\"refresh\" content=\"3\">",
                        "12 of 40 rows done",
                        "<progress id=\"import-progress\" max=\"40\" value=\"12\">",
                        "role=\"status\"",
                        "id=\"import-refresh-stop\"",
                        "What the import does")
                .doesNotContain("id=\"result-created\"");

        String stopped = page("/admin/schools/school-a/accounts/imports/imp-1?lang=en&refresh=off");
        assertThat(stopped)
                .as("the viewer can stop the reloading")
                .doesNotContain("http-equiv=\"refresh\"", "id=\"import-refresh-stop\"")
                .contains("no longer reloads itself", "id=\"import-refresh-now\"");

        Map<String, Object> done = new java.util.HashMap<>(running);
        done.put("status", "done");
        done.put("processed", 40);
        done.put("refused", 1);
        Map<String, Object> result = report(
                List.of(step(2, "t1", "teacher")),
                List.of(Map.of(
                        "field", "rows[3]", "code", "conflict.username-unavailable", "message", "No free username")));
        done.put("result", result);
        when(api.get(eq(path), eq("school-a"), eq("imp-1"))).thenReturn(new ApiAnswer(200, done, null, null));
        String finished = page("/admin/schools/school-a/accounts/imports/imp-1?lang=en");
        assertThat(finished)
                .doesNotContain("http-equiv=\"refresh\"", "<progress")
                .contains(
                        "The import is done",
                        "What the import did",
                        "id=\"result-created\"",
                        "Accounts created",
                        "rows[3]",
                        "No free username");
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(as("admin-a", "school-a")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void a_preview_with_refused_rows_explains_them_and_offers_no_import() throws Exception {
        Map<String, Object> refused = new LinkedHashMap<>();
        refused.put("field", "rows[6].role");
        refused.put("code", "accounts.role.notGrantable");
        refused.put("message", "you may not give this role");
        when(api.send(any(), any(), any(byte[].class), any(), eq("school-a")))
                .thenReturn(new ApiAnswer(200, report(List.of(), List.of(refused)), null, null));

        String html = mvc.perform(multipart("/admin/schools/school-a/accounts/import?lang=en")
                        .file(new MockMultipartFile("file", "people.xlsx", "application/octet-stream", new byte[] {1}))
                        .with(csrf())
                        .with(as("admin-a", "school-a")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html).contains("rows[6].role", "you may not give this role").doesNotContain("import-commit");
        ArgumentCaptor<MediaType> type = ArgumentCaptor.forClass(MediaType.class);
        verify(api).send(any(), any(), any(byte[].class), type.capture(), eq("school-a"));
        assertThat(type.getValue()).isEqualTo(AccountPages.XLSX);
    }

    @Test
    void a_new_code_is_shown_once_and_the_class_sheet_is_a_download_the_browser_does_not_keep() throws Exception {
        when(api.post(eq("/api/schools/{id}/accounts/{user}/first-login-code"), isNull(), eq("school-a"), eq("u1")))
                .thenReturn(
                        new ApiAnswer(200, Map.of("username", "aigerim.nurtasova", "code", "K7QM4-XPDTR"), null, null));
        mvc.perform(post("/admin/schools/school-a/accounts/u1/code")
                        .with(csrf())
                        .with(as("admin-a", "school-a")))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("K7QM4-XPDTR", "aigerim.nurtasova"));

        when(api.postForFile(eq("/api/schools/{id}/accounts/class-sheets"), any(), eq("school-a")))
                .thenReturn(new GatewayApi.ApiFile("%PDF-1.7".getBytes(), MediaType.APPLICATION_PDF));
        mvc.perform(post("/admin/schools/school-a/accounts/class-sheet")
                        .param("grade", "3")
                        .param("classLetter", "А")
                        .param("language", "kk")
                        .with(csrf())
                        .with(as("admin-a", "school-a")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(api).postForFile(eq("/api/schools/{id}/accounts/class-sheets"), body.capture(), eq("school-a"));
        assertThat(body.getValue()).containsEntry("grade", 3).containsEntry("classLetter", "А");
    }

    @Test
    void a_refused_action_is_explained_on_the_list() throws Exception {
        when(api.post(eq("/api/schools/{id}/accounts/{user}/invitation"), isNull(), eq("school-a"), eq("u3")))
                .thenThrow(new ApiProblem(409, "first-sign-in-done", "Conflict", "Already signed in", Map.of()));
        mvc.perform(post("/admin/schools/school-a/accounts/u3/invitation")
                        .with(csrf())
                        .with(as("admin-a", "school-a")))
                .andExpect(status().is3xxRedirection())
                .andExpect(result ->
                        assertThat(result.getFlashMap().get("actionError")).isEqualTo("Already signed in"));
    }

    @Test
    void the_district_admin_sees_every_schools_progress_and_creates_its_admin() throws Exception {
        Map<String, Object> school = new LinkedHashMap<>();
        school.put("id", "school-a");
        school.put("names", Map.of("kk", "Мектеп", "ru", "Школа", "en", "School A"));
        when(api.get(eq("/api/schools?page={page}&size=20&sort=id"), eq(0)))
                .thenReturn(new ApiAnswer(
                        200,
                        Map.of("content", List.of(school), "page", 0, "size", 20, "totalElements", 1, "totalPages", 1),
                        null,
                        null));
        when(api.get(eq("/api/schools/{id}/accounts/progress"), eq("school-a")))
                .thenReturn(new ApiAnswer(
                        200,
                        Map.of(
                                "student", Map.of("accounts", 20, "signedIn", 5, "disabled", 1),
                                "parent", Map.of("accounts", 8, "signedIn", 6, "disabled", 0)),
                        null,
                        null));

        String html = mvc.perform(get("/admin/onboarding?lang=en").with(as("district", null)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("School A", "11 / 28", "students: 5 / 20", "parents: 6 / 8", "new-admin-school-a");

        when(api.post(eq("/api/schools/{id}/accounts"), any(), eq("school-a")))
                .thenReturn(new ApiAnswer(201, Map.of("username", "erlan.baimukhanov"), null, null));
        mvc.perform(post("/admin/schools/school-a/admins")
                        .param("externalId", "staff-001")
                        .param("givenName", "Ерлан")
                        .param("familyName", "Баймуханов")
                        .param("email", "")
                        .param("language", "ru")
                        .with(csrf())
                        .with(as("district", null)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/schools/school-a/accounts"))
                .andExpect(result ->
                        assertThat(result.getFlashMap().get("createdUsername")).isEqualTo("erlan.baimukhanov"));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(api).post(eq("/api/schools/{id}/accounts"), body.capture(), eq("school-a"));
        assertThat(body.getValue())
                .containsEntry("role", "admin")
                .containsEntry("externalId", "staff-001")
                .containsEntry("email", null);
    }

    @Test
    void a_refused_admin_form_keeps_what_was_typed_and_names_the_field() throws Exception {
        when(api.post(eq("/api/schools/{id}/accounts"), any(), eq("school-a")))
                .thenThrow(new ApiProblem(
                        400, null, "Bad", "Invalid", Map.of("externalId", "must be the school's own id")));
        String html = mvc.perform(post("/admin/schools/school-a/admins?lang=en")
                        .param("externalId", "бад ид")
                        .param("givenName", "Ерлан")
                        .param("familyName", "Б")
                        .param("language", "ru")
                        .with(csrf())
                        .with(as("district", null)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("id=\"error-summary\"", "must be the school&#39;s own id", "value=\"Ерлан\"")
                .contains("aria-invalid=\"true\"");
    }

    @Test
    void only_admins_see_accounts_and_only_the_district_admin_the_rollout() throws Exception {
        mvc.perform(get("/admin/schools/school-a/accounts").with(as("s1", "school-a", "student")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/onboarding").with(as("admin-a", "school-a"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/schools/school-a/admins/new").with(as("admin-a", "school-a")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/accounts").with(as("admin-a", "school-a")))
                .andExpect(redirectedUrl("/admin/schools/school-a/accounts"));
        mvc.perform(get("/admin/accounts").with(as("district", null))).andExpect(redirectedUrl("/admin/onboarding"));
    }

    private static boolean labelled(String html, String id) {
        return html.contains("for=\"" + id + "\"") && html.contains("id=\"" + id + "\"");
    }

    private static ApiAnswer page(Map<?, ?>... accounts) {
        Map<String, Object> page = new HashMap<>();
        page.put("content", List.of(accounts));
        page.put("page", 0);
        page.put("size", 50);
        page.put("totalElements", accounts.length);
        page.put("totalPages", 1);
        return new ApiAnswer(200, page, null, null);
    }

    private static Map<String, Object> account(
            String userId, String username, String role, String status, boolean email, String expires) {
        Map<String, Object> account = new HashMap<>();
        account.put("userId", userId);
        account.put("username", username);
        account.put("externalId", "x-" + userId);
        account.put("role", role);
        account.put("status", status);
        account.put("email", email);
        account.put("invitedAt", expires == null ? null : "2026-12-06T10:00:00Z");
        account.put("invitationExpiresAt", expires);
        return account;
    }

    private static Map<String, Object> step(int row, String externalId, String role) {
        return Map.of("row", row, "externalId", externalId, "role", role);
    }

    private static Map<String, Object> report(List<?> created, List<?> refused) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("dryRun", true);
        report.put("created", created);
        report.put("changed", List.of());
        report.put("disabled", List.of());
        report.put("refused", refused);
        report.put("unchanged", 0);
        return report;
    }

    private RequestPostProcessor as(String user, String school, String... roles) {
        return signedIn(
                registrations.findByRegistrationId("keycloak"),
                user,
                school,
                roles.length == 0 ? new String[] {"admin"} : roles);
    }
}
