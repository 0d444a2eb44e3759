package kz.senim.portal.web;

import static kz.senim.portal.PortalPages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
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

/** The smaller things of issue 16 that a page shows or a screen reader reads. */
@SpringBootTest
@AutoConfigureMockMvc
class GuidanceDetailsTest {

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
    }

    @Test
    void a_student_on_an_admin_page_is_told_it_is_not_allowed_in_their_frame() throws Exception {
        String page = mvc.perform(get("/admin/schools/new?lang=en")
                        .with(signedIn(
                                registrations.findByRegistrationId("keycloak"), "s-1", "demo-gymnasium-1", "student")))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("<h1>Not allowed</h1>", "href=\"/notifications\"")
                .doesNotContain("went wrong");
    }

    @Test
    void a_coordinator_lands_on_what_waits_with_the_apis_counts_urgent_first() throws Exception {
        when(api.get(eq("/api/cases?status={status}&page=0&size={size}&sort=submittedAt,asc"), any(), any()))
                .thenAnswer(call -> switch ((String) call.getArgument(1)) {
                    case "SUBMITTED" ->
                        page(
                                7,
                                java.util.List.of(
                                        Map.of("urgency", "NORMAL", "submittedAt", "2026-12-01T09:00:00+05:00"),
                                        Map.of("urgency", "HIGH", "submittedAt", "2026-12-02T09:00:00+05:00")));
                    case "AWAITING_CONSENT" ->
                        page(
                                2,
                                java.util.List.of(
                                        Map.of("urgency", "LOW", "submittedAt", "2026-11-20T09:00:00+05:00")));
                    default -> page(0, java.util.List.of());
                });
        when(api.get(eq("/api/trust-box/threads?page=0&size={size}"), any()))
                .thenReturn(page(
                        2,
                        java.util.List.of(
                                Map.of("awaitingAnswer", true, "lastMessageAt", "2026-12-03T10:00:00+05:00"),
                                Map.of("awaitingAnswer", false, "lastMessageAt", "2026-12-01T10:00:00+05:00"))));
        when(api.get(eq("/api/membership/applications?status={status}&page=0&size=1"), any()))
                .thenReturn(page(4, java.util.List.of()));
        String home = mvc.perform(get("/?lang=en")
                        .with(signedIn(
                                registrations.findByRegistrationId("keycloak"),
                                "c-1",
                                "demo-gymnasium-1",
                                "coordinator")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String today =
                home.substring(home.indexOf("id=\"today\""), home.indexOf("</section>", home.indexOf("id=\"today\"")));
        assertThat(today)
                .contains("<span class=\"count\">7</span>", "1 urgent", "<span class=\"count\">4</span>")
                .contains("href=\"/cases?status=SUBMITTED\"", "href=\"/trust-box/threads\"");
        assertThat(today.indexOf("today-triage")).isLessThan(today.indexOf("today-trustBox"));
        assertThat(today.indexOf("today-consent"))
                .as("waiting before nothing waiting")
                .isLessThan(today.indexOf("today-assign"));
        assertThat(today.substring(today.indexOf("today-trustBox")))
                .startsWith("today-trustBox\"")
                .contains("<span class=\"count\">1</span>");
    }

    @Test
    void a_students_home_says_where_their_cases_stand() throws Exception {
        when(api.get("/api/cases?page=0&size=5&sort=submittedAt,desc"))
                .thenReturn(page(
                        1,
                        java.util.List.of(Map.of(
                                "id",
                                "0b7e4c1e-0000-4000-8000-000000000001",
                                "status",
                                "IN_MEDIATION",
                                "submittedAt",
                                "2026-12-01T09:00:00+05:00"))));
        String home = mvc.perform(get("/?lang=en")
                        .with(signedIn(
                                registrations.findByRegistrationId("keycloak"), "s-1", "demo-gymnasium-1", "student")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(home)
                .contains("id=\"my-cases\"", "href=\"/cases/0b7e4c1e-0000-4000-8000-000000000001\"", ">In mediation<")
                .doesNotContain("id=\"today\"");
        assertThat(home.indexOf("id=\"my-cases\"")).isLessThan(home.indexOf("class=\"tasks\""));
    }

    @Test
    void the_menu_marks_the_page_one_is_on_and_only_that_one() throws Exception {
        when(api.get(org.mockito.ArgumentMatchers.anyString())).thenReturn(page(0, java.util.List.of()));

        String home = pageAs("/?lang=en", "s-1", "student");
        assertThat(home).contains("href=\"/\" aria-current=\"page\"");
        assertThat(home.split("aria-current=\"page\"", -1)).hasSize(2);

        String requests = pageAs("/requests?lang=en", "s-1", "student");
        assertThat(requests)
                .contains("href=\"/requests\" aria-current=\"page\"")
                .doesNotContain("href=\"/requests/new\" aria-current", "href=\"/\" aria-current");

        String triage = pageAs("/cases?status=SUBMITTED&lang=en", "c-1", "coordinator");
        assertThat(triage)
                .contains("href=\"/cases?status=SUBMITTED\" aria-current=\"page\"")
                .doesNotContain("href=\"/cases\" aria-current");
        String all = pageAs("/cases?lang=en", "c-1", "coordinator");
        assertThat(all)
                .contains("href=\"/cases\" aria-current=\"page\"")
                .doesNotContain("href=\"/cases?status=SUBMITTED\" aria-current");
    }

    private String pageAs(String url, String user, String... roles) throws Exception {
        return mvc.perform(get(url).with(signedIn(
                        registrations.findByRegistrationId("keycloak"), user, "demo-gymnasium-1", roles)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static ApiAnswer page(long total, java.util.List<Map<String, Object>> content) {
        return new ApiAnswer(200, Map.of("content", content, "totalElements", total), null, null);
    }

    @Test
    void the_badge_is_read_once_by_a_screen_reader() throws Exception {
        when(api.get("/api/notifications/unread-count"))
                .thenReturn(new ApiAnswer(200, Map.of("unread", 35), null, null));
        String badge = mvc.perform(get("/notifications/badge?lang=en")
                        .with(signedIn(
                                registrations.findByRegistrationId("keycloak"), "s-1", "demo-gymnasium-1", "student")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(badge).contains("class=\"badge\" aria-hidden=\"true\">35<", "35 unread");
    }

    @Test
    void signing_in_from_the_front_page_leaves_the_language_to_the_account_unless_one_was_chosen() throws Exception {
        String plain = mvc.perform(get("/").header("Accept-Language", "ru"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(plain)
                .contains("href=\"/oauth2/authorization/keycloak\"", "class=\"brand\" href=\"/\"")
                .doesNotContain("keycloak?lang=");
        String chosen = mvc.perform(get("/?lang=en")).andReturn().getResponse().getContentAsString();
        assertThat(chosen)
                .contains("href=\"/oauth2/authorization/keycloak?lang=en\"", "class=\"brand\" href=\"/?lang=en\"");
    }
}
