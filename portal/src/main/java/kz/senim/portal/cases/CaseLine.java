package kz.senim.portal.cases;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of a list of cases, as the API gives it: enough to tell requests apart at a glance (who asked,
 * between how many people, how urgent, where it stands) without opening them. {@code askedBy} and
 * {@code partyCount} are null where the API does not tell this viewer (a party, a mediator). A guardian's line
 * ({@code asGuardian}: their child's case, where the school asks their consent) and a line waiting for the
 * viewer's own answer ({@code awaitingYourConsent}) say so.
 */
public record CaseLine(
        String id,
        String status,
        String urgency,
        Object submittedAt,
        String outcome,
        String askedBy,
        Integer partyCount,
        boolean asGuardian,
        boolean awaitingYourConsent) {

    private static final List<String> URGENCIES = List.of("HIGH", "NORMAL", "LOW");
    private static final Set<String> ASKERS = Set.of("STUDENT", "PARENT", "TEACHER", "STAFF", "TRUST_BOX", "IN_PERSON");

    /** Urgent first; otherwise the order the API gave (its sort, newest first by default). */
    static final Comparator<CaseLine> URGENT_FIRST = Comparator.comparingInt(CaseLine::urgencyRank);

    static CaseLine of(Map<String, Object> line) {
        return new CaseLine(
                String.valueOf(line.get("id")),
                String.valueOf(line.get("status")),
                line.get("urgency") instanceof String urgency && URGENCIES.contains(urgency) ? urgency : "NORMAL",
                line.get("submittedAt"),
                line.get("outcome") instanceof String outcome ? outcome : null,
                line.get("askedBy") instanceof String asker && ASKERS.contains(asker) ? asker : null,
                line.get("partyCount") instanceof Number count ? count.intValue() : null,
                Boolean.TRUE.equals(line.get("asGuardian")),
                Boolean.TRUE.equals(line.get("awaitingYourConsent")));
    }

    /** The API's lines, urgent first and otherwise in the API's order. */
    static List<CaseLine> urgentFirst(List<Map<String, Object>> lines) {
        return lines.stream().map(CaseLine::of).sorted(URGENT_FIRST).toList();
    }

    int urgencyRank() {
        return URGENCIES.indexOf(urgency);
    }

    /**
     * The colour family of the status, always shown with its words: {@code waiting} for the club (sent,
     * accepted), {@code active} (mediators, consent, sessions), {@code settled} (an agreement and its
     * follow-up) or {@code ended}.
     */
    public String tone() {
        return switch (status) {
            case "SUBMITTED", "TRIAGED" -> "waiting";
            case "MEDIATORS_ASSIGNED", "AWAITING_CONSENT", "IN_MEDIATION" -> "active";
            case "AGREEMENT_REACHED", "FOLLOW_UP" -> "settled";
            default -> "ended";
        };
    }

    public boolean isUrgent() {
        return "HIGH".equals(urgency);
    }
}
