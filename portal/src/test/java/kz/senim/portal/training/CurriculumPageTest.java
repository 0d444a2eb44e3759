package kz.senim.portal.training;

import static kz.senim.portal.PortalPages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import kz.senim.portal.api.ApiAnswer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** "My curriculum" tells a certified mediator what the club page tells them: certified, not "to do". */
@SpringBootTest
@AutoConfigureMockMvc
class CurriculumPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @MockitoBean
    kz.senim.portal.api.GatewayApi api;

    @Test
    void a_certified_mediator_is_certified_here_too() throws Exception {
        when(api.get(eq("/api/schools/{id}"), any()))
                .thenReturn(new ApiAnswer(200, Map.of("timeZone", "Asia/Almaty"), null, null));
        when(api.get("/api/activities/curriculum"))
                .thenReturn(new ApiAnswer(
                        200,
                        Map.of("requiredModules", List.of("ACTIVE_LISTENING"), "requiredSimulations", 3),
                        null,
                        null));
        when(api.get("/api/membership/members/{id}", "m-1"))
                .thenReturn(new ApiAnswer(200, Map.of("status", "CERTIFIED", "schoolYear", "2026-2027"), null, null));
        // training-service counts what was attended in the portal; the demo's mediators were certified without it
        when(api.get("/api/activities/curriculum/trainees/{id}", "m-1"))
                .thenReturn(new ApiAnswer(
                        200,
                        Map.of(
                                "qualified",
                                false,
                                "modulesCompleted",
                                List.of(),
                                "modulesMissing",
                                List.of("ACTIVE_LISTENING"),
                                "simulationsAttended",
                                0,
                                "simulationsRequired",
                                3),
                        null,
                        null));
        String page = mvc.perform(get("/training/curriculum?lang=en")
                        .with(signedIn(
                                registrations.findByRegistrationId("keycloak"),
                                "m-1",
                                "demo-gymnasium-1",
                                "student",
                                "mediator")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"progress-status\">certified young mediator<", "id=\"certified-text\"")
                .doesNotContain(">in progress<", "Still to do");
    }
}
