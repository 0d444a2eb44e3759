package kz.senim.training.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import kz.senim.training.activities.domain.Activity;
import kz.senim.training.activities.domain.ActivityStatus;

/**
 * An RFC 5545 calendar of activities that phones subscribe to. Times are given in the school's
 * time zone where its offset does not change over the feed (TZID with a VTIMEZONE), in UTC otherwise;
 * either way the phone shows them right wherever it is.
 */
final class ICalendarFeed {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    private ICalendarFeed() {}

    static String of(String name, ZoneId zone, List<Activity> activities, Instant now) {
        ICalendarFeed feed = new ICalendarFeed();
        feed.line("BEGIN:VCALENDAR");
        feed.line("VERSION:2.0");
        feed.line("PRODID:-//Senim//training-service//EN");
        feed.line("CALSCALE:GREGORIAN");
        feed.line("METHOD:PUBLISH");
        feed.line("X-WR-CALNAME:" + escape(name));
        feed.line("X-WR-TIMEZONE:" + zone.getId());
        Optional<ZoneOffset> single = singleOffset(zone, activities, now);
        single.ifPresent(offset -> feed.timeZone(zone, offset, activities, now));
        for (Activity a : activities) {
            feed.line("BEGIN:VEVENT");
            feed.line("UID:" + a.id() + "@senim.kz");
            feed.line("DTSTAMP:" + UTC.format(now));
            feed.line("DTSTART" + feed.time(a.startsAt(), zone, single.isPresent()));
            feed.line("DTEND" + feed.time(a.endsAt(), zone, single.isPresent()));
            feed.line("SUMMARY:" + escape(a.title()));
            feed.line("LOCATION:" + escape(a.place()));
            feed.line("CATEGORIES:" + a.type().name());
            feed.line("SEQUENCE:" + a.version());
            feed.line("STATUS:" + (a.status() == ActivityStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
            feed.line("END:VEVENT");
        }
        feed.line("END:VCALENDAR");
        return feed.out.toString();
    }

    private String time(Instant instant, ZoneId zone, boolean local) {
        return local
                ? ";TZID=" + zone.getId() + ":" + LOCAL.format(LocalDateTime.ofInstant(instant, zone))
                : ":" + UTC.format(instant);
    }

    /**
     * The zone's one offset over the whole feed, when it does not change there (Asia/Almaty since
     * 2024). Then times are local with a one-observance VTIMEZONE, which every reader agrees on;
     * across an offset change they are given in UTC instead, which is never misread.
     */
    private static Optional<ZoneOffset> singleOffset(ZoneId zone, List<Activity> activities, Instant now) {
        ZoneRules rules = zone.getRules();
        Instant first = activities.stream()
                .map(Activity::startsAt)
                .min(Comparator.naturalOrder())
                .orElse(now);
        Instant last = activities.stream()
                .map(Activity::endsAt)
                .max(Comparator.naturalOrder())
                .orElse(now);
        ZoneOffsetTransition next = rules.nextTransition(first);
        if (next != null && !next.getInstant().isAfter(last)) {
            return Optional.empty();
        }
        return Optional.of(rules.getOffset(first));
    }

    /** One observance from the zone's last change before the feed's first activity. */
    private void timeZone(ZoneId zone, ZoneOffset offset, List<Activity> activities, Instant now) {
        Instant first = activities.stream()
                .map(Activity::startsAt)
                .min(Comparator.naturalOrder())
                .orElse(now);
        ZoneOffsetTransition before = zone.getRules().previousTransition(first.plusSeconds(1));
        line("BEGIN:VTIMEZONE");
        line("TZID:" + zone.getId());
        observance(
                "STANDARD",
                before == null ? "19700101T000000" : LOCAL.format(before.getDateTimeAfter()),
                offset,
                offset);
        line("END:VTIMEZONE");
    }

    private void observance(String kind, String start, ZoneOffset from, ZoneOffset to) {
        line("BEGIN:" + kind);
        line("DTSTART:" + start);
        line("TZOFFSETFROM:" + offset(from));
        line("TZOFFSETTO:" + offset(to));
        line("END:" + kind);
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        return (seconds < 0 ? "-" : "+") + String.format("%02d%02d", minutes / 60, minutes % 60);
    }

    /** Lines end with CRLF and are folded at 75 octets without splitting a UTF-8 character. */
    private void line(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            out.append(content).append("\r\n");
            return;
        }
        int octets = 0;
        int limit = 75;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append(current).append("\r\n ");
                current.setLength(0);
                octets = 0;
                limit = 74;
            }
            current.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append(current).append("\r\n");
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }
}
