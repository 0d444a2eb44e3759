package kz.senim.training.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import kz.senim.platform.openapi.Anonymous;
import kz.senim.platform.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Calendar feeds", description = "iCalendar feeds of the activities, behind an unguessable token.")
@RestController
class CalendarFeedController {

    /** The anonymous path the gateway lets through without a token. */
    static final String FEED_PATH = "/api/activities/feeds/";

    private final CalendarFeeds feeds;

    CalendarFeedController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @Operation(operationId = "createCalendarFeed", summary = "Create a calendar feed")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping("/api/activities/calendar-feeds")
    ResponseEntity<FeedView> create(
            @Valid @RequestBody CreateFeed request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            CurrentUser caller) {
        CalendarFeeds.Feed feed = feeds.create("MINE".equals(request.scope()), caller, idempotencyKey);
        String url = FEED_PATH + feed.token() + ".ics";
        return ResponseEntity.created(URI.create(url))
                .body(new FeedView(feed.token(), feed.userId() == null ? "SCHOOL" : "MINE", url));
    }

    @Operation(operationId = "revokeCalendarFeed", summary = "Revoke a calendar feed")
    @ApiResponse(responseCode = "204", description = "Done")
    @DeleteMapping("/api/activities/calendar-feeds/{token}")
    ResponseEntity<Void> revoke(@PathVariable String token, CurrentUser caller) {
        feeds.revoke(token, caller);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "getCalendarFeed", summary = "Read a calendar feed (iCalendar)")
    @Anonymous
    @GetMapping(value = FEED_PATH + "{token}.ics", produces = "text/calendar")
    ResponseEntity<String> feed(@PathVariable String token) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "private, max-age=300")
                .body(feeds.render(token));
    }

    record CreateFeed(
            @NotNull @Pattern(regexp = "SCHOOL|MINE") String scope) {}

    record FeedView(String token, String scope, String url) {}
}
