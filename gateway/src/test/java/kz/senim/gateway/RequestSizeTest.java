package kz.senim.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

class RequestSizeTest extends GatewayTest {

    private static final int MB = 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    @Test
    void a_body_over_one_megabyte_is_refused_before_the_service_sees_it() {
        String path = "/api/cases/" + UUID.randomUUID() + "/notes";
        post(path, MB + 1)
                .expectStatus()
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://senim.kz/problems/payload-too-large")
                .jsonPath("$.status")
                .isEqualTo(413)
                .jsonPath("$.title")
                .isEqualTo("Request too large");
        assertThat(CASES.received(path)).isEmpty();
    }

    @Test
    void a_body_of_exactly_one_megabyte_passes() {
        String path = "/api/cases/" + UUID.randomUUID() + "/notes";
        post(path, MB).expectStatus().isOk();
        assertThat(CASES.received(path)).isPresent();
    }

    @Test
    void a_people_import_may_be_up_to_two_megabytes() {
        post("/api/people/imports", 2 * MB).expectStatus().isOk();
        post("/api/people/imports", 2 * MB + 1).expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void a_materials_file_of_ten_megabytes_passes_and_one_over_eleven_does_not() {
        String file = "/api/materials/" + UUID.randomUUID() + "/file";
        put(file, 10 * MB).expectStatus().isOk();
        assertThat(TRAINING.received(file)).isPresent();

        String tooLarge = "/api/materials/" + UUID.randomUUID() + "/file";
        put(tooLarge, 11 * MB + 1).expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(TRAINING.received(tooLarge)).isEmpty();
    }

    @Test
    void a_chunked_body_is_stopped_once_it_grows_past_the_limit() {
        String path = "/api/cases/" + UUID.randomUUID() + "/notes";
        postChunked(path, 2 * MB)
                .expectStatus()
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://senim.kz/problems/payload-too-large");
        assertThat(CASES.received(path)).isEmpty();
    }

    @Test
    void a_chunked_body_within_the_limit_passes() {
        String path = "/api/cases/" + UUID.randomUUID() + "/notes";
        postChunked(path, MB / 2).expectStatus().isOk();
        assertThat(CASES.received(path)).isPresent();
    }

    private WebTestClient.ResponseSpec post(String path, int bytes) {
        return client.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue(new byte[bytes])
                .exchange();
    }

    private WebTestClient.ResponseSpec put(String path, int bytes) {
        return client.put()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .contentType(MediaType.APPLICATION_PDF)
                .bodyValue(new byte[bytes])
                .exchange();
    }

    private WebTestClient.ResponseSpec postChunked(String path, int bytes) {
        Flux<DataBuffer> chunks = Flux.range(0, bytes / CHUNK)
                .map(chunk -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[CHUNK]));
        return client.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class)
                .exchange();
    }
}
