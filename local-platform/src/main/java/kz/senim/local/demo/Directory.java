package kz.senim.local.demo;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kz.senim.local.api.Caller;
import kz.senim.local.api.SenimApi;

/**
 * The people directory of a demo school, imported by its admin as one CSV file (importing the same
 * file again changes nothing), and the ids by which the other demo steps name people.
 */
final class Directory {

    private final SenimApi api;
    private final DemoSchool school;
    private final Map<String, String> ids = new LinkedHashMap<>();

    private Directory(SenimApi api, DemoSchool school) {
        this.api = api;
        this.school = school;
    }

    static Directory imported(SenimApi api, DemoSchool school) {
        Directory directory = new Directory(api, school);
        for (DemoSchool.Person person : school.people()) {
            directory.ids.put(
                    person.key(),
                    person.hasAccount() ? api.as(person.username()).userId() : person.idWithoutAccount(school.id()));
        }
        StringBuilder csv =
                new StringBuilder("userId,role,grade,classLetter,guardianOf,language,givenName,familyName\n");
        for (DemoSchool.Person person : school.people()) {
            csv.append(String.join(
                            ",",
                            directory.id(person.key()),
                            person.role(),
                            person.grade() == null ? "" : person.grade().toString(),
                            person.classLetter() == null ? "" : person.classLetter(),
                            person.guardianOfKey() == null ? "" : directory.id(person.guardianOfKey()),
                            person.language(),
                            person.givenName(),
                            person.familyName()))
                    .append('\n');
        }
        directory
                .as("admin")
                .sendBytes(
                        "POST",
                        "/api/people/imports",
                        "text/csv; charset=UTF-8",
                        csv.toString().getBytes(StandardCharsets.UTF_8))
                .expect(200, 201);
        return directory;
    }

    String schoolId() {
        return school.id();
    }

    DemoSchool school() {
        return school;
    }

    int size() {
        return ids.size();
    }

    /** The id of a person of the directory, by the key the demo gives them. */
    String id(String key) {
        String id = ids.get(key);
        if (id == null) {
            throw new IllegalArgumentException("No person " + key + " in " + school.id());
        }
        return id;
    }

    /** The key of the person with this id, if they are in the demo directory. */
    Optional<String> keyOf(String userId) {
        return ids.entrySet().stream()
                .filter(e -> e.getValue().equals(userId))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The demo user with this key, calling the API. */
    Caller as(String key) {
        return api.as(school.username(key));
    }
}
