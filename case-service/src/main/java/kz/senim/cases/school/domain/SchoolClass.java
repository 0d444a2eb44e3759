package kz.senim.cases.school.domain;

import java.util.Locale;

/** A class of the school, e.g. grade 9, letter Ә. */
public record SchoolClass(int grade, String letter) {

    public SchoolClass {
        if (grade < 1 || grade > 11) {
            throw new IllegalArgumentException("grade must be 1..11");
        }
        if (letter == null || letter.isBlank()) {
            throw new IllegalArgumentException("letter is required");
        }
        letter = letter.strip().toUpperCase(Locale.ROOT);
    }
}
