package kz.senim.portal.cases;

import static kz.senim.portal.PortalPages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Linking a party named in a request to a person of the directory: nobody is chosen by default (one click
 * must not link the wrong person to a confidential case), and the likely people are offered first.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CasePagesTest {

    private final UUID caseId = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @MockitoBean
    GatewayApi api;

    @BeforeEach
    void aCaseWithANamedClassmate() {
        when(api.get(eq("/api/schools/{id}"), any()))
                .thenReturn(new ApiAnswer(200, Map.of("timeZone", "Asia/Almaty"), null, null));
        when(api.get(eq("/api/people/{userId}"), any()))
                .thenThrow(new ApiProblem(404, null, "Not found", "", Map.of()));
        Map<String, Object> named = new HashMap<>(Map.of("id", "p-2", "name", "Daniyar", "grade", 9, "adult", false));
        Map<String, Object> theCase = new HashMap<>();
        theCase.put("id", caseId.toString());
        theCase.put("status", "SUBMITTED");
        theCase.put("legalHold", false);
        theCase.put("urgency", "NORMAL");
        theCase.put("parties", List.of(Map.of("id", "p-1", "userId", "s-1", "adult", false), named));
        theCase.put("mediators", List.of());
        when(api.get("/api/cases/{id}", caseId.toString())).thenReturn(new ApiAnswer(200, theCase, "\"1\"", null));
        when(api.get("/api/people?size=100&sort=familyName"))
                .thenReturn(new ApiAnswer(
                        200,
                        Map.of(
                                "content",
                                List.of(
                                        Map.of("userId", "t-1", "givenName", "Aliya", "familyName", "Abaeva"),
                                        Map.of(
                                                "userId", "s-2",
                                                "givenName", "Daniyar",
                                                "familyName", "Serikov",
                                                "grade", 9,
                                                "classLetter", "A"))),
                        null,
                        null));
    }

    @Test
    void the_choice_starts_at_choose_with_the_likely_classmate_first() throws Exception {
        String page = mvc.perform(get("/cases/" + caseId + "?lang=en").with(coordinator()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String select = page.substring(page.indexOf("id=\"identify-user-p-2\""));
        select = select.substring(0, select.indexOf("</select>"));
        assertThat(select).contains("required");
        assertThat(select.indexOf("<option value=\"\" selected")).isPositive();
        assertThat(select.indexOf("<option value=\"\" selected"))
                .as("'choose…' comes before every person")
                .isLessThan(select.indexOf("value=\"s-2\""));
        assertThat(select.indexOf("value=\"s-2\""))
                .as("the classmate named Daniyar in grade 9 before the teacher")
                .isLessThan(select.indexOf("value=\"t-1\""));
        assertThat(select).doesNotContainPattern("value=\"[st]-\\d\"[^>]*selected");
    }

    @Test
    void linking_without_choosing_sends_nothing_and_says_why() throws Exception {
        mvc.perform(post("/cases/" + caseId + "/identification")
                        .param("partyId", "p-2")
                        .param("userId", "")
                        .with(csrf())
                        .with(coordinator()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("formError"));
        verify(api, never()).post(eq("/api/cases/{id}/parties/{partyId}/identification"), any(), any(), any());
    }

    private RequestPostProcessor coordinator() {
        return signedIn(registrations.findByRegistrationId("keycloak"), "c-1", "demo-gymnasium-1", "coordinator");
    }
}
