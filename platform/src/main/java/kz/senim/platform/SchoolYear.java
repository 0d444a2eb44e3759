package kz.senim.platform;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.senim.platform.problem.FieldsRefused;

/**
 * A school year such as {@code 2025-2026}: from the school's start month to the month before it. The one
 * type every service reads school years with: written {@code YYYY-YYYY+1} only, from 2000; anything else
 * is refused the same way everywhere (400 naming the parameter, code {@code schoolYear.format}).
 */
public record SchoolYear(int startYear) implements Comparable<SchoolYear> {

    /** The message key and code of a refused school year. */
    public static final String FORMAT_CODE = "schoolYear.format";

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{4})");

    public SchoolYear {
        if (startYear < 2000 || startYear > 2999) {
            throw new IllegalArgumentException("School year out of range: " + startYear);
        }
    }

    /**
     * @throws IllegalArgumentException unless the text is {@code YYYY-YYYY+1}
     */
    public static SchoolYear parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            throw new IllegalArgumentException("Not a school year: " + text);
        }
        return new SchoolYear(Integer.parseInt(m.group(1)));
    }

    /**
     * A school year a request names in {@code field} (a path variable, query parameter or JSON field).
     *
     * @throws FieldsRefused naming the field (400) unless the text is {@code YYYY-YYYY+1}
     */
    public static SchoolYear of(String text, String field) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new FieldsRefused(field, FORMAT_CODE);
        }
    }

    /** The school year a day falls in, for a school whose year starts in {@code startMonth}. */
    public static SchoolYear containing(LocalDate day, int startMonth) {
        return new SchoolYear(day.getMonthValue() >= startMonth ? day.getYear() : day.getYear() - 1);
    }

    public SchoolYear next() {
        return new SchoolYear(startYear + 1);
    }

    @Override
    public int compareTo(SchoolYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return startYear + "-" + (startYear + 1);
    }
}
