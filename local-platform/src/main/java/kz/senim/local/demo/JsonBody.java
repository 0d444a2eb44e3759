package kz.senim.local.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object written as name/value pairs in order; a null value leaves the field out. */
final class JsonBody {

    private JsonBody() {}

    static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                body.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return body;
    }

    /** A text in the three languages of the platform. */
    static Map<String, Object> texts(String kk, String ru, String en) {
        return of("kk", kk, "ru", ru, "en", en);
    }
}
