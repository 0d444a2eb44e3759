package kz.senim.notification.mapping;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.senim.notification.people.PersonRepository;
import org.springframework.stereotype.Component;

/** Who the people of a school are for a notification: its coordinators, the audience of an activity. */
@Component
class Audiences {

    private final PersonRepository people;

    Audiences(PersonRepository people) {
        this.people = people;
    }

    List<String> coordinators(String schoolId) {
        return people.withRole(schoolId, "coordinator");
    }

    List<String> guardiansOf(String studentId) {
        return people.guardiansOf(studentId);
    }

    List<String> of(ActivityRepository.Audience audience) {
        Set<String> told = new LinkedHashSet<>(audience.facilitatorIds());
        int from = audience.gradeFrom() == null ? 1 : audience.gradeFrom();
        int to = audience.gradeTo() == null ? 11 : audience.gradeTo();
        for (String group : audience.groups()) {
            switch (group) {
                case "STUDENTS" -> told.addAll(people.students(audience.schoolId(), from, to));
                case "MEDIATORS" -> told.addAll(people.clubMembers(audience.schoolId()));
                case "TEACHERS" -> told.addAll(people.withRole(audience.schoolId(), "teacher"));
                case "PARENTS" -> told.addAll(people.guardiansOfStudents(audience.schoolId(), from, to));
                case "COORDINATORS" -> told.addAll(people.withRole(audience.schoolId(), "coordinator"));
                default -> {}
            }
        }
        return List.copyOf(told);
    }
}
