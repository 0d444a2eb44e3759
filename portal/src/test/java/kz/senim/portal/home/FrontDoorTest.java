package kz.senim.portal.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The front page's school code: a known one opens the club page, a mistyped one is explained and kept. */
@SpringBootTest
@AutoConfigureMockMvc
class FrontDoorTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    GatewayApi api;

    @Test
    void a_known_code_opens_the_club_page() throws Exception {
        when(api.get(eq("/api/schools/{school}/club?lang={lang}"), eq("demo-gymnasium-1"), any()))
                .thenReturn(new ApiAnswer(200, Map.of("name", "Senim"), null, null));
        mvc.perform(get("/").param("school", " Demo-Gymnasium-1 ").param("lang", "ru"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/schools/demo-gymnasium-1/club?lang=ru"));
    }

    @Test
    void a_mistyped_code_says_what_went_wrong_and_keeps_what_was_typed() throws Exception {
        when(api.get(eq("/api/schools/{school}/club?lang={lang}"), any(), any()))
                .thenThrow(new ApiProblem(404, null, "Not found", "", Map.of()));
        for (String typed : new String[] {"demo-gymnasium-I", "gymnasium №1"}) {
            var answer = mvc.perform(get("/").param("school", typed).param("lang", "en"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse();
            String page = answer.getContentAsString();
            assertThat(page)
                    .contains("id=\"error-summary\"", "id=\"school-error\"", "We know no school with this code")
                    .contains("value=\"" + typed + "\"", "aria-invalid=\"true\"");
            assertThat(answer.getHeaders("Set-Cookie")).isEmpty();
        }
    }
}
