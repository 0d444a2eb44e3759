package kz.senim.portal.web;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Optional;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Dates and times as people of the school read them: in the school's time zone (asked of the API once per
 * session) and the page's language. Templates call it as {@code ${@times.dateTime(case.submittedAt)}}.
 * On public pages, and for a district admin, a time keeps the offset the API gave it.
 */
@Component("times")
public class SchoolTimes {

    private static final String SESSION_ATTRIBUTE = SchoolTimes.class.getName() + ".zone";

    private final CurrentViewer viewers;
    private final GatewayApi api;

    SchoolTimes(CurrentViewer viewers, GatewayApi api) {
        this.viewers = viewers;
        this.api = api;
    }

    /** An ISO-8601 time with offset, as a date and time of the school; blank for null; as it is if unparseable. */
    public String dateTime(Object iso) {
        return format(iso, DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT));
    }

    /** The date of an ISO-8601 time with offset, or of an ISO date. */
    public String date(Object iso) {
        if (iso instanceof String text && text.length() == 10) {
            try {
                return LocalDate.parse(text)
                        .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                .withLocale(LocaleContextHolder.getLocale()));
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        return format(iso, DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM));
    }

    /** The day of the week of an ISO-8601 time with offset, at the school ("Wednesday"). */
    public String weekday(Object iso) {
        return format(iso, DateTimeFormatter.ofPattern("EEEE"));
    }

    /** The time of day only. */
    public String time(Object iso) {
        return format(iso, DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT));
    }

    /** The school's zone, for forms that take a local date and time: null when unknown. */
    public ZoneId zone() {
        return schoolZone().orElse(null);
    }

    /** A local date-time typed into a form (datetime-local), as an ISO time with the school's offset. */
    public String toIso(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            java.time.LocalDateTime at = java.time.LocalDateTime.parse(local);
            return at.atZone(schoolZone().orElse(ZoneId.of("Asia/Almaty")))
                    .toOffsetDateTime()
                    .toString();
        } catch (DateTimeParseException e) {
            return local;
        }
    }

    private String format(Object iso, DateTimeFormatter style) {
        if (iso == null) {
            return "";
        }
        String text = String.valueOf(iso);
        try {
            OffsetDateTime at = OffsetDateTime.parse(text);
            DateTimeFormatter formatter = style.withLocale(LocaleContextHolder.getLocale());
            return schoolZone()
                    .map(zone -> at.atZoneSameInstant(zone).format(formatter))
                    .orElseGet(() -> at.format(formatter));
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private Optional<ZoneId> schoolZone() {
        Optional<Viewer> viewer = viewers.find();
        if (viewer.isEmpty() || viewer.get().schoolId() == null) {
            return Optional.empty();
        }
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        HttpSession session = attributes.getRequest().getSession(false);
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof ZoneId zone) {
            return Optional.of(zone);
        }
        try {
            String id = api.get("/api/schools/{id}", viewer.get().schoolId()).text("timeZone");
            ZoneId zone = ZoneId.of(id == null ? "Asia/Almaty" : id);
            if (session != null) {
                session.setAttribute(SESSION_ATTRIBUTE, zone);
            }
            return Optional.of(zone);
        } catch (ApiProblem | java.time.DateTimeException unknown) {
            return Optional.empty();
        }
    }
}
