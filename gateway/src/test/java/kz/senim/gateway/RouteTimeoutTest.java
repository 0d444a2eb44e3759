package kz.senim.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The tests' global response timeout is 3 s; the material file route has its own, 30 s. */
class RouteTimeoutTest extends GatewayTest {

    @Test
    void a_slow_upload_of_a_materials_file_is_given_its_routes_longer_timeout() {
        client.put()
                .uri(StubService.SLOW_UPLOAD_PATH)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .contentType(MediaType.APPLICATION_PDF)
                .bodyValue(new byte[64 * 1024])
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(TRAINING.received(StubService.SLOW_UPLOAD_PATH)).isPresent();
    }

    @Test
    void other_training_calls_keep_the_global_timeout() {
        client.get()
                .uri("/api/materials/slow")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
    }
}
