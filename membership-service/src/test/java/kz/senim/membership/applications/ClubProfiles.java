package kz.senim.membership.applications;

/** Bodies of club profile edits for tests. */
public final class ClubProfiles {

    private ClubProfiles() {}

    public static String minimal(int capacity) {
        return """
                {"name":{"kk":"Сенім","ru":"Сенім","en":"Senim"},
                 "goals":{"kk":"Мақсат","ru":"Цель","en":"Goal"},
                 "tasks":{"kk":"Міндет","ru":"Задачи","en":"Tasks"},
                 "admissionGradeFrom":8,"admissionGradeTo":11,"capacity":%d}
                """.formatted(capacity);
    }
}
