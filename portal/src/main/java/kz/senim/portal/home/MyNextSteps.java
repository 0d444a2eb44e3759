package kz.senim.portal.home;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.web.Viewer;
import org.springframework.stereotype.Component;

/**
 * What comes next for a student or a mediator, from what the API lists for them: the next session of each
 * of their cases (as the case itself would show it: the team every session, a party those they take part
 * in), and a mediator's curriculum progress. Nothing here reads a case itself, so a home page is never a
 * confidential read.
 */
@Component
class MyNextSteps {

    /** The next session of one case: when and where. */
    record NextSession(String caseId, String status, OffsetDateTime startsAt, String place) {}

    /** A mediator's curriculum: certified, or how far along. */
    record Progress(boolean certified, int modulesDone, int modules, int simulations, int simulationsRequired) {}

    private static final int CASES = 50;
    private static final int SHOWN = 5;

    private final GatewayApi api;

    MyNextSteps(GatewayApi api) {
        this.api = api;
    }

    /** A case waiting for the viewer's answer to the request for consent: as a party, or as a guardian. */
    record AwaitedConsent(String caseId, boolean asGuardian, Object submittedAt) {}

    /** The viewer's 50 most recent cases as the API lists them; empty when the API says nothing. */
    List<Map<String, Object>> lines() {
        try {
            return Optional.ofNullable(api.get("/api/cases?page=0&size={size}&sort=submittedAt,desc", CASES))
                    .map(ApiAnswer::content)
                    .orElse(List.of());
        } catch (ApiProblem refused) {
            if (refused.status() == 401) {
                throw refused;
            }
            return List.of();
        }
    }

    /**
     * The cases waiting for the viewer's own answer ({@code awaitingYourConsent}), their child's first for a
     * guardian, otherwise newest first: what a parent's or a party's home asks of them before anything else.
     */
    static List<AwaitedConsent> awaitingConsent(List<Map<String, Object>> lines) {
        return lines.stream()
                .filter(line -> Boolean.TRUE.equals(line.get("awaitingYourConsent")))
                .map(line -> new AwaitedConsent(
                        String.valueOf(line.get("id")),
                        Boolean.TRUE.equals(line.get("asGuardian")),
                        line.get("submittedAt")))
                .sorted(Comparator.comparing(AwaitedConsent::asGuardian).reversed())
                .toList();
    }

    /** The viewer's next sessions, soonest first, one per case. */
    static List<NextSession> sessions(List<Map<String, Object>> lines) {
        List<NextSession> sessions = new ArrayList<>();
        for (Map<String, Object> line : lines) {
            next(line).ifPresent(sessions::add);
        }
        return sessions.stream()
                .sorted(Comparator.comparing(NextSession::startsAt))
                .limit(SHOWN)
                .toList();
    }

    /** The next session of a line of the case list ({@code nextSession}), if it has one the portal can read. */
    static Optional<NextSession> next(Map<String, Object> line) {
        if (line.get("nextSession") instanceof Map<?, ?> next && next.get("startsAt") instanceof String at) {
            try {
                return Optional.of(new NextSession(
                        String.valueOf(line.get("id")),
                        String.valueOf(line.get("status")),
                        OffsetDateTime.parse(at),
                        next.get("place") instanceof String place && !place.isBlank() ? place : null));
            } catch (java.time.format.DateTimeParseException notATime) {
                // left out: a time the portal cannot read is not a session it can announce
            }
        }
        return Optional.empty();
    }

    /** The next session per case id, for the lines of "where your cases stand". */
    static Map<String, NextSession> byCase(List<NextSession> sessions) {
        Map<String, NextSession> byCase = new LinkedHashMap<>();
        sessions.forEach(s -> byCase.putIfAbsent(s.caseId(), s));
        return byCase;
    }

    /** A mediator's curriculum progress: membership says whether they are certified, training how far along. */
    Optional<Progress> progress(Viewer viewer) {
        try {
            Object status = Optional.ofNullable(api.get("/api/membership/members/{id}", viewer.userId()))
                    .map(answer -> answer.map().get("status"))
                    .orElse(null);
            if ("CERTIFIED".equals(status)) {
                return Optional.of(new Progress(true, 0, 0, 0, 0));
            }
        } catch (ApiProblem refused) {
            if (refused.status() == 401) {
                throw refused;
            }
        }
        try {
            ApiAnswer answer = api.get("/api/activities/curriculum/trainees/{id}", viewer.userId());
            if (answer == null) {
                return Optional.empty();
            }
            Map<String, Object> progress = answer.map();
            int done = size(progress.get("modulesCompleted"));
            return Optional.of(new Progress(
                    false,
                    done,
                    done + size(progress.get("modulesMissing")),
                    number(progress.get("simulationsAttended")),
                    number(progress.get("simulationsRequired"))));
        } catch (ApiProblem refused) {
            if (refused.status() == 401) {
                throw refused;
            }
            return Optional.empty();
        }
    }

    private static int size(Object list) {
        return list instanceof List<?> items ? items.size() : 0;
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
