package kz.senim.portal.home;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import org.springframework.stereotype.Component;

/**
 * What waits for a coordinator today, with counts the API gives for their school: new requests to triage,
 * trust-box messages waiting for an answer, cases waiting for mediators, for consent and for their
 * follow-up, and applications to the club. Urgent and waiting first; what has nothing waiting comes last.
 * A list the API does not answer is left out rather than shown as zero.
 */
@Component
class CoordinatorDay {

    /** One line of the coordinator's day: what, how many, how many urgent, waiting since when. */
    record Waiting(String key, String href, long count, long urgent, String oldest) {}

    /** A coordinator's week ahead: how many cases meet, and the soonest. */
    record Week(long cases, List<MyNextSteps.NextSession> soonest) {}

    private static final int LOOK_AT = 100;
    private static final int PAGES = 10;
    private static final int SOONEST = 3;

    private final GatewayApi api;

    CoordinatorDay(GatewayApi api) {
        this.api = api;
    }

    List<Waiting> today() {
        List<Waiting> lines = new ArrayList<>();
        cases("triage", "SUBMITTED").ifPresent(lines::add);
        trustBox().ifPresent(lines::add);
        cases("assign", "TRIAGED").ifPresent(lines::add);
        cases("consent", "AWAITING_CONSENT").ifPresent(lines::add);
        cases("followUp", "FOLLOW_UP").ifPresent(lines::add);
        optional(() -> api.get("/api/membership/applications?status={status}&page=0&size=1", "SUBMITTED"))
                .map(answer ->
                        new Waiting("applications", "/club/applications?status=SUBMITTED", total(answer), 0, null))
                .ifPresent(lines::add);
        // urgent first, then anything waiting, in the order above; nothing waiting last
        return lines.stream()
                .sorted(Comparator.comparing((Waiting w) -> w.urgent() == 0).thenComparing(w -> w.count() == 0))
                .toList();
    }

    /**
     * The cases of the school that meet in the next seven days, from the {@code nextSession} of each line
     * of the cases in mediation (sessions are held only then): how many, and the soonest first. A line gives
     * only a case's next session, so a case meeting twice this week counts once. Empty when the API does
     * not answer.
     */
    java.util.Optional<Week> week() {
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant end = now.plus(java.time.Duration.ofDays(7));
        List<MyNextSteps.NextSession> meeting = new ArrayList<>();
        for (int page = 0; page < PAGES; page++) {
            int current = page;
            java.util.Optional<ApiAnswer> answer = optional(() -> api.get(
                    "/api/cases?status={status}&page={page}&size={size}&sort=submittedAt,asc",
                    "IN_MEDIATION",
                    current,
                    LOOK_AT));
            if (answer.isEmpty()) {
                return java.util.Optional.empty();
            }
            List<Map<String, Object>> content = answer.get().content();
            for (Map<String, Object> line : content) {
                MyNextSteps.next(line)
                        .filter(s -> !s.startsAt().toInstant().isBefore(now))
                        .filter(s -> s.startsAt().toInstant().isBefore(end))
                        .ifPresent(meeting::add);
            }
            boolean last = answer.get().map().get("totalPages") instanceof Number pages
                    ? current + 1 >= pages.intValue()
                    : content.size() < LOOK_AT;
            if (last) {
                break;
            }
        }
        List<MyNextSteps.NextSession> soonest = meeting.stream()
                .sorted(Comparator.comparing(MyNextSteps.NextSession::startsAt))
                .limit(SOONEST)
                .toList();
        return java.util.Optional.of(new Week(meeting.size(), soonest));
    }

    /**
     * Where the viewer's own cases stand (those they asked for, take part in or mediate, as the API lists
     * them for this viewer): the five most recent, for a student's, a mediator's or a parent's home.
     */
    List<Map<String, Object>> casesOf() {
        return optional(() -> api.get("/api/cases?page=0&size=5&sort=submittedAt,desc"))
                .map(ApiAnswer::content)
                .orElse(List.of());
    }

    private java.util.Optional<Waiting> cases(String key, String status) {
        return optional(() ->
                        api.get("/api/cases?status={status}&page=0&size={size}&sort=submittedAt,asc", status, LOOK_AT))
                .map(answer -> {
                    List<Map<String, Object>> content = answer.content();
                    long urgent = content.stream()
                            .filter(c -> "HIGH".equals(c.get("urgency")))
                            .count();
                    String oldest = content.isEmpty()
                            ? null
                            : Objects.toString(content.getFirst().get("submittedAt"), null);
                    return new Waiting(key, "/cases?status=" + status, total(answer), urgent, oldest);
                });
    }

    private java.util.Optional<Waiting> trustBox() {
        return optional(() -> api.get("/api/trust-box/threads?page=0&size={size}", LOOK_AT))
                .map(answer -> {
                    List<Map<String, Object>> waiting = answer.content().stream()
                            .filter(t -> Boolean.TRUE.equals(t.get("awaitingAnswer")))
                            .toList();
                    String oldest = waiting.stream()
                            .map(t -> Objects.toString(t.get("lastMessageAt"), null))
                            .filter(Objects::nonNull)
                            .min(Comparator.comparing(java.time.OffsetDateTime::parse))
                            .orElse(null);
                    return new Waiting("trustBox", "/trust-box/threads", waiting.size(), 0, oldest);
                });
    }

    private static long total(ApiAnswer answer) {
        return answer.map().get("totalElements") instanceof Number n
                ? n.longValue()
                : answer.content().size();
    }

    private static java.util.Optional<ApiAnswer> optional(Supplier<ApiAnswer> call) {
        try {
            return java.util.Optional.ofNullable(call.get());
        } catch (ApiProblem refused) {
            if (refused.status() == 401) {
                throw refused;
            }
            return java.util.Optional.empty();
        }
    }
}
