package kz.senim.portal.cases;

import static kz.senim.portal.PortalPages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
 * A refused request form says what is wrong where it is seen first: a summary at the top that a screen
 * reader announces, with a link to each field, in words a child understands instead of the API's rule.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RequestPagesTest {

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
    void a_request_with_nobody_else_named_is_refused_with_a_summary_in_plain_words() throws Exception {
        when(api.create(eq("/api/cases"), any(), anyString()))
                .thenThrow(new ApiProblem(
                        400,
                        "validation",
                        "Bad request",
                        "",
                        Map.of(
                                "parties",
                                "длина должна быть от 2 до 30",
                                "parties[1].grade",
                                "должно быть не больше 11")));
        String page = mvc.perform(post("/requests/new")
                        .param("kind", "MEDIATION")
                        .param("description", "they took my phone")
                        .param("involved", "true")
                        .param("names", "", "x")
                        .param("grades", "", "14")
                        .param("requestKey", "k-1")
                        .param("lang", "ru")
                        .with(csrf())
                        .with(signedIn(
                                registrations.findByRegistrationId("keycloak"), "s-1", "demo-gymnasium-1", "student")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        String summary = page.substring(page.indexOf("id=\"error-summary\""), page.indexOf("id=\"request-form\""));
        assertThat(summary)
                .contains("role=\"alert\"", "tabindex=\"-1\"", "href=\"#parties\"")
                .contains("Напишите имя второго человека")
                .contains("Напишите класс числом от 1 до 11")
                .doesNotContain("длина должна быть", "не больше 11");
        assertThat(page.indexOf("id=\"error-summary\"")).isLessThan(page.indexOf("id=\"request-form\""));
        assertThat(page).contains("they took my phone</textarea>");
        // the language links of a page answering a POST keep the URL's query only, never the posted fields
        assertThat(page).contains("href=\"/requests/new?lang=kk\"").doesNotContain("description=", "names=");
    }
}
