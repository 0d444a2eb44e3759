package kz.senim.local.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The current school year (September to August) in the schools' time zone, so that the demo has a
 * past and a future whatever day it is created on.
 */
final class SchoolCalendar {

    static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    private final Instant now;
    private final int firstYear;

    SchoolCalendar(Instant now) {
        this.now = now;
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        this.firstYear = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
    }

    /** e.g. {@code 2026-2027}. */
    String schoolYear() {
        return firstYear + "-" + (firstYear + 1);
    }

    /** A month of this school year, e.g. {@code 2026-10}. */
    String month(Month month) {
        return YearMonth.of(yearOf(month), month).toString();
    }

    OffsetDateTime at(Month month, int day, int hour, int minute) {
        return LocalDate.of(yearOf(month), month, day)
                .atTime(hour, minute)
                .atZone(ZONE)
                .toOffsetDateTime();
    }

    /** The first given weekday of a month of this school year. */
    OffsetDateTime first(DayOfWeek weekday, Month month, int hour, int minute) {
        LocalDate date = LocalDate.of(yearOf(month), month, 1).with(TemporalAdjusters.firstInMonth(weekday));
        return date.atTime(hour, minute).atZone(ZONE).toOffsetDateTime();
    }

    /** Some days from today (negative: in the past), at a time of day. */
    OffsetDateTime daysFromToday(int days, int hour, int minute) {
        return LocalDate.ofInstant(now, ZONE)
                .plusDays(days)
                .atTime(LocalTime.of(hour, minute))
                .atZone(ZONE)
                .toOffsetDateTime();
    }

    boolean hasStarted(OffsetDateTime time) {
        return !time.toInstant().isAfter(Instant.now());
    }

    private int yearOf(Month month) {
        return month.getValue() >= 9 ? firstYear : firstYear + 1;
    }
}
