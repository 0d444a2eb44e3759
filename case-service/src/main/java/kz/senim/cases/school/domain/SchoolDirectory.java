package kz.senim.cases.school.domain;

import java.util.Optional;

/** What the neutrality and consent rules need to know about the people of a school. */
public interface SchoolDirectory {

    /** The class of a student, empty for an adult or an unknown person. */
    Optional<SchoolClass> classOf(String userId);

    /** True when the guardian is registered as the guardian of the student. */
    boolean isGuardianOf(String guardianUserId, String studentUserId);
}
