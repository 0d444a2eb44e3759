package kz.senim.portal.training;

import static kz.senim.portal.PortalPages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
 * The longest form a coordinator fills in, a new activity, comes in three named parts (issue 16, item 10):
 * what it is, who it is for and who runs it, when and where; the parts are listed at the top.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ActivityFormInPartsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @MockitoBean
    GatewayApi api;

    @BeforeEach
    void anEmptySchool() {
        ApiAnswer empty = new ApiAnswer(200, Map.of("content", List.of(), "timeZone", "Asia/Almaty"), null, null);
        when(api.get(anyString())).thenReturn(empty);
        when(api.get(anyString(), any(Object[].class))).thenReturn(empty);
    }

    @Test
    void a_new_activity_is_asked_in_three_named_parts_each_holding_its_fields() throws Exception {
        String page = mvc.perform(get("/training/activities/new?lang=en")
                        .with(signedIn(
                                registrations.findByRegistrationId("keycloak"),
                                "c-1",
                                "demo-gymnasium-1",
                                "coordinator")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        String steps = page.substring(
                page.indexOf("class=\"form-steps\""), page.indexOf("</nav>", page.indexOf("class=\"form-steps\"")));
        assertThat(steps).contains("href=\"#part-what\"", "href=\"#part-who\"", "href=\"#part-when\"");
        int what = page.indexOf("id=\"part-what\"");
        int who = page.indexOf("id=\"part-who\"");
        int when = page.indexOf("id=\"part-when\"");
        assertThat(what).isPositive().isLessThan(who);
        assertThat(who).isLessThan(when);
        assertThat(page).contains("Part 1 of 3", "Part 2 of 3", "Part 3 of 3", "When and where");
        assertThat(page.substring(what, who)).contains("id=\"type\"", "id=\"title\"", "name=\"modules\"");
        assertThat(page.substring(who, when)).contains("name=\"groups\"", "id=\"gradeFrom\"", "id=\"language\"");
        assertThat(page.substring(when)).contains("id=\"startsAt\"", "id=\"place\"", "id=\"repeatFrequency\"");
        assertThat(page.indexOf("id=\"activity-submit\"")).isGreaterThan(when);
    }
}
