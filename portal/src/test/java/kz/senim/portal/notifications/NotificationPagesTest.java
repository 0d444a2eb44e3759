package kz.senim.portal.notifications;

import static kz.senim.portal.PortalPages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.GatewayApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The inbox, the e-mail settings, the admin screens and the public club page against a stand-in API. */
@SpringBootTest
@AutoConfigureMockMvc
class NotificationPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @MockitoBean
    GatewayApi api;

    @BeforeEach
    void schools() {
        when(api.get(eq("/api/schools/{id}"), any()))
                .thenReturn(new ApiAnswer(200, Map.of("timeZone", "Asia/Almaty"), null, null));
    }

    @Test
    void the_inbox_leads_only_to_portal_paths_and_opening_marks_read() throws Exception {
        UUID id = UUID.randomUUID();
        when(api.get(eq("/api/notifications?page={page}&size={size}"), any(), any()))
                .thenReturn(page(List.of(
                        Map.of(
                                "id", id.toString(),
                                "category", "CASE_WORK",
                                "subject", "A trust-box message needs your attention",
                                "text", "Someone has written.",
                                "link", "http://localhost:8080/trust-box/threads/abc",
                                "createdAt", "2026-11-26T05:00:00Z",
                                "read", false),
                        Map.of(
                                "id", UUID.randomUUID().toString(),
                                "category", "ACTIVITIES",
                                "subject", "s",
                                "text", "t",
                                "link", "https://elsewhere.example//evil",
                                "createdAt", "2026-11-26T05:00:00Z",
                                "read", true))));
        String inbox = mvc.perform(get("/notifications").with(coordinator()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(inbox)
                .contains(
                        "value=\"/trust-box/threads/abc\"",
                        "data-path=\"/trust-box/threads/abc\"",
                        "id=\"read-" + id + "\"",
                        "id=\"mark-all-read\"");
        assertThat(inbox).doesNotContain("elsewhere.example");

        mvc.perform(post("/notifications/" + id + "/open")
                        .param("path", "/trust-box/threads/abc")
                        .with(csrf())
                        .with(coordinator()))
                .andExpect(redirectedUrl("/trust-box/threads/abc"));
        verify(api).post("/api/notifications/{id}/read", null, id);
        mvc.perform(post("/notifications/" + id + "/open")
                        .param("path", "//elsewhere.example/x")
                        .with(csrf())
                        .with(coordinator()))
                .andExpect(redirectedUrl("/notifications"));
    }

    @Test
    void essential_categories_are_shown_but_not_switchable_and_the_version_is_sent_back() throws Exception {
        when(api.get("/api/notifications/preferences"))
                .thenReturn(new ApiAnswer(
                        200,
                        Map.of(
                                "categories",
                                List.of(
                                        Map.of("category", "CASE_WORK", "essential", true, "email", true),
                                        Map.of("category", "ACTIVITIES", "essential", false, "email", true),
                                        Map.of("category", "MATERIALS", "essential", false, "email", true))),
                        "\"abc\"",
                        null));
        String page = mvc.perform(get("/notifications/preferences").with(coordinator()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).containsPattern("id=\"email-CASE_WORK\"[^>]*disabled");
        mvc.perform(post("/notifications/preferences")
                        .param("etag", "\"abc\"")
                        .param("email.MATERIALS", "on")
                        .with(csrf())
                        .with(coordinator()))
                .andExpect(redirectedUrl("/notifications/preferences"));
        verify(api)
                .putIfMatch(
                        "/api/notifications/preferences",
                        Map.of("email", Map.of("ACTIVITIES", false, "MATERIALS", true)),
                        "\"abc\"");
    }

    @Test
    void the_district_admin_sees_every_school_and_registers_one() throws Exception {
        when(api.get(eq("/api/schools?page={page}&size=50&sort=id"), any()))
                .thenReturn(page(List.of(Map.of(
                        "id", "demo-gymnasium-1",
                        "names",
                                Map.of(
                                        "kk",
                                        "№1 демо гимназиясы",
                                        "ru",
                                        "Демо-гимназия №1",
                                        "en",
                                        "Demo Gymnasium No. 1"),
                        "city", "Almaty",
                        "region", "Almaty",
                        "timeZone", "Asia/Almaty",
                        "defaultLanguage", "kk",
                        "yearStartMonth", 9))));
        RequestPostProcessor admin = signedIn(registrations.findByRegistrationId("keycloak"), "d-1", null, "admin");
        String list = mvc.perform(get("/admin/schools?lang=kk").with(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list)
                .contains(
                        "№1 демо гимназиясы",
                        "href=\"/schools/demo-gymnasium-1/club?lang=kk\"",
                        "id=\"register-school\"");
        assertThat(mvc.perform(get("/admin/schools/new").with(admin))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("id=\"names-kk\"", "id=\"yearStartMonth\"");
        when(api.get(eq("/api/notifications/failed-deliveries?page={page}&size=50"), any()))
                .thenReturn(page(List.of(Map.of(
                        "id", UUID.randomUUID().toString(),
                        "recipientId", "u-1",
                        "category", "ACTIVITIES",
                        "templateKey", "activity-scheduled",
                        "attempts", 7,
                        "lastError", "550 mailbox unavailable",
                        "failedAt", "2026-11-26T05:00:00Z"))));
        assertThat(mvc.perform(get("/admin/deliveries").with(admin))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("550 mailbox unavailable");
    }

    @Test
    void the_club_page_is_public_and_leads_to_the_trust_box() throws Exception {
        when(api.get(eq("/api/schools/{school}/club?lang={lang}"), any(), any()))
                .thenReturn(new ApiAnswer(
                        200,
                        Map.of(
                                "name",
                                "Сенім",
                                "goals",
                                "Prevent conflicts",
                                "tasks",
                                "Teach mediation",
                                "principles",
                                List.of(Map.of(
                                        "principle",
                                        "VOLUNTARINESS",
                                        "title",
                                        "Voluntariness",
                                        "text",
                                        "Nobody is forced")),
                                "leaders",
                                List.of(Map.of(
                                        "title", "Pedagogue-psychologist",
                                        "officeRoom", "204",
                                        "officeHours", "Mon 14-16",
                                        "contacts", List.of(Map.of("kind", "phone", "value", "+7 700 000 00 00")))),
                                "socialLinks",
                                List.of(Map.of("network", "instagram", "url", "https://instagram.com/senim")),
                                "admissionGrades",
                                Map.of("from", 8, "to", 11),
                                "capacity",
                                20),
                        null,
                        null));
        var result = mvc.perform(get("/schools/demo-gymnasium-1/club?lang=ru"))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(result.getResponse().getContentAsString())
                .contains(
                        "Nobody is forced",
                        "204",
                        "href=\"tel:+77000000000\"",
                        "href=\"/schools/demo-gymnasium-1/trust-box?lang=ru\"");
        assertThat(result.getResponse().getHeaders("Set-Cookie")).isEmpty();
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
