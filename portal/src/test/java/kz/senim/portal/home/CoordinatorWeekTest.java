package kz.senim.portal.home;

import static kz.senim.portal.PortalPages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
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
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A coordinator's home says how many of the school's cases meet in the next seven days and which sessions
 * come first, from the {@code nextSession} of the case list's lines: no case is opened.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CoordinatorWeekTest {

    private static final String SOON = "11111111-1111-1111-1111-111111111111";
    private static final String LATER = "22222222-2222-2222-2222-222222222222";
    private static final String NEXT_MONTH = "33333333-3333-3333-3333-333333333333";
    private static final String NONE = "44444444-4444-4444-4444-444444444444";
    private static final String PAGE = "/api/cases?status={status}&page={page}&size={size}&sort=submittedAt,asc";

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
    void a_coordinator_sees_how_many_cases_meet_in_the_next_seven_days_and_the_soonest_first() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(5));
        List<Map<String, Object>> lines = List.of(
                line(LATER, now.plusDays(3), null),
                line(NEXT_MONTH, now.plusDays(10), "Room 1"),
                line(SOON, now.plusDays(1), "Room 214"),
                line(NONE, null, null));
        when(api.get(eq(PAGE), eq("IN_MEDIATION"), eq(0), eq(100)))
                .thenReturn(
                        new ApiAnswer(200, Map.of("content", lines, "totalElements", 4, "totalPages", 1), null, null));

        String page = home();

        String week =
                page.substring(page.indexOf("id=\"week\""), page.indexOf("</section>", page.indexOf("id=\"week\"")));
        assertThat(week).contains("<span class=\"count\">2</span>", "cases meet in the next 7 days", "Where: Room 214");
        assertThat(week.indexOf("week-session-" + SOON))
                .as("the soonest first")
                .isPositive()
                .isLessThan(week.indexOf("week-session-" + LATER));
        assertThat(week).doesNotContain("week-session-" + NEXT_MONTH, "week-session-" + NONE);
        verify(api, never()).get(eq("/api/cases/{id}"), any());
    }

    @Test
    void the_week_is_left_out_rather_than_shown_as_zero_when_the_api_does_not_answer() throws Exception {
        when(api.get(eq(PAGE), eq("IN_MEDIATION"), eq(0), eq(100)))
                .thenThrow(new ApiProblem(503, null, "Unavailable", "", Map.of()));

        assertThat(home()).doesNotContain("id=\"week\"");
    }

    private String home() throws Exception {
        return mvc.perform(get("/?lang=en")
                        .with(signedIn(
                                registrations.findByRegistrationId("keycloak"),
                                "c-1",
                                "demo-gymnasium-1",
                                "coordinator")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static Map<String, Object> line(String id, OffsetDateTime next, String place) {
        Map<String, Object> line = new HashMap<>();
        line.put("id", id);
        line.put("kind", "MEDIATION");
        line.put("status", "IN_MEDIATION");
        line.put("urgency", "NORMAL");
        line.put("submittedAt", "2026-12-01T10:00:00+05:00");
        if (next != null) {
            Map<String, Object> session = new HashMap<>();
            session.put("startsAt", next.toString());
            session.put("place", place);
            line.put("nextSession", session);
        } else {
            line.put("nextSession", null);
        }
        return line;
    }
}
