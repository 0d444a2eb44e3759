package kz.senim.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Names of the school's people, for the viewers who may read the directory (coordinators and admins of a
 * school): the API answers user ids, a screen shows names (decision 65). Anyone else gets no names, and
 * the screens say "party 1", "you" or "mediator". Each person is looked up once per request. A name that
 * cannot be had (unknown id, the directory unreachable) is simply missing; only a session that ended is
 * passed on.
 */
@Component
public class PeopleNames {

    private static final String CACHE = PeopleNames.class.getName();

    private final GatewayApi api;

    PeopleNames(GatewayApi api) {
        this.api = api;
    }

    public static boolean mayRead(Viewer viewer) {
        return viewer != null && viewer.schoolId() != null && (viewer.isCoordinator() || viewer.isAdmin());
    }

    /** userId → "Given Family" for the ids the directory knows; empty for viewers who read no directory. */
    public Map<String, String> of(Viewer viewer, Collection<String> userIds) {
        Map<String, String> names = new LinkedHashMap<>();
        if (!mayRead(viewer)) {
            return names;
        }
        Map<String, Optional<String>> known = cache();
        for (String id : userIds) {
            if (id != null) {
                known.computeIfAbsent(id, this::lookUp).ifPresent(name -> names.put(id, name));
            }
        }
        return names;
    }

    /** The school's people of one role (e.g. coordinators, to choose an interviewer): userId → name. */
    public Map<String, String> withRole(Viewer viewer, String role) {
        Map<String, String> names = new LinkedHashMap<>();
        if (mayRead(viewer)) {
            directoryPage("/api/people?role={role}&size=100&sort=familyName", role)
                    .forEach(person -> names.put(String.valueOf(person.get("userId")), nameOf(person)));
        }
        return names;
    }

    /** The school's directory (the first 100 by family name), to choose a person; empty for other viewers. */
    public List<Map<String, Object>> directory(Viewer viewer) {
        return mayRead(viewer) ? directoryPage("/api/people?size=100&sort=familyName") : List.of();
    }

    /** "Given Family" of a directory entry, or its user id when it has no name. */
    public static String nameOf(Map<String, Object> person) {
        String name = (Objects.toString(person.get("givenName"), "") + " "
                        + Objects.toString(person.get("familyName"), ""))
                .strip();
        return name.isEmpty() ? String.valueOf(person.get("userId")) : name;
    }

    private List<Map<String, Object>> directoryPage(String path, Object... variables) {
        try {
            return api.get(path, variables).content();
        } catch (ApiProblem refused) {
            if (refused.status() == 401) {
                throw refused;
            }
            return List.of();
        }
    }

    private Optional<String> lookUp(String userId) {
        try {
            return Optional.of(nameOf(api.get("/api/people/{userId}", userId).map()));
        } catch (ApiProblem refused) {
            if (refused.status() == 401) {
                throw refused;
            }
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Optional<String>> cache() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            if (request.getAttribute(CACHE) instanceof Map<?, ?> cached) {
                return (Map<String, Optional<String>>) cached;
            }
            Map<String, Optional<String>> map = new HashMap<>();
            request.setAttribute(CACHE, map);
            return map;
        }
        return new HashMap<>();
    }
}
