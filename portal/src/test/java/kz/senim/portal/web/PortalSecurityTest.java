package kz.senim.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The portal's edge without Keycloak: what a browser gets before signing in. The sign-in itself, with
 * Keycloak's real pages, is tested in a browser by the e2e module.
 */
@SpringBootTest(
        properties = {
            "senim.portal.public-url=https://senim.example.kz",
            "senim.portal.keycloak-url=https://id.example.kz"
        })
@AutoConfigureMockMvc
class PortalSecurityTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theFrontDoorKeepsNoSessionAndForbidsCachingFramingAndForeignScripts() throws Exception {
        MvcResult answer = mvc.perform(get("/").header("Accept-Language", "ru"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(header().string("Content-Language", "ru"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andReturn();
        assertThat(answer.getResponse().getHeader("Cache-Control")).contains("no-store");
        assertThat(answer.getResponse().getHeader("Content-Security-Policy"))
                .contains("script-src 'self'", "frame-ancestors 'none'", "form-action 'self' https://id.example.kz")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(answer.getRequest().getSession(false)).isNull();
    }

    @Test
    void aSignedInPageSendsTheBrowserToKeycloakWithPkceInThePagesLanguageAndBackToThePublicAddress() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/requests").session(session))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/oauth2/authorization/keycloak"));

        String location = mvc.perform(get("/oauth2/authorization/keycloak")
                        .param("lang", "en")
                        .header("Host", "evil.example")
                        .header("X-Forwarded-Host", "evil.example")
                        .session(session))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        var query = UriComponentsBuilder.fromUri(URI.create(location)).build().getQueryParams();
        assertThat(location).startsWith("https://id.example.kz/realms/senim/protocol/openid-connect/auth?");
        assertThat(query.getFirst("client_id")).isEqualTo("senim-portal");
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(query.getFirst("code_challenge")).isNotBlank();
        assertThat(query.getFirst("ui_locales")).isEqualTo("en");
        assertThat(java.net.URLDecoder.decode(query.getFirst("redirect_uri"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("https://senim.example.kz/login/oauth2/code/keycloak");

        mvc.perform(get("/").session(session)).andExpect(header().string("Content-Language", "en"));
    }

    @Test
    void aPostWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/logout")).andExpect(status().isForbidden());
    }
}
