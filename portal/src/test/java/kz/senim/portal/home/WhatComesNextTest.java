package kz.senim.portal.home;

import static kz.senim.portal.PortalPages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
 * A student's home says when and where their case's next meeting is; a mediator's lists their next sessions
 * and how far along the curriculum they are. All from the lists the API gives: no case is opened (a home page
 * is never a confidential read).
 */
@SpringBootTest
@AutoConfigureMockMvc
class WhatComesNextTest {

    private static final String CASE = "44444444-4444-4444-4444-444444444444";
    private static final String QUIET = "55555555-5555-5555-5555-555555555555";

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @MockitoBean
    GatewayApi api;

    @BeforeEach
    void casesWithANextMeeting() {
        when(api.get(eq("/api/schools/{id}"), any()))
                .thenReturn(new ApiAnswer(200, Map.of("timeZone", "Asia/Almaty"), null, null));
        Map<String, Object> meeting = line(CASE, "IN_MEDIATION");
        meeting.put("nextSession", Map.of("startsAt", "2026-12-09T14:30:00+05:00", "place", "Room 214"));
        Map<String, Object> quiet = line(QUIET, "SUBMITTED");
        quiet.put("nextSession", null);
        ApiAnswer cases =
                new ApiAnswer(200, Map.of("content", List.of(meeting, quiet), "totalElements", 2), null, null);
        when(api.get("/api/cases?page=0&size=5&sort=submittedAt,desc")).thenReturn(cases);
        when(api.get(eq("/api/cases?page=0&size={size}&sort=submittedAt,desc"), eq(50)))
                .thenReturn(cases);
    }

    @Test
    void a_student_sees_the_day_time_and_room_of_their_cases_next_meeting() throws Exception {
        String page = home("s-1", "student");

        String next = page.substring(page.indexOf("id=\"my-case-next-" + CASE + "\""));
        assertThat(next.substring(0, next.indexOf("</span>"))).contains("Next meeting: Wednesday", "2:30", "Room 214");
        assertThat(page).doesNotContain("my-case-next-" + QUIET, "id=\"next-sessions\"", "id=\"my-progress\"");
        verify(api, never()).get(eq("/api/cases/{id}"), anyString());
    }

    @Test
    void a_parent_sees_first_that_their_childs_case_waits_for_their_consent_and_how_to_give_it() throws Exception {
        Map<String, Object> child = line(CASE, "AWAITING_CONSENT");
        child.put("asGuardian", true);
        child.put("awaitingYourConsent", true);
        Map<String, Object> asked = line(QUIET, "SUBMITTED");
        asked.put("askedBy", "PARENT");
        asked.put("awaitingYourConsent", false);
        ApiAnswer cases = new ApiAnswer(200, Map.of("content", List.of(asked, child), "totalElements", 2), null, null);
        when(api.get("/api/cases?page=0&size=5&sort=submittedAt,desc")).thenReturn(cases);
        when(api.get(eq("/api/cases?page=0&size={size}&sort=submittedAt,desc"), eq(50)))
                .thenReturn(cases);

        String page = home("p-1", "parent");

        String awaiting = page.substring(
                page.indexOf("id=\"awaiting-consent\""),
                page.indexOf("</section>", page.indexOf("id=\"awaiting-consent\"")));
        assertThat(awaiting)
                .contains(
                        "id=\"awaiting-" + CASE + "\"",
                        "href=\"/cases/" + CASE + "#guardian-consent\"",
                        "Your child&#39;s case: the school asks for your consent")
                .doesNotContain(QUIET);
        assertThat(page.indexOf("id=\"awaiting-consent\"")).isLessThan(page.indexOf("id=\"my-cases\""));
        // What they asked stands below, and their child's case says whose it is.
        assertThat(page).contains("id=\"my-case-" + QUIET + "\"", "id=\"my-case-" + CASE + "\"");
        String childLine = page.substring(page.indexOf("id=\"my-case-" + CASE + "\""));
        assertThat(childLine.substring(0, childLine.indexOf("</li>"))).contains("your child&#39;s case");
        verify(api, never()).get(eq("/api/cases/{id}"), anyString());
    }

    @Test
    void nothing_waits_on_a_home_where_no_line_awaits_the_viewers_answer() throws Exception {
        assertThat(home("s-1", "student")).doesNotContain("id=\"awaiting-consent\"");
    }

    @Test
    void a_mediator_sees_their_next_sessions_and_how_far_along_the_curriculum_they_are() throws Exception {
        when(api.get(eq("/api/membership/members/{id}"), eq("m-1")))
                .thenReturn(new ApiAnswer(200, Map.of("status", "TRAINEE"), null, null));
        when(api.get(eq("/api/activities/curriculum/trainees/{id}"), eq("m-1")))
                .thenReturn(new ApiAnswer(
                        200,
                        Map.of(
                                "modulesCompleted",
                                List.of("CONFLICT_BASICS", "ACTIVE_LISTENING", "NEUTRALITY"),
                                "modulesMissing",
                                List.of("AGREEMENTS"),
                                "simulationsAttended",
                                1,
                                "simulationsRequired",
                                3),
                        null,
                        null));

        String page = home("m-1", "student", "mediator");

        assertThat(page).contains("id=\"next-session-" + CASE + "\"", "Where: Room 214");
        assertThat(page).contains("Modules 3 of 4; simulations 1 of 3.");
    }

    @Test
    void a_certified_mediator_is_certified_on_their_home_as_on_every_other_page() throws Exception {
        when(api.get(eq("/api/membership/members/{id}"), eq("m-2")))
                .thenReturn(new ApiAnswer(200, Map.of("status", "CERTIFIED"), null, null));
        when(api.get(eq("/api/activities/curriculum/trainees/{id}"), eq("m-2")))
                .thenThrow(new ApiProblem(404, null, "Not found", "", Map.of()));

        String page = home("m-2", "student", "mediator");

        assertThat(page).contains("id=\"home-certified\"", "certified young mediator");
        assertThat(page).doesNotContain("id=\"progress-modules\"");
    }

    private String home(String user, String... roles) throws Exception {
        return mvc.perform(get("/?lang=en")
                        .with(signedIn(
                                registrations.findByRegistrationId("keycloak"), user, "demo-gymnasium-1", roles)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static Map<String, Object> line(String id, String status) {
        Map<String, Object> line = new HashMap<>();
        line.put("id", id);
        line.put("kind", "MEDIATION");
        line.put("status", status);
        line.put("urgency", "NORMAL");
        line.put("submittedAt", "2026-12-01T10:00:00+05:00");
        return line;
    }
}
