package kz.senim.local.demo;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.senim.local.api.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * One mediation case of the demo, taken through its lifecycle by the people who would act on it:
 * the submitter, the coordinator, the mediator and the parties themselves. Answers are checked with
 * {@link ConfidentialAnswer}, so a failure never logs the case's text.
 */
final class CaseFile {

    private final Directory people;
    private final String id;
    private final Map<String, String> partyIds = new HashMap<>();
    private String status;

    private CaseFile(Directory people, String id, String status) {
        this.people = people;
        this.id = id;
        this.status = status;
    }

    /**
     * A request about parties of the directory (by key), retried while case-service does not know
     * them yet; the idempotency key makes the retry of an interrupted run answer the same case.
     */
    static CaseFile submitted(
            Directory people,
            String submitterKey,
            String requestKey,
            boolean inPerson,
            String urgency,
            String language,
            String description,
            String... partyKeys) {
        List<Map<String, Object>> parties = new ArrayList<>();
        for (String key : partyKeys) {
            parties.add(JsonBody.of("userId", people.id(key)));
        }
        Map<String, Object> request = JsonBody.of(
                "channel", inPerson ? "IN_PERSON" : null,
                "urgency", urgency,
                "preferredLanguage", language,
                "description", description,
                "parties", parties);
        ApiResponse answer = ConfidentialAnswer.expect(
                Eventually.answer(
                        () -> people.as(submitterKey)
                                .post("/api/cases", request, "Idempotency-Key", "demo-case-" + requestKey),
                        "party-not-in-directory"),
                200,
                201);
        return new CaseFile(people, answer.text("/id"), answer.text("/status"));
    }

    /** The coordinator's triage; the answer shows the parties, whose ids the later steps need. */
    CaseFile triage(String decision, String reason) {
        ApiResponse answer = command(
                "coordinator",
                "/triage",
                JsonBody.of("decision", decision, "reason", reason, "safeguardingConcern", false));
        for (JsonNode party : answer.json().get("parties")) {
            people.keyOf(party.path("userId").asString(""))
                    .ifPresent(key -> partyIds.put(key, party.get("id").asString()));
        }
        return this;
    }

    /**
     * A coordinator assigns the mediator, once case-service has heard that they are certified (or,
     * for a coordinator, that they are one).
     */
    CaseFile assign(String mediatorKey) {
        seen(ConfidentialAnswer.expect(
                Eventually.answer(
                        () -> people.as("coordinator")
                                .post(path("/mediators"), JsonBody.of("userId", people.id(mediatorKey))),
                        "mediator-not-certified",
                        "peer-mediation-not-allowed"),
                200));
        return this;
    }

    CaseFile askForConsent(String byKey) {
        command(byKey, "/consent-request", null);
        return this;
    }

    /** The party consents in the app themselves. */
    CaseFile consents(String partyKey) {
        command(partyKey, "/consents", JsonBody.of("partyId", partyId(partyKey), "given", true, "guardian", false));
        return this;
    }

    /** A party without an account consented in person; the coordinator notes it. */
    CaseFile consentNotedByCoordinator(String partyKey) {
        command(
                "coordinator",
                "/consents",
                JsonBody.of(
                        "partyId",
                        partyId(partyKey),
                        "given",
                        true,
                        "guardian",
                        false,
                        "note",
                        "Consent given in person in the psychologist's office."));
        return this;
    }

    /** A session with the given parties; answers its id. */
    String session(String byKey, String kind, OffsetDateTime startsAt, String place, String... partyKeys) {
        List<String> participants = new ArrayList<>();
        for (String key : partyKeys) {
            participants.add(partyId(key));
        }
        ApiResponse answer = command(
                byKey,
                "/sessions",
                JsonBody.of(
                        "kind", kind,
                        "startsAt", startsAt.toString(),
                        "place", place,
                        "participants", participants));
        JsonNode sessions = answer.json().get("sessions");
        return sessions.get(sessions.size() - 1).get("id").asString();
    }

    CaseFile sessionNotes(String byKey, String sessionId, String notes) {
        ConfidentialAnswer.expect(
                people.as(byKey).put(path("/sessions/" + sessionId + "/notes"), JsonBody.of("notes", notes)), 200, 204);
        return this;
    }

    /** The mediator writes down what each party commits to (party key → commitment), in order. */
    CaseFile agreement(String byKey, Map<String, String> commitments) {
        List<Map<String, Object>> terms = new ArrayList<>();
        commitments.forEach((key, text) -> terms.add(JsonBody.of("partyId", partyId(key), "text", text)));
        seen(ConfidentialAnswer.expect(
                people.as(byKey).put(path("/agreement"), JsonBody.of("commitments", terms)), 200));
        return this;
    }

    CaseFile signs(String partyKey) {
        command(partyKey, "/agreement/signatures", null);
        return this;
    }

    CaseFile noAgreement(String byKey) {
        command(byKey, "/no-agreement", null);
        return this;
    }

    CaseFile closed(String byKey) {
        command(byKey, "/closure", null);
        return this;
    }

    CaseFile withdrawnBy(String partyKey) {
        command(partyKey, "/withdrawal", JsonBody.of());
        return this;
    }

    String status() {
        return status;
    }

    String id() {
        return id;
    }

    private ApiResponse command(String byKey, String command, Object body) {
        return seen(ConfidentialAnswer.expect(people.as(byKey).post(path(command), body), 200, 201));
    }

    private ApiResponse seen(ApiResponse answer) {
        String now = answer.text("/status");
        if (!now.isEmpty()) {
            status = now;
        }
        return answer;
    }

    private String partyId(String key) {
        String partyId = partyIds.get(key);
        if (partyId == null) {
            throw new IllegalStateException("The case has no party " + key + " (triage first)");
        }
        return partyId;
    }

    private String path(String command) {
        return "/api/cases/" + id + command;
    }
}
