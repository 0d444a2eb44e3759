package kz.senim.portal.api;

import java.util.List;
import java.util.Map;

/**
 * A successful answer of the API. {@link #body()} is the JSON as plain maps and lists, so templates read
 * it as {@code ${case.status}}.
 */
public record ApiAnswer(int status, Object body, String etag, String location) {

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
