package kz.senim.portal.cases;

import static kz.senim.portal.PortalPages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
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

/**
 * The triage inbox and "my requests" tell requests apart without opening them: who asked, between how many
 * people, how urgent and where each stands, in colour and in words, the urgent ones first.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TellingRequestsApartTest {

    private static final String CALM = "11111111-1111-1111-1111-111111111111";
    private static final String URGENT = "22222222-2222-2222-2222-222222222222";
    private static final String ANONYMOUS = "33333333-3333-3333-3333-333333333333";

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
    void the_triage_inbox_puts_the_urgent_request_first_and_says_who_asked_and_between_how_many() throws Exception {
        when(api.get(startsWith("/api/cases?")))
                .thenReturn(page(
                        line(CALM, "NORMAL", "STUDENT", 2),
                        line(URGENT, "HIGH", "PARENT", 3),
                        line(ANONYMOUS, "LOW", "TRUST_BOX", 0)));

        String page = mvc.perform(get("/cases?status=SUBMITTED&lang=en")
                        .with(signedIn(
                                registrations.findByRegistrationId("keycloak"),
                                "c-1",
                                "demo-gymnasium-1",
                                "coordinator")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page.indexOf("id=\"case-" + URGENT))
                .as("urgent first")
                .isLessThan(page.indexOf("id=\"case-" + CALM))
                .isLessThan(page.indexOf("id=\"case-" + ANONYMOUS));
        String urgent = lineOf(page, URGENT);
        assertThat(urgent)
                .contains("Asked by a parent", "3 people involved", "Urgent", "Sent, waiting for triage")
                .contains("tag urgency-HIGH", "tag status tone-waiting");
        assertThat(lineOf(page, CALM)).contains("Asked by a student", "2 people involved", "Normal");
        assertThat(lineOf(page, ANONYMOUS)).contains("From the trust box (anonymous)", "Nobody named yet");
    }

    @Test
    void my_requests_say_which_ones_i_asked_and_leave_out_what_the_api_does_not_tell_a_party() throws Exception {
        Map<String, Object> namedIn = line(CALM, "NORMAL", null, null);
        when(api.get("/api/cases?size=50&sort=submittedAt,desc"))
                .thenReturn(page(namedIn, line(URGENT, "HIGH", "STUDENT", 2)));
        when(api.get("/api/consultations?size=50")).thenReturn(page());

        String page = mvc.perform(get("/requests?lang=ru")
                        .with(signedIn(
                                registrations.findByRegistrationId("keycloak"), "s-1", "demo-gymnasium-1", "student")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page.indexOf("id=\"case-" + URGENT)).isLessThan(page.indexOf("id=\"case-" + CALM));
        assertThat(lineOf(page, URGENT)).contains("Ваше обращение", "Участников: 2", "Срочно");
        assertThat(lineOf(page, CALM))
                .doesNotContain("Ваше обращение", "Участников", "Обращение ученика")
                .contains("Обычная");
    }

    @Test
    void a_parents_requests_tell_their_childs_case_apart_and_say_it_waits_for_their_answer() throws Exception {
        Map<String, Object> child = line(CALM, "NORMAL", null, null);
        child.put("status", "AWAITING_CONSENT");
        child.put("asGuardian", true);
        child.put("awaitingYourConsent", true);
        Map<String, Object> asked = line(URGENT, "NORMAL", "PARENT", 2);
        asked.put("asGuardian", false);
        asked.put("awaitingYourConsent", false);
        when(api.get("/api/cases?size=50&sort=submittedAt,desc")).thenReturn(page(asked, child));
        when(api.get("/api/consultations?size=50")).thenReturn(page());

        String page = mvc.perform(get("/requests?lang=kk")
                        .with(signedIn(
                                registrations.findByRegistrationId("keycloak"), "p-1", "demo-gymnasium-1", "parent")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(lineOf(page, CALM))
                .contains("Балаңыздың жағдайы", "Сіздің жауабыңызды күтуде")
                .doesNotContain("Сіздің өтінішіңіз", "Қатысушылар");
        assertThat(lineOf(page, URGENT))
                .contains("Сіздің өтінішіңіз")
                .doesNotContain("Балаңыздың жағдайы", "Сіздің жауабыңызды күтуде");
    }

    private static String lineOf(String page, String id) {
        String from = page.substring(page.indexOf("id=\"line-" + id));
        return from.substring(0, from.indexOf("</li>"));
    }

    private static Map<String, Object> line(String id, String urgency, String askedBy, Integer parties) {
        Map<String, Object> line = new HashMap<>();
        line.put("id", id);
        line.put("kind", "MEDIATION");
        line.put("status", "SUBMITTED");
        line.put("urgency", urgency);
        line.put("submittedAt", "2026-12-03T10:15:00+05:00");
        line.put("askedBy", askedBy);
        line.put("partyCount", parties);
        return line;
    }

    @SafeVarargs
    private static ApiAnswer page(Map<String, Object>... lines) {
        return new ApiAnswer(
                200, Map.of("content", List.of(lines), "totalElements", lines.length, "totalPages", 1), null, null);
    }
}
