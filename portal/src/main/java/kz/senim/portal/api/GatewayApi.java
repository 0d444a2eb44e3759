package kz.senim.portal.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import kz.senim.portal.web.CurrentViewer;
import kz.senim.portal.web.PortalProperties;
import kz.senim.portal.web.Viewer;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Senim API through the gateway, as the signed-in viewer (their access token) or, on public pages, as
 * nobody. Every call asks answers in the page's language. A 2xx answer comes back as an {@link ApiAnswer};
 * anything else is thrown as an {@link ApiProblem}, which {@code PortalErrors} turns into a page unless a
 * controller shows it next to a form's fields.
 *
 * <p>Paths are URI templates: {@code api.get("/api/cases/{id}", id)} encodes the variables.
 */
@Component
public class GatewayApi {

    static final String RELAY_HEADER = "X-Senim-Portal-Relay";
    static final String CLIENT_HEADER = "X-Senim-Client";

    private final RestClient rest;
    private final CurrentViewer viewers;
    private final JsonMapper json;
    private final String relaySecret;

    GatewayApi(PortalProperties portal, CurrentViewer viewers) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(Duration.ofSeconds(30));
        this.rest = RestClient.builder()
                .baseUrl(portal.gatewayUrl().toString())
                .requestFactory(requests)
                .build();
        this.viewers = viewers;
        this.json = JsonMapper.builder().build();
        this.relaySecret = portal.relaySecret();
    }

    public ApiAnswer get(String path, Object... variables) {
        return call(HttpMethod.GET, path, null, null, Map.of(), variables);
    }

    public ApiAnswer post(String path, Object body, Object... variables) {
        return call(HttpMethod.POST, path, body, null, Map.of(), variables);
    }

    /** A creating POST, retried safely: the API answers the first resource for the same key. */
    public ApiAnswer create(String path, Object body, String idempotencyKey, Object... variables) {
        String key = idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID().toString()
                : idempotencyKey;
        return call(HttpMethod.POST, path, body, null, Map.of("Idempotency-Key", key), variables);
    }

    public ApiAnswer put(String path, Object body, Object... variables) {
        return call(HttpMethod.PUT, path, body, null, Map.of(), variables);
    }

    /** A PUT that must not overwrite someone else's change: a stale {@code etag} answers 412. */
    public ApiAnswer putIfMatch(String path, Object body, String etag, Object... variables) {
        return call(HttpMethod.PUT, path, body, null, etag == null ? Map.of() : Map.of("If-Match", etag), variables);
    }

    public ApiAnswer delete(String path, Object... variables) {
        return call(HttpMethod.DELETE, path, null, null, Map.of(), variables);
    }

    /** A body that is not JSON (a CSV file, an upload), sent as it is with its content type. */
    public ApiAnswer send(HttpMethod method, String path, byte[] body, MediaType type, Object... variables) {
        return call(method, path, body, type, Map.of(), variables);
    }

    /** A creating POST of a body that is not JSON, retried safely with its {@code Idempotency-Key}. */
    public ApiAnswer sendOnce(
            HttpMethod method, String path, byte[] body, MediaType type, String idempotencyKey, Object... variables) {
        String key = idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID().toString()
                : idempotencyKey;
        return call(method, path, body, type, Map.of("Idempotency-Key", key), variables);
    }

    /**
     * A file the API answers as it is (a material's PDF or image), as the viewer: its bytes and content
     * type. Refusals are thrown as {@link ApiProblem} like every other call.
     */
    public ApiFile file(String path, Object... variables) {
        Viewer viewer = viewers.get();
        return rest.get()
                .uri(path, variables)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + viewer.accessToken())
                .header(
                        HttpHeaders.ACCEPT_LANGUAGE,
                        LocaleContextHolder.getLocale().getLanguage())
                .exchange((req, response) -> {
                    byte[] bytes;
                    try (InputStream in = response.getBody()) {
                        bytes = in.readAllBytes();
                    }
                    if (response.getStatusCode().is2xxSuccessful()) {
                        MediaType type = response.getHeaders().getContentType();
                        return new ApiFile(bytes, type == null ? MediaType.APPLICATION_OCTET_STREAM : type);
                    }
                    throw problem(response.getStatusCode().value(), bytes);
                });
    }

    /**
     * A file the API makes on a POST with a JSON body (a class sheet's PDF), as the viewer. Refusals are thrown
     * as {@link ApiProblem} like every other call.
     */
    public ApiFile postForFile(String path, Object body, Object... variables) {
        Viewer viewer = viewers.get();
        return rest.post()
                .uri(path, variables)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + viewer.accessToken())
                .header(
                        HttpHeaders.ACCEPT_LANGUAGE,
                        LocaleContextHolder.getLocale().getLanguage())
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsBytes(body))
                .exchange((req, response) -> {
                    byte[] bytes;
                    try (InputStream in = response.getBody()) {
                        bytes = in.readAllBytes();
                    }
                    if (response.getStatusCode().is2xxSuccessful()) {
                        MediaType type = response.getHeaders().getContentType();
                        return new ApiFile(bytes, type == null ? MediaType.APPLICATION_OCTET_STREAM : type);
                    }
                    throw problem(response.getStatusCode().value(), bytes);
                });
    }

    /** The bytes of a file the API answered, with their content type. */
    public record ApiFile(byte[] bytes, MediaType contentType) {}

    private ApiAnswer call(
            HttpMethod method,
            String path,
            Object body,
            MediaType type,
            Map<String, String> headers,
            Object... variables) {
        Viewer viewer = viewers.find().orElse(null);
        RestClient.RequestBodySpec request = rest.method(method)
                .uri(path, variables)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .header(
                        HttpHeaders.ACCEPT_LANGUAGE,
                        LocaleContextHolder.getLocale().getLanguage());
        headers.forEach(request::header);
        if (viewer != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + viewer.accessToken());
        } else if (!relaySecret.isEmpty()) {
            ClientRelay.current()
                    .ifPresent(
                            client -> request.header(RELAY_HEADER, relaySecret).header(CLIENT_HEADER, client));
        }
        if (body instanceof byte[] bytes) {
            request.contentType(type).body(bytes);
        } else if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body));
        }
        return request.exchange((req, response) -> {
            HttpStatusCode status = response.getStatusCode();
            byte[] bytes;
            try (InputStream in = response.getBody()) {
                bytes = in.readAllBytes();
            }
            if (status.is2xxSuccessful()) {
                Object parsed = bytes.length == 0 || !isJson(response.getHeaders()) ? null : parse(bytes);
                return new ApiAnswer(
                        status.value(),
                        parsed,
                        response.getHeaders().getETag(),
                        response.getHeaders().getFirst(HttpHeaders.LOCATION));
            }
            throw problem(status.value(), bytes);
        });
    }

    private static boolean isJson(HttpHeaders headers) {
        MediaType type = headers.getContentType();
        return type != null && type.getSubtype().contains("json");
    }

    private Object parse(byte[] bytes) throws IOException {
        return json.convertValue(json.readTree(bytes), Object.class);
    }

    private ApiProblem problem(int status, byte[] bytes) {
        String reason = null;
        String title = null;
        String detail = null;
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode problem = json.readTree(bytes);
            reason = textOf(problem, "reason");
            title = textOf(problem, "title");
            detail = textOf(problem, "detail");
            JsonNode errors = problem.path("errors");
            if (errors.isArray()) {
                for (JsonNode error : errors) {
                    String field = textOf(error, "field");
                    String message = textOf(error, "message");
                    if (field != null) {
                        fields.merge(field, message == null ? "" : message, (a, b) -> a + " " + b);
                    }
                }
            } else if (errors.isObject()) {
                errors.properties()
                        .forEach(entry ->
                                fields.put(entry.getKey(), entry.getValue().asString()));
            }
        } catch (RuntimeException notAProblem) {
            // an answer without a problem body (e.g. a bare 502): the status says enough
        }
        return new ApiProblem(status, reason, title, detail, fields);
    }

    private static String textOf(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
