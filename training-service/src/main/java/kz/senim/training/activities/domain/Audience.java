package kz.senim.training.activities.domain;

import java.util.EnumSet;
import java.util.Set;
import kz.senim.platform.security.Role;

/**
 * Who an activity is for: groups of people, and for students optionally a range of grades
 * (e.g. a peer lesson for grades 1-9).
 */
public record Audience(Set<AudienceGroup> groups, Integer gradeFrom, Integer gradeTo) {

    public Audience {
        if (groups == null || groups.isEmpty()) {
            throw new IllegalArgumentException("An audience names at least one group");
        }
        groups = Set.copyOf(EnumSet.copyOf(groups));
        if (gradeFrom != null && gradeTo != null && gradeFrom > gradeTo) {
            throw new IllegalArgumentException("gradeFrom must not be after gradeTo");
        }
    }

    /**
     * True when a person with these roles (and, for a student, this grade; null when unknown) is
     * part of the audience. A student of unknown grade is not part of a grade-limited audience.
     */
    public boolean includes(Set<Role> roles, Integer grade) {
        if (groups.contains(AudienceGroup.MEDIATORS) && roles.contains(Role.MEDIATOR)) {
            return true;
        }
        if (groups.contains(AudienceGroup.TEACHERS) && roles.contains(Role.TEACHER)) {
            return true;
        }
        if (groups.contains(AudienceGroup.PARENTS) && roles.contains(Role.PARENT)) {
            return true;
        }
        if (groups.contains(AudienceGroup.COORDINATORS) && roles.contains(Role.COORDINATOR)) {
            return true;
        }
        if (groups.contains(AudienceGroup.STUDENTS) && roles.contains(Role.STUDENT)) {
            if (gradeFrom == null && gradeTo == null) {
                return true;
            }
            return grade != null && (gradeFrom == null || grade >= gradeFrom) && (gradeTo == null || grade <= gradeTo);
        }
        return false;
    }
}
