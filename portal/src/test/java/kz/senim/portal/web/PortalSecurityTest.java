package kz.senim.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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

    /** Keycloak as the portal reaches it: here only its discovery document, which says it answers. */
    static final HttpServer KEYCLOAK = keycloakThatAnswers();

    @DynamicPropertySource
    static void backchannel(DynamicPropertyRegistry registry) {
        registry.add(
                "senim.portal.keycloak-backchannel-url",
                () -> "http://127.0.0.1:" + KEYCLOAK.getAddress().getPort());
    }

    @AfterAll
    static void stopKeycloak() {
        KEYCLOAK.stop(0);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void the_front_door_keeps_no_session_and_forbids_caching_framing_and_foreign_scripts() throws Exception {
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
    void a_signed_in_page_sends_the_browser_to_keycloak_with_pkce_in_the_pages_language_and_back_to_the_public_address()
            throws Exception {
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

    private static HttpServer keycloakThatAnswers() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/realms/senim/.well-known/openid-configuration", exchange -> {
                byte[] body = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_post_without_its_csrf_token_is_refused() throws Exception {
        mvc.perform(post("/logout")).andExpect(status().isForbidden());
    }
}
