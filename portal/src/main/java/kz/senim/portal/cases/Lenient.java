package kz.senim.portal.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API leaves out what a viewer may not see (a party gets no {@code description}, an adult no
 * {@code grade}). Templates read answers as {@code ${c.description}}, which fails on a map without that
 * key; a lenient map reads an absent field as null, so a page simply shows nothing there.
 */
final class Lenient {

    private Lenient() {}

    @SuppressWarnings("unchecked")
    static <T> T of(T value) {
        if (value instanceof Map<?, ?> map) {
            LenientMap copy = new LenientMap();
            map.forEach((k, v) -> copy.put(String.valueOf(k), of(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(of(item)));
            return (T) copy;
        }
        return value;
    }

    static final class LenientMap extends LinkedHashMap<String, Object> {
        @Override
        public boolean containsKey(Object key) {
            return true;
        }
    }
}
