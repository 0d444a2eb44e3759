package kz.senim.local.api;

import java.net.http.HttpHeaders;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the API answered: status, headers and body, with the checks a script or test needs. */
public record ApiResponse(String method, String path, int status, HttpHeaders headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** This response if its status is one of {@code expected}; otherwise an error naming the call and body. */
    public ApiResponse expect(int... expected) {
        if (Arrays.stream(expected).noneMatch(code -> code == status)) {
            throw new UnexpectedAnswer(this, expected);
        }
        return this;
    }

    public JsonNode json() {
        return JSON.readTree(body);
    }

    /** The text at a JSON pointer, e.g. {@code "/id"}; empty string when absent. */
    public String text(String pointer) {
        JsonNode node = json().at(pointer);
        return node.isMissingNode() || node.isNull() ? "" : node.asString();
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String etag() {
        return header("ETag");
    }

    static String write(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }

    /** A status the caller did not expect. */
    public static final class UnexpectedAnswer extends IllegalStateException {
        private final transient ApiResponse response;

        UnexpectedAnswer(ApiResponse response, int[] expected) {
            super(response.method() + " " + response.path() + " answered " + response.status() + ", expected "
                    + Arrays.toString(expected) + ": " + response.body());
            this.response = response;
        }

        public ApiResponse response() {
            return response;
        }
    }
}
