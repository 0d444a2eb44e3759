package kz.senim.local.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One user calling the API (or nobody, for anonymous calls). Keeps its access token and logs in again
 * shortly before it expires or when asked to ({@link #relogin()}, e.g. to see a new role). A 429 is
 * waited out as its {@code Retry-After} says, the way a well-behaved client does.
 */
public final class Caller {

    private static final int THROTTLE_RETRIES = 10;

    private final SenimApi api;
    private final String username;
    private final String password;
    private String language;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    Caller(SenimApi api, String username, String password) {
        this.api = api;
        this.username = username;
        this.password = password;
    }

    public String username() {
        return username;
    }

    /** The language this caller asks answers in ({@code Accept-Language}); none by default. */
    public Caller language(String language) {
        this.language = language;
        return this;
    }

    /** The current access token (logging in if needed); null for an anonymous caller. */
    public synchronized String token() {
        if (username == null) {
            return null;
        }
        if (token == null || Instant.now().isAfter(tokenExpires.minusSeconds(30))) {
            relogin();
        }
        return token;
    }

    /** Logs in again: the next calls carry a fresh token with the user's current roles. */
    public synchronized Caller relogin() {
        token = api.keycloak().freshPasswordToken(username, password);
        tokenExpires = expiryOf(token);
        return this;
    }

    /** The claims of the current token. */
    public JsonNode claims() {
        String[] parts = token().split("\\.");
        return JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    /** The user's Keycloak subject id (the {@code sub} claim), by which Senim knows people. */
    public String userId() {
        return claims().get("sub").asString();
    }

    public ApiResponse get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public ApiResponse post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    public ApiResponse put(String path, Object body, String... headers) {
        return send("PUT", path, body, headers);
    }

    public ApiResponse patch(String path, Object body, String... headers) {
        return send("PATCH", path, body, headers);
    }

    public ApiResponse delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /**
     * Any call. {@code body} is sent as JSON (a String as it is, an Object serialized); {@code headers}
     * are name/value pairs, e.g. {@code "If-Match", etag}.
     */
    public ApiResponse send(String method, String path, Object body, String... headers) {
        String payload = body == null ? null : ApiResponse.write(body);
        Map<String, String> all = new LinkedHashMap<>();
        if (payload != null) {
            all.put("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        return sendRaw(
                method,
                path,
                payload == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(payload),
                all);
    }

    /** A call with a body of another type (CSV, an upload). */
    public ApiResponse sendBytes(String method, String path, String contentType, byte[] body, String... headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Content-Type", contentType);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        return sendRaw(method, path, HttpRequest.BodyPublishers.ofByteArray(body), all);
    }

    private ApiResponse sendRaw(
            String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.gatewayUrl() + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body);
            String bearer = token();
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            if (language != null) {
                request.header("Accept-Language", language);
            }
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = api.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 429 && attempt < THROTTLE_RETRIES) {
                    long wait =
                            response.headers().firstValueAsLong("Retry-After").orElse(1);
                    Thread.sleep(Duration.ofSeconds(Math.min(Math.max(wait, 1), 10)));
                    continue;
                }
                return new ApiResponse(method, path, response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted during " + method + " " + path, e);
            }
        }
    }

    private static Instant expiryOf(String token) {
        String[] parts = token.split("\\.");
        JsonNode claims =
                JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(parts[1]));
        return Instant.ofEpochSecond(claims.get("exp").asLong());
    }
}
