package kz.senim.portal.club;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.web.Viewer;
import org.springframework.stereotype.Component;

/**
 * Names of the school's people for those who may read the directory (coordinators and admins): the API
 * answers ids, a screen shows names. Anyone else gets no names (the screens then show no person).
 */
@Component
public class PeopleNames {

    private final GatewayApi api;

    PeopleNames(GatewayApi api) {
        this.api = api;
    }

    public static boolean mayRead(Viewer viewer) {
        return viewer.schoolId() != null && (viewer.isCoordinator() || viewer.isAdmin());
    }

    /** userId → "Given Family" for the ids the directory knows; nothing for the others. */
    public Map<String, String> of(Viewer viewer, Collection<String> userIds) {
        Map<String, String> names = new LinkedHashMap<>();
        if (!mayRead(viewer)) {
            return names;
        }
        for (String id : userIds) {
            if (id == null || names.containsKey(id)) {
                continue;
            }
            try {
                names.put(id, nameOf(api.get("/api/people/{id}", id).map()));
            } catch (ApiProblem unknown) {
                if (unknown.status() != 404) {
                    throw unknown;
                }
            }
        }
        return names;
    }

    /** The school's people of one role (e.g. coordinators, to choose an interviewer): userId → name. */
    public Map<String, String> withRole(Viewer viewer, String role) {
        Map<String, String> names = new LinkedHashMap<>();
        if (!mayRead(viewer)) {
            return names;
        }
        List<Map<String, Object>> people =
                api.get("/api/people?role={role}&size=100", role).content();
        people.forEach(person -> names.put(String.valueOf(person.get("userId")), nameOf(person)));
        return names;
    }

    static String nameOf(Map<String, Object> person) {
        String given = person.get("givenName") == null ? "" : String.valueOf(person.get("givenName"));
        String family = person.get("familyName") == null ? "" : String.valueOf(person.get("familyName"));
        String name = (given + " " + family).strip();
        return name.isEmpty() ? String.valueOf(person.get("userId")) : name;
    }
}
