package kz.senim.cases.mediation.domain;

/**
 * What the coordinator decided about the request and why (the reason is confidential), and whether the case
 * was escalated: then only coordinators handle it.
 *
 * @param decision {@code null} before triage
 * @param reason the triage's or the escalation's reason; {@code null} before triage and once purged
 */
public record Triage(TriageDecision decision, String reason, boolean escalated) {

    public static final Triage PENDING = new Triage(null, null, false);

    Triage escalated(String why) {
        return new Triage(decision, why, true);
    }

    Triage purged() {
        return new Triage(decision, null, escalated);
    }
}
