package kz.senim.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Keycloak does not answer (its port is closed): a person who tries to sign in gets a calm page in their
 * language with 503 and Retry-After, not a browser error from a login page that cannot load.
 */
@SpringBootTest(
        properties = {
            "senim.portal.public-url=https://senim.example.kz",
            "senim.portal.keycloak-url=https://id.example.kz"
        })
@AutoConfigureMockMvc
class SigningInWhileKeycloakIsDownTest {

    private static final java.util.List<java.net.Socket> RESERVED = new java.util.concurrent.CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void keycloakDown(DynamicPropertyRegistry registry) {
        registry.add("senim.portal.keycloak-backchannel-url", () -> "http://127.0.0.1:" + closedPort());
    }

    @Autowired
    MockMvc mvc;

    @Test
    void signing_in_answers_a_kind_page_instead_of_a_failing_redirect() throws Exception {
        mvc.perform(get("/oauth2/authorization/keycloak").param("lang", "kk"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", SignInUnavailable.RETRY_AFTER))
                .andExpect(header().doesNotExist("Location"))
                .andExpect(forwardedUrl(SignInUnavailable.PATH));
    }

    @Test
    void the_page_says_so_in_the_persons_language() throws Exception {
        for (var language : new String[][] {
            {"kk", "Қазір кіру мүмкін емес"},
            {"ru", "Сейчас войти нельзя"},
            {"en", "Signing in is not possible right now"}
        }) {
            String page = mvc.perform(get(SignInUnavailable.PATH).param("lang", language[0]))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", SignInUnavailable.RETRY_AFTER))
                    .andExpect(header().doesNotExist("Location"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains(language[1]).contains("lang=\"" + language[0] + "\"");
            assertThat(page).doesNotContain("Exception", "at kz.senim");
        }
    }

    @Test
    void a_signed_in_page_still_leads_to_signing_in_and_so_to_the_kind_page() throws Exception {
        mvc.perform(get("/requests"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/oauth2/authorization/keycloak"));
    }

    /**
     * A port bound by a socket that never listens, kept for the whole test JVM: a port merely found free and
     * released could be taken by another process meanwhile, and "Keycloak" would answer.
     */
    private static int closedPort() {
        try {
            java.net.Socket reserved = new java.net.Socket();
            reserved.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            RESERVED.add(reserved);
            return reserved.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
