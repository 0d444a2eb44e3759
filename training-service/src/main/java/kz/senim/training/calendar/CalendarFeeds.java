package kz.senim.training.calendar;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.web.IdempotentRequests;
import kz.senim.training.activities.Activities;
import kz.senim.training.activities.domain.Activity;
import kz.senim.training.directory.Directory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * iCalendar feeds behind an unguessable token (256 random bits) in the URL, so a phone's calendar
 * can subscribe without signing in: the school's whole calendar, or one person's own activities.
 */
@Service
public class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Activities activities;
    private final Directory directory;
    private final IdempotentRequests idempotent;
    private final Clock clock;

    CalendarFeeds(
            JdbcClient jdbc, Activities activities, Directory directory, IdempotentRequests idempotent, Clock clock) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.directory = directory;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    public record Feed(String token, String schoolId, String userId) {}

    /** A new feed for the caller: their school's calendar, or only their own activities. */
    @Transactional
    public Feed create(boolean mine, CurrentUser caller, String idempotencyKey) {
        String school = caller.schoolId().orElseThrow(() -> new ResourceNotFound("School"));
        Optional<String> previous = idempotent.earlier(caller.id(), "calendar-feed", idempotencyKey);
        if (previous.isPresent()) {
            return find(previous.get()).orElseThrow();
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        Feed feed = new Feed(
                Base64.getUrlEncoder().withoutPadding().encodeToString(random), school, mine ? caller.id() : null);
        jdbc.sql("""
                insert into calendar_feed (token, school_id, user_id, created_by, created_at)
                values (:token, :school, :user, :by, :at)
                """)
                .param("token", feed.token())
                .param("school", school)
                .param("user", feed.userId())
                .param("by", caller.id())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        idempotent.remember(caller.id(), "calendar-feed", idempotencyKey, feed.token());
        return feed;
    }

    /** Revokes one of the caller's own feeds; anyone else's answers 404. */
    @Transactional
    public void revoke(String token, CurrentUser caller) {
        int deleted = jdbc.sql("delete from calendar_feed where token = :token and created_by = :by")
                .param("token", token)
                .param("by", caller.id())
                .update();
        if (deleted == 0) {
            throw new ResourceNotFound("Calendar feed");
        }
    }

    /** The .ics document of a feed; an unknown or revoked token answers 404. */
    @Transactional(readOnly = true)
    public String render(String token) {
        Feed feed = find(token).orElseThrow(() -> new ResourceNotFound("Calendar feed"));
        List<Activity> listed = activities.calendarOf(feed.schoolId(), feed.userId());
        Instant now = clock.instant();
        return ICalendarFeed.of(
                feed.userId() == null ? "Senim" : "Senim (mine)", directory.timeZoneOf(feed.schoolId()), listed, now);
    }

    private Optional<Feed> find(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select token, school_id, user_id from calendar_feed where token = :token")
                .param("token", token)
                .query((rs, row) -> new Feed(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }
}
