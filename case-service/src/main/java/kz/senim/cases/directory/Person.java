package kz.senim.cases.directory;

import java.util.List;
import java.util.Optional;
import kz.senim.cases.school.domain.SchoolClass;

/** A person of a school's directory, as membership-service announced them: no name, no e-mail. */
public record Person(
        String schoolId, String userId, String role, Integer grade, String classLetter, List<String> guardianOf) {

    public boolean isStudent() {
        return "student".equals(role);
    }

    public boolean isCoordinator() {
        return "coordinator".equals(role);
    }

    public Optional<SchoolClass> schoolClass() {
        if (grade == null || classLetter == null || classLetter.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SchoolClass(grade, classLetter));
    }
}
