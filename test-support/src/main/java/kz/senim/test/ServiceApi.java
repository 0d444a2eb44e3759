package kz.senim.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a service under test over real HTTP, the way the gateway and browsers do, and never
 * throws on an error status, so tests can assert on 4xx answers.
 *
 * <pre>{@code
 * ServiceApi.Answer answer = ServiceApi.at(port).post("/api/schools").auth(bearer).language("kk").json(body).send();
 * JsonNode problem = answer.problem(403);
 * }</pre>
 */
public final class ServiceApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;

    private ServiceApi(int port) {
        this.client = RestClient.create("http://localhost:" + port);
    }

    public static ServiceApi at(int port) {
        return new ServiceApi(port);
    }

    public Request get(String path) {
        return request(HttpMethod.GET, path);
    }

    public Request post(String path) {
        return request(HttpMethod.POST, path);
    }

    public Request request(HttpMethod method, String path) {
        return new Request(client.method(method).uri(path));
    }

    /** One request being described; {@link #send()} sends it. */
    public static final class Request {
        private final RestClient.RequestBodySpec spec;

        private Request(RestClient.RequestBodySpec spec) {
            this.spec = spec;
        }

        /** The whole {@code Authorization} header value, e.g. {@code TestJwts.user().bearer()}; null sends none. */
        public Request auth(String authorization) {
            if (authorization != null) {
                spec.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            return this;
        }

        public Request language(String acceptLanguage) {
            if (acceptLanguage != null) {
                spec.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
            }
            return this;
        }

        public Request header(String name, String value) {
            spec.header(name, value);
            return this;
        }

        public Request json(String body) {
            spec.contentType(MediaType.APPLICATION_JSON).body(body);
            return this;
        }

        /** A body of any content type, e.g. {@code text/plain}. */
        public Request body(MediaType contentType, String body) {
            spec.contentType(contentType).body(body);
            return this;
        }

        public Answer send() {
            return spec.exchange((request, response) -> new Answer(
                    response.getStatusCode().value(),
                    response.getHeaders(),
                    new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    /** What the service answered. */
    public record Answer(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /**
         * Asserts an RFC 9457 problem with the given status, a title and the request id, and returns
         * its body.
         */
        public JsonNode problem(int expectedStatus) {
            assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
            assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            JsonNode problem = json();
            assertThat(problem.get("status").asInt()).isEqualTo(expectedStatus);
            assertThat(problem.get("title").asString()).isNotBlank();
            assertThat(headers.getFirst("X-Request-Id")).isNotBlank();
            return problem;
        }
    }
}
