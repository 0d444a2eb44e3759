package kz.senim.portal.api;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A successful answer of the API. {@link #body()} is the JSON as plain maps and lists, so templates read
 * it as {@code ${case.status}}.
 */
public record ApiAnswer(int status, Object body, String etag, String location) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a flag the API leaves out for this viewer (a party's "you") reads as false, as it did in a map
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** The body read into a typed view (a record of the fields the page uses); fields it does not name are ignored. */
    public <T> T as(Class<T> type) {
        return JSON.convertValue(body, type);
    }

    /** A list body read into typed views; anything but a list reads as none. */
    public <T> List<T> listOf(Class<T> type) {
        if (!(body instanceof List<?> items)) {
            return List.of();
        }
        return items.stream().map(item -> JSON.convertValue(item, type)).toList();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        return body instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The {@code content} of a page answer. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> content() {
        return map().get("content") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** A text field of the body, or null. */
    public String text(String field) {
        Object value = map().get(field);
        return value == null ? null : String.valueOf(value);
    }
}
