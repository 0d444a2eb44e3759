package kz.senim.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The portal calls the API from its own address on behalf of many browsers. Each test uses its own
 * addresses (X-Forwarded-For) and trust-box writes, whose limit of the tests allows 3 calls at once.
 */
class PortalRelayTest extends GatewayTest {

    private static final String CLIENT = "X-Senim-Client";
    private static final String RELAY = "X-Senim-Portal-Relay";

    @Test
    void the_portal_learns_an_opaque_key_of_the_browser_instead_of_its_address() {
        String page = "/club/" + UUID.randomUUID();
        client.get()
                .uri(page)
                .header("X-Forwarded-For", "203.0.113.61")
                .header("X-Real-IP", "203.0.113.61")
                .header(CLIENT, "forged-by-the-browser")
                .header(RELAY, PORTAL_RELAY_SECRET)
                .exchange()
                .expectStatus()
                .isOk();

        StubService.Received received = PORTAL_PAGES.received(page).orElseThrow();
        assertThat(received.header(CLIENT))
                .hasValueSatisfying(
                        key -> assertThat(key).matches("[A-Za-z0-9_-]{1,64}").doesNotContain("203"));
        assertThat(received.header(CLIENT)).isNotEqualTo(received.header("X-Forwarded-For"));
        assertThat(received.header(RELAY)).isEmpty();
        assertThat(received.header("X-Real-IP")).isEmpty();
        assertThat(received.header("X-Forwarded-For")).isEmpty();
        assertThat(keyOf("203.0.113.61")).isEqualTo(received.header(CLIENT).orElseThrow());
        assertThat(keyOf("203.0.113.62")).isNotEqualTo(received.header(CLIENT).orElseThrow());
    }

    @Test
    void browsers_relayed_by_the_portal_have_buckets_of_their_own() {
        String portal = "198.51.100.60";
        String first = keyOf("203.0.113.71");
        String second = keyOf("203.0.113.72");

        int passed = writesUntilLimited(portal, first, PORTAL_RELAY_SECRET);
        assertThat(passed).isBetween(TRUST_BOX_WRITES_BURST, TRUST_BOX_WRITES_BURST + 1);
        write(portal, second, PORTAL_RELAY_SECRET).expectStatus().isOk();
        write(portal, null, null).expectStatus().isOk();
        // the same browser calling the API itself shares its bucket with the calls relayed for it
        write("203.0.113.71", null, null).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void a_relay_without_the_secret_is_counted_by_the_callers_address() {
        String caller = "198.51.100.65";
        int passed = writesUntilLimited(caller, keyOf("203.0.113.81"), "not-the-secret");
        assertThat(passed).isBetween(TRUST_BOX_WRITES_BURST, TRUST_BOX_WRITES_BURST + 1);
        write(caller, keyOf("203.0.113.82"), "not-the-secret").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        write(caller, keyOf("203.0.113.83"), null).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void neither_relay_header_reaches_a_service() {
        String club = "/api/schools/" + UUID.randomUUID() + "/club";
        client.get()
                .uri(club)
                .header("X-Forwarded-For", "198.51.100.66")
                .header(CLIENT, keyOf("203.0.113.91"))
                .header(RELAY, PORTAL_RELAY_SECRET)
                .exchange()
                .expectStatus()
                .isOk();
        StubService.Received received = MEMBERSHIP.received(club).orElseThrow();
        assertThat(received.header(CLIENT)).isEmpty();
        assertThat(received.header(RELAY)).isEmpty();

        String conversation = "/api/trust-box/schools/" + UUID.randomUUID() + "/conversations";
        write("198.51.100.67", conversation, keyOf("203.0.113.92"), PORTAL_RELAY_SECRET)
                .expectStatus()
                .isOk();
        StubService.Received sent = CASES.received(conversation).orElseThrow();
        assertThat(sent.header(CLIENT)).isEmpty();
        assertThat(sent.header(RELAY)).isEmpty();
    }

    /** The key the gateway gives the portal for a browser at this address. */
    private String keyOf(String browser) {
        String page = "/" + UUID.randomUUID();
        client.get()
                .uri(page)
                .header("X-Forwarded-For", browser)
                .exchange()
                .expectStatus()
                .isOk();
        return PORTAL_PAGES.received(page).orElseThrow().header(CLIENT).orElseThrow();
    }

    private int writesUntilLimited(String caller, String key, String secret) {
        for (int sent = 0; sent < TRUST_BOX_WRITES_BURST + 3; sent++) {
            if (write(caller, key, secret).returnResult(Void.class).getStatus().value()
                    == HttpStatus.TOO_MANY_REQUESTS.value()) {
                return sent;
            }
        }
        throw new AssertionError("No write was refused with 429");
    }

    private WebTestClient.ResponseSpec write(String caller, String key, String secret) {
        return write(caller, "/api/trust-box/schools/" + UUID.randomUUID() + "/conversations", key, secret);
    }

    private WebTestClient.ResponseSpec write(String caller, String path, String key, String secret) {
        WebTestClient.RequestBodySpec call = client.post().uri(path).header("X-Forwarded-For", caller);
        if (key != null) {
            call = call.header(CLIENT, key);
        }
        if (secret != null) {
            call = call.header(RELAY, secret);
        }
        return call.contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"it keeps happening\"}")
                .exchange();
    }
}
