package kz.senim.notification.people;

import java.util.List;
import java.util.Locale;

/** An entry of the school's people directory, as notifications need it: no names, no addresses. */
public record Person(
        String userId, String schoolId, String role, Integer grade, Locale language, List<String> guardianOf) {

    public Person {
        guardianOf = List.copyOf(guardianOf);
    }
}
