package kz.senim.membership.people.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import kz.senim.membership.domain.FieldProblem;
import kz.senim.membership.domain.InvalidInput;

/**
 * An entry of a school's people directory, linked to a Keycloak user id. Students have a grade
 * (1–11) and a class letter; parents may be guardians of students; everyone has a preferred language.
 * The name is stored here for coordinators only: it never leaves the service in an event.
 */
public record Person(
        String schoolId,
        String userId,
        PersonRole role,
        Integer grade,
        String classLetter,
        SortedSet<String> guardianOf,
        String language,
        String givenName,
        String familyName,
        long version) {

    public static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");

    public Person {
        guardianOf = guardianOf == null ? new TreeSet<>() : new TreeSet<>(guardianOf);
    }

    /** Builds an entry, or refuses it with every broken rule of its fields. */
    public static Person of(
            String schoolId,
            String userId,
            PersonRole role,
            Integer grade,
            String classLetter,
            Set<String> guardianOf,
            String language,
            String givenName,
            String familyName) {
        List<FieldProblem> problems = rulesBrokenBy(userId, role, grade, classLetter, guardianOf, language);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new Person(
                schoolId,
                userId,
                role,
                grade,
                classLetter == null ? null : classLetter.strip(),
                guardianOf == null ? new TreeSet<>() : new TreeSet<>(guardianOf),
                language,
                givenName.strip(),
                familyName.strip(),
                0);
    }

    /**
     * The rules of the directory: a student has a grade and a class letter and is nobody's guardian;
     * nobody else has a grade or class; only parents are guardians, and not of themselves.
     */
    public static List<FieldProblem> rulesBrokenBy(
            String userId,
            PersonRole role,
            Integer grade,
            String classLetter,
            Set<String> guardianOf,
            String language) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean hasClass = classLetter != null && !classLetter.isBlank();
        boolean guards = guardianOf != null && !guardianOf.isEmpty();
        if (role == PersonRole.STUDENT) {
            if (grade == null) {
                problems.add(new FieldProblem("grade", "person.grade.required"));
            } else if (grade < 1 || grade > 11) {
                problems.add(new FieldProblem("grade", "person.grade.range"));
            }
            if (!hasClass) {
                problems.add(new FieldProblem("classLetter", "person.classLetter.required"));
            }
        } else if (role != null) {
            if (grade != null) {
                problems.add(new FieldProblem("grade", "person.grade.studentsOnly"));
            }
            if (hasClass) {
                problems.add(new FieldProblem("classLetter", "person.classLetter.studentsOnly"));
            }
        }
        if (hasClass
                && (classLetter.strip().length() > 3
                        || !classLetter.strip().codePoints().allMatch(Character::isLetter))) {
            problems.add(new FieldProblem("classLetter", "person.classLetter.format"));
        }
        if (guards && role != PersonRole.PARENT) {
            problems.add(new FieldProblem("guardianOf", "person.guardianOf.parentsOnly"));
        }
        if (guards && userId != null && guardianOf.contains(userId)) {
            problems.add(new FieldProblem("guardianOf", "person.guardianOf.self"));
        }
        if (language == null || !LANGUAGES.contains(language)) {
            problems.add(new FieldProblem("language", "person.language.known"));
        }
        return problems;
    }

    public boolean isStudent() {
        return role == PersonRole.STUDENT;
    }

    /** True when the entry says the same as the other one (the version aside). */
    public boolean sameEntryAs(Person other) {
        return schoolId.equals(other.schoolId)
                && userId.equals(other.userId)
                && role == other.role
                && Objects.equals(grade, other.grade)
                && Objects.equals(classLetter, other.classLetter)
                && guardianOf.equals(other.guardianOf)
                && language.equals(other.language)
                && givenName.equals(other.givenName)
                && familyName.equals(other.familyName);
    }

    public Person withVersion(long newVersion) {
        return new Person(
                schoolId, userId, role, grade, classLetter, guardianOf, language, givenName, familyName, newVersion);
    }
}
