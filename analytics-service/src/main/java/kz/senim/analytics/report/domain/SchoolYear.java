package kz.senim.analytics.report.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A school year such as {@code 2026-2027}: from its start month of the first year to that month of the next. */
public record SchoolYear(int startYear) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{4})");

    /** Empty unless the text is {@code YYYY-YYYY} with consecutive years. */
    public static Optional<SchoolYear> parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(2));
        return second == first + 1 && first >= 2000 ? Optional.of(new SchoolYear(first)) : Optional.empty();
    }

    public String label() {
        return startYear + "-" + (startYear + 1);
    }

    /** The first instant of the year at the school: the first day of the start month, midnight in its zone. */
    public Instant start(ZoneId zone, int startMonth) {
        return LocalDate.of(startYear, startMonth, 1).atStartOfDay(zone).toInstant();
    }

    /** The first instant after the year. */
    public Instant end(ZoneId zone, int startMonth) {
        return LocalDate.of(startYear + 1, startMonth, 1).atStartOfDay(zone).toInstant();
    }

    @Override
    public String toString() {
        return label();
    }
}
