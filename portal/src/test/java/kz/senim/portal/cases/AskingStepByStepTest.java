package kz.senim.portal.cases;

import static kz.senim.portal.PortalPages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The request form fits the task: first what is needed, then only its fields; a conflict's people one at a
 * time, with a button that adds another row and works without JavaScript.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AskingStepByStepTest {

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
    void the_first_step_asks_what_is_needed_and_shows_no_fields_yet() throws Exception {
        String page = page(get("/requests/new?lang=en"));

        assertThat(page)
                .contains("href=\"/requests/new?kind=MEDIATION\"", "href=\"/requests/new?kind=CONSULTATION\"")
                .contains("href=\"/requests/new?kind=QUESTION\"", "Step 1 of 2")
                .doesNotContain("id=\"request-form\"");
    }

    @Test
    void advice_and_a_question_have_no_fields_for_the_conflicts_people() throws Exception {
        for (String kind : new String[] {"CONSULTATION", "QUESTION"}) {
            String page = page(get("/requests/new?kind=" + kind + "&lang=en"));

            assertThat(page).contains("id=\"request-form\"", "action=\"/requests/new?kind=" + kind + "\"");
            assertThat(page).doesNotContain("id=\"parties\"", "id=\"name0\"", "id=\"urgency\"", "id=\"add-person\"");
        }
    }

    @Test
    void a_conflict_starts_with_one_person_and_adding_another_keeps_what_was_typed_and_sends_nothing()
            throws Exception {
        String first = page(get("/requests/new?kind=MEDIATION&lang=en"));
        assertThat(first).contains("id=\"name0\"", "id=\"add-person\"").doesNotContain("id=\"name1\"");

        String second = page(post("/requests/new?kind=MEDIATION")
                .param("description", "they took my phone")
                .param("involved", "true")
                .param("names", "Daniyar")
                .param("grades", "9")
                .param("rows", "1")
                .param("requestKey", "k-1")
                .param("more", "true")
                .param("lang", "en")
                .with(csrf()));

        assertThat(second).contains("id=\"name1\"").doesNotContain("id=\"name2\"");
        assertThat(second).containsPattern("id=\"name0\"[^>]*value=\"Daniyar\"");
        assertThat(second).containsPattern("id=\"name1\"[^>]*autofocus");
        assertThat(second).contains("they took my phone</textarea>", "Person 2 added");
        assertThat(second).contains("value=\"k-1\"").doesNotContain("id=\"error-summary\"");
        verify(api, never()).create(anyString(), any(), anyString());
    }

    @Test
    void at_four_people_the_form_offers_no_more_rows() throws Exception {
        String page = page(post("/requests/new?kind=MEDIATION")
                .param("description", "a fight in the corridor")
                .param("names", "A", "B", "C")
                .param("rows", "3")
                .param("requestKey", "k-2")
                .param("more", "true")
                .with(csrf()));

        assertThat(page).contains("id=\"name3\"").doesNotContain("id=\"add-person\"");
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(student()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private RequestPostProcessor student() {
        return signedIn(registrations.findByRegistrationId("keycloak"), "s-1", "demo-gymnasium-1", "student");
    }
}
