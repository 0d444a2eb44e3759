package kz.senim.portal.cases;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.web.Viewer;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Names of the people a page shows, for the viewers who may know them: coordinators (and admins) read
 * the school's directory. Everyone else gets no names, and the pages say "party 1", "you" or "mediator".
 * Looked up once per request.
 */
@Component
class People {

    private static final String CACHE = People.class.getName();

    private final GatewayApi api;

    People(GatewayApi api) {
        this.api = api;
    }

    /** userId → "Given Family", for the ids the directory knows; empty for viewers who read no directory. */
    Map<String, String> names(Viewer viewer, Collection<String> userIds) {
        Map<String, String> names = new LinkedHashMap<>();
        if (!mayReadDirectory(viewer)) {
            return names;
        }
        Map<String, String> cache = cache();
        for (String userId : userIds) {
            if (userId == null) {
                continue;
            }
            String name = cache.computeIfAbsent(userId, this::lookUp);
            if (!name.isEmpty()) {
                names.put(userId, name);
            }
        }
        return names;
    }

    /** The school's directory (first 100 by family name) for choosing a person; empty for other viewers. */
    List<Map<String, Object>> directory(Viewer viewer) {
        if (!mayReadDirectory(viewer)) {
            return List.of();
        }
        try {
            return api.get("/api/people?size=100&sort=familyName").content();
        } catch (ApiProblem refused) {
            return List.of();
        }
    }

    static String nameOf(Map<String, Object> person) {
        return (Objects.toString(person.get("givenName"), "") + " " + Objects.toString(person.get("familyName"), ""))
                .strip();
    }

    private static boolean mayReadDirectory(Viewer viewer) {
        return viewer != null && (viewer.isCoordinator() || viewer.isAdmin()) && viewer.schoolId() != null;
    }

    private String lookUp(String userId) {
        try {
            ApiAnswer person = api.get("/api/people/{userId}", userId);
            return nameOf(person.map());
        } catch (ApiProblem unknown) {
            return "";
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> cache() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            Object cached = request.getAttribute(CACHE);
            if (cached instanceof Map<?, ?> map) {
                return (Map<String, String>) map;
            }
            Map<String, String> map = new HashMap<>();
            request.setAttribute(CACHE, map);
            return map;
        }
        return new HashMap<>();
    }
}
