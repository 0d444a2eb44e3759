package kz.senim.portal.club;

import static kz.senim.portal.PortalPages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The club's forms against a stand-in API: every kind of refusal is shown where it belongs, in words. */
@SpringBootTest
@AutoConfigureMockMvc
class ClubPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @MockitoBean
    GatewayApi api;

    @BeforeEach
    void school() {
        when(api.get(eq("/api/schools/{id}"), any()))
                .thenReturn(new ApiAnswer(200, Map.of("timeZone", "Asia/Almaty"), null, null));
        when(api.get(eq("/api/people?role={role}&size=100&sort=familyName"), any()))
                .thenReturn(page(List.of()));
        when(api.get(eq("/api/people?page={page}&size=50"), any())).thenReturn(page(List.of()));
    }

    @Test
    void field_errors_stand_next_to_their_fields_and_what_was_typed_is_kept() throws Exception {
        when(api.create(eq("/api/membership/applications"), any(), anyString()))
                .thenThrow(new ApiProblem(
                        400, null, "Invalid", null, Map.of("availability", "Укажите, когда вы свободны")));
        String page = mvc.perform(post("/club/apply?lang=ru")
                        .param("motivation", "Хочу помогать")
                        .param("availability", "")
                        .param("idempotencyKey", "k-1")
                        .with(csrf())
                        .with(student()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"availability-error\"", "Укажите, когда вы свободны", "aria-invalid=\"true\"")
                .contains("aria-describedby=\"availability-error\"", "Хочу помогать", "value=\"k-1\"");
    }

    @Test
    void a_refused_application_is_explained_in_words() throws Exception {
        when(api.create(eq("/api/membership/applications"), any(), anyString()))
                .thenThrow(new ApiProblem(409, "grade-not-admitted", "Refused", "grade 5", Map.of()));
        String page = mvc.perform(post("/club/apply?lang=ru")
                        .param("motivation", "Хочу помогать")
                        .param("availability", "Среда")
                        .param("idempotencyKey", "k-2")
                        .with(csrf())
                        .with(student()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Клуб принимает учеников только определённых классов")
                .doesNotContain("value=\"k-2\"");
    }

    @Test
    void every_rows_problem_of_an_import_is_listed_by_its_place() throws Exception {
        when(api.send(eq(HttpMethod.POST), eq("/api/people/imports"), any(byte[].class), any()))
                .thenThrow(new ApiProblem(
                        400,
                        null,
                        "Invalid",
                        null,
                        Map.of("rows[3].grade", "must be 1 to 11", "rows[5].role", "unknown role")));
        String page = mvc.perform(multipart("/club/people/import")
                        .file(new MockMultipartFile(
                                "file", "people.csv", "text/csv", "userId,role\n".getBytes(StandardCharsets.UTF_8)))
                        .with(csrf())
                        .with(coordinator()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"import-errors\"", "rows[3].grade", "must be 1 to 11", "rows[5].role");
    }

    @Test
    void a_stale_profile_edit_is_explained_and_the_text_typed_is_kept() throws Exception {
        Map<String, Object> profile = Map.of(
                "name", Map.of("kk", "Сенім", "ru", "Сеним", "en", "Senim"),
                "goals", Map.of("kk", "a", "ru", "b", "en", "c"),
                "tasks", Map.of("kk", "a", "ru", "b", "en", "c"),
                "principles", List.of(),
                "leaders", List.of(),
                "socialLinks", List.of(),
                "admissionGradeFrom", 8,
                "admissionGradeTo", 11,
                "capacity", 20);
        when(api.get(eq("/api/schools/{id}/club/profile"), any()))
                .thenReturn(new ApiAnswer(200, profile, "\"5\"", null));
        when(api.putIfMatch(eq("/api/schools/{id}/club/profile"), any(), eq("\"4\""), any()))
                .thenThrow(new ApiProblem(412, null, "Stale", null, Map.of()));
        String page = mvc.perform(post("/club/profile?lang=ru")
                        .param("etag", "\"4\"")
                        .param("name.kk", "Жаңа атау")
                        .param("name.ru", "Новое название")
                        .param("name.en", "New name")
                        .param("capacity", "25")
                        .with(csrf())
                        .with(coordinator()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("кто-то другой", "Новое название", "value=\"25\"")
                .contains("value=\"&quot;5&quot;\"");
    }

    private RequestPostProcessor student() {
        return signedIn(registrations.findByRegistrationId("keycloak"), "s-1", "demo-gymnasium-1", "student");
    }

    private RequestPostProcessor coordinator() {
        return signedIn(registrations.findByRegistrationId("keycloak"), "c-1", "demo-gymnasium-1", "coordinator");
    }

    private static ApiAnswer page(List<Map<String, Object>> content) {
        return new ApiAnswer(
                200,
                Map.of("content", content, "page", 0, "size", 20, "totalElements", content.size(), "totalPages", 1),
                null,
                null);
    }
}
