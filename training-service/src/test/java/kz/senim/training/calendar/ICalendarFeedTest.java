package kz.senim.training.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.senim.training.activities.domain.Activity;
import kz.senim.training.activities.domain.ActivityStatus;
import kz.senim.training.activities.domain.ActivityType;
import kz.senim.training.activities.domain.Audience;
import kz.senim.training.activities.domain.AudienceGroup;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class ICalendarFeedTest {

    static Activity at(String start, String title) {
        Instant from = Instant.parse(start);
        return new Activity(
                UUID.randomUUID(),
                "s",
                null,
                ActivityType.TRAINING,
                title,
                new Audience(Set.of(AudienceGroup.TEACHERS), null, null),
                Set.of("c"),
                from,
                from.plusSeconds(3600),
                ZoneId.of("Europe/Berlin"),
                "Aula",
                null,
                "en",
                true,
                Set.of(),
                ActivityStatus.SCHEDULED,
                null,
                0);
    }

    static List<Instant> starts(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .map(e -> Instant.from((Temporal) e.getDateTimeStart().getDate()))
                .sorted()
                .toList();
    }

    @Test
    void across_a_daylight_saving_change_the_times_are_given_in_utc_and_read_back_exactly() throws Exception {
        String ics = ICalendarFeed.of(
                "Senim",
                ZoneId.of("Europe/Berlin"),
                List.of(at("2027-03-22T14:00:00Z", "Before"), at("2027-03-29T13:00:00Z", "After")),
                Instant.now());

        assertThat(ics).contains("DTSTART:20270322T140000Z").doesNotContain("VTIMEZONE");
        assertThat(starts(ics))
                .containsExactly(Instant.parse("2027-03-22T14:00:00Z"), Instant.parse("2027-03-29T13:00:00Z"));
    }

    @Test
    void long_titles_are_folded_without_splitting_a_kazakh_letter_and_come_back_whole() throws Exception {
        String title = "Жанжалды қалай дұрыс шешеміз? ".repeat(6).strip();
        String ics = ICalendarFeed.of(
                "Senim", ZoneId.of("Asia/Almaty"), List.of(at("2027-01-05T10:00:00Z", title)), Instant.now());

        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(75);
        }
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = calendar.<VEvent>getComponents("VEVENT").getFirst();
        assertThat(event.getSummary().getValue()).isEqualTo(title);
        assertThat(ics).contains("DTSTART;TZID=Asia/Almaty:20270105T150000");
    }
}
