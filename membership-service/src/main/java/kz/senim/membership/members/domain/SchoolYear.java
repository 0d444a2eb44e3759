package kz.senim.membership.members.domain;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A school year such as {@code 2025-2026}: from the school's start month to the month before it. */
public record SchoolYear(int startYear) implements Comparable<SchoolYear> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{4})");

    public SchoolYear {
        if (startYear < 2000 || startYear > 2999) {
            throw new IllegalArgumentException("School year out of range: " + startYear);
        }
    }

    public static SchoolYear parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            throw new IllegalArgumentException("Not a school year: " + text);
        }
        return new SchoolYear(Integer.parseInt(m.group(1)));
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
