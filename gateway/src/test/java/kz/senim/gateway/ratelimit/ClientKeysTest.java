package kz.senim.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientKeysTest {

    @Test
    void by_default_the_client_is_the_connections_peer_and_x_forwarded_for_is_ignored() {
        ClientKeys keys = new ClientKeys(false);
        ClientKeys.ClientKey first = keys.of(request("198.51.100.7", "203.0.113.1"));
        assertThat(keys.of(request("198.51.100.7", "203.0.113.2"))).isEqualTo(first);
        assertThat(keys.of(request("198.51.100.8", "203.0.113.1"))).isNotEqualTo(first);
    }

    @Test
    void behind_a_proxy_the_client_is_the_address_the_proxy_added_last() {
        ClientKeys keys = new ClientKeys(true);
        ClientKeys.ClientKey client = keys.of(request("10.0.0.2", "203.0.113.9"));
        assertThat(keys.of(request("10.0.0.3", "192.0.2.66, 203.0.113.9"))).isEqualTo(client);
        assertThat(keys.of(request("10.0.0.2", "203.0.113.10"))).isNotEqualTo(client);
    }

    @Test
    void an_ipv6_client_is_counted_by_its_slash_64() {
        ClientKeys keys = new ClientKeys(false);
        ClientKeys.ClientKey client = keys.of(request("2001:db8:1:2::17", null));
        assertThat(keys.of(request("2001:db8:1:2:ffff::1", null))).isEqualTo(client);
        assertThat(keys.of(request("2001:db8:1:3::17", null))).isNotEqualTo(client);
    }

    @Test
    void keys_cannot_be_linked_across_restarts() {
        ServerHttpRequest sameClient = request("198.51.100.7", null);
        assertThat(new ClientKeys(false).of(sameClient)).isNotEqualTo(new ClientKeys(false).of(sameClient));
    }

    @Test
    void a_keys_text_stands_for_that_key_and_no_text_of_another_shape_stands_for_any() {
        ClientKeys.ClientKey key = new ClientKeys(false).of(request("198.51.100.7", null));
        assertThat(key.text()).matches("[A-Za-z0-9_-]{22}");
        assertThat(ClientKeys.ClientKey.ofText(key.text())).contains(key);
        assertThat(ClientKeys.ClientKey.ofText("198.51.100.7")).isEmpty();
        assertThat(ClientKeys.ClientKey.ofText(key.text() + "A")).isEmpty();
        assertThat(ClientKeys.ClientKey.ofText(null)).isEmpty();
    }

    private static ServerHttpRequest request(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request =
                MockServerHttpRequest.get("/api/trust-box/x").remoteAddress(new InetSocketAddress(peer, 44321));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request.build();
    }
}
