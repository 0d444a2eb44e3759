package kz.senim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.senim.local.api.ApiResponse;
import kz.senim.local.api.Caller;
import kz.senim.local.api.SenimApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/**
 * A quarrel between two classmates of Demo Gymnasium No. 1 (student1, Kazakh; student2, Russian),
 * mediated by a certified young mediator of another class: from the request to its closure, and a
 * variant where a party withdraws. At every step the other school and people outside the case are
 * kept out, each party and the mediator are told in their own language, and no e-mail carries a word
 * of the case.
 */
@Order(3)
@ResourceLock(value = Shared.GYMNASIUM_1_CASES, mode = ResourceAccessMode.READ_WRITE)
class ConflictJourney {

    /** The school's settings while the follow-up is brought within reach (see {@link #followUp}). */
    private static final ZoneId WEST_OF_THE_DATE_LINE = ZoneId.of("Pacific/Pago_Pago");

    private static final ZoneId EAST_OF_THE_DATE_LINE = ZoneId.of("Pacific/Kiritimati");

    private final SenimApi api = EndToEnd.api();
    private final Caller student1 = api.as("student1.gym1");
    private final Caller student2 = api.as("student2.gym1");
    private final Caller mediator = api.as("mediator1.gym1");
    private final Caller coordinator = api.as("coordinator.gym1");
    private final Caller teacher = api.as("teacher.gym1");
    private final Caller guardian = api.as("parent.gym1");
    private final Caller schoolAdmin = api.as("admin.gym1");
    private final Caller otherCoordinator = api.as("coordinator.sch2");
    private final Caller otherStudent = api.as("student1.sch2");

    /** Distinctive text planted in everything confidential, to be looked for in every e-mail. */
    private final String planted = "ZEBRA-PLANT-" + UUID.randomUUID();

    /** The mail caught before this journey; only later mail counts as telling its people. */
    private final Set<String> mailBefore = Mails.mark();

    @BeforeEach
    void schoolsAndAMediator() {
        Schools.gymnasium1(api);
        Schools.school2(api);
        Club.certifiedMediator(api, "mediator1.gym1", "coordinator.gym1");
    }

    @Test
    void a_conflict_between_classmates_is_mediated_to_an_agreement_followed_up_and_closed() {
        Map<String, Object> settingsBefore = oneMediatorPerCaseAndAFollowUpNextDay();
        try {
            String id = student1AsksForMediation();
            onlyThePeopleOfTheCaseSeeIt(id);
            aStudentMayNotTriage(id);
            coordinatorAcceptsForPeerMediation(id);
            theMediatorIsEligibleButNoPartyIs(id);
            coordinatorAssignsTheMediator(id);
            mediatorAsksForConsent(id);
            bothPartiesConsentEachForThemselves(id);
            String session = mediatorHoldsAJointSession(id);
            mediatorWritesTheSessionNotes(id, session);
            mediatorWritesTheAgreement(id);
            eachPartySignsForThemselves(id);
            theFollowUpWaitsForItsDate(id);
            followUp(id);
            mediatorClosesTheCase(id);

            eachPartyAndTheMediatorWereToldInTheirLanguage();
        } finally {
            caseSettings(settingsBefore);
        }
        Mails.assertNoMailContains(planted);
    }

    @Test
    void a_party_withdraws_and_nobody_is_blamed_in_what_the_parties_see() {
        Map<String, Object> settingsBefore = settingsNow();
        caseSettings(Map.of("mediatorsPerCase", 1));
        try {
            aPartyWithdraws();
        } finally {
            caseSettings(settingsBefore);
        }
        Mails.assertNoMailContains(planted);
    }

    // ---- the steps ------------------------------------------------------------------------

    private void aPartyWithdraws() {
        String id = student1AsksForMediation();
        coordinatorAcceptsForPeerMediation(id);
        coordinatorAssignsTheMediator(id);
        mediatorAsksForConsent(id);
        consents(student1, id);

        outsidersMayNotWithdrawIt(id);
        var withdrawn = student2.post("/api/cases/" + id + "/withdrawal", null).expect(200);
        assertThat(withdrawn.text("/status")).isEqualTo("WITHDRAWN");

        var seenByTheOtherParty = student1.get("/api/cases/" + id).expect(200);
        assertThat(seenByTheOtherParty.text("/status")).isEqualTo("WITHDRAWN");
        assertThat(seenByTheOtherParty.text("/outcome")).isEqualTo("WITHDRAWN");
        assertThat(fieldNames(seenByTheOtherParty.json()))
                .as("what a party sees names nobody who withdrew or refused")
                .doesNotContain("consents", "withdrawnBy", "withdrawal", "note");
        assertThat(seenByTheOtherParty.body()).doesNotContain("Daniyar", "Zhaksylykov");
        var tooLate = student1.post(
                "/api/cases/" + id + "/consents", Map.of("partyId", partyId(id, student1), "given", true));
        assertThat(reason(tooLate.expect(409))).isEqualTo("case-not-open");

        var closedMail = Mails.awaitMail(mailBefore, "student1.gym1", "case-closed", "kk");
        assertThat(closedMail.text() + closedMail.html())
                .as("the submitter's mail says the request is closed, not by whom")
                .doesNotContain("Daniyar", "Zhaksylykov", "WITHDRAWN", student2.userId());
    }

    /** Follow-up and closure wait for the follow-up date; see {@link #followUp}. */
    private Map<String, Object> oneMediatorPerCaseAndAFollowUpNextDay() {
        Map<String, Object> before = settingsNow();
        caseSettings(Map.of("mediatorsPerCase", 1, "followUpDays", 1, "timeZone", WEST_OF_THE_DATE_LINE.getId()));
        return before;
    }

    private String student1AsksForMediation() {
        Map<String, Object> request = Map.of(
                "urgency",
                "NORMAL",
                "preferredLanguage",
                "kk",
                "description",
                "They took my notebook and laughed in the corridor " + planted + "-description",
                "parties",
                List.of(Map.of("userId", student1.userId()), Map.of("userId", student2.userId())));
        // case-service learns the directory from membership's events: wait until it knows both parties
        var submitted = Eventually.until(
                "case-service knows both parties",
                () -> student1.post("/api/cases", request, "Idempotency-Key", "conflict-" + UUID.randomUUID()),
                answer -> answer.status() == 201);
        assertThat(submitted.header("Location")).endsWith("/api/cases/" + submitted.text("/id"));
        assertThat(submitted.text("/status")).isEqualTo("SUBMITTED");
        assertThat(submitted.text("/channel")).isEqualTo("ONLINE_FORM");
        assertThat(submitted.text("/description")).contains(planted);
        return submitted.text("/id");
    }

    private void onlyThePeopleOfTheCaseSeeIt(String id) {
        otherCoordinator.get("/api/cases/" + id).expect(404);
        otherStudent.get("/api/cases/" + id).expect(404);
        teacher.get("/api/cases/" + id).expect(404);
        mediator.get("/api/cases/" + id).expect(404);
        guardian.get("/api/cases/" + id).expect(404);
        schoolAdmin.get("/api/cases/" + id).expect(404);
        assertThat(ids(otherCoordinator.get("/api/cases?size=100").expect(200))).doesNotContain(id);
        assertThat(ids(teacher.get("/api/cases?size=100").expect(200))).doesNotContain(id);

        var seenByTheOtherParty = student2.get("/api/cases/" + id).expect(200);
        assertThat(seenByTheOtherParty.text("/status")).isEqualTo("SUBMITTED");
        assertThat(seenByTheOtherParty.json().has("description"))
                .as("only the submitter reads their own description")
                .isFalse();
        assertThat(coordinator.get("/api/cases/" + id).expect(200).text("/description"))
                .contains(planted);
    }

    private void aStudentMayNotTriage(String id) {
        Map<String, Object> triage = Map.of("decision", "ACCEPT_FOR_PEER_MEDIATION", "reason", "I decide");
        refusedByRole(student1.post("/api/cases/" + id + "/triage", triage));
        otherCoordinator.post("/api/cases/" + id + "/triage", triage).expect(404);
    }

    private void coordinatorAcceptsForPeerMediation(String id) {
        var triaged = coordinator
                .post(
                        "/api/cases/" + id + "/triage",
                        Map.of(
                                "decision",
                                "ACCEPT_FOR_PEER_MEDIATION",
                                "reason",
                                "Classmates, no safety concern " + planted + "-triage",
                                "safeguardingConcern",
                                false),
                        "If-Match",
                        coordinator.get("/api/cases/" + id).expect(200).etag())
                .expect(200);
        assertThat(triaged.text("/status")).isEqualTo("TRIAGED");
        assertThat(triaged.text("/triage/mediatedBy")).isNotBlank();
        assertThat(student1.get("/api/cases/" + id).expect(200).json().has("triage"))
                .as("a party does not read the triage")
                .isFalse();
    }

    private void theMediatorIsEligibleButNoPartyIs(String id) {
        List<String> eligible = Eventually.until(
                "case-service lists the certified mediator",
                () -> userIds(coordinator
                        .get("/api/cases/" + id + "/eligible-mediators")
                        .expect(200)
                        .json()),
                ids -> ids.contains(mediator.userId()));
        assertThat(eligible).doesNotContain(student1.userId(), student2.userId());
        refusedByRole(student1.get("/api/cases/" + id + "/eligible-mediators"));
        otherCoordinator.get("/api/cases/" + id + "/eligible-mediators").expect(404);
    }

    private void coordinatorAssignsTheMediator(String id) {
        coordinator
                .post("/api/cases/" + id + "/mediators", Map.of("userId", student2.userId()))
                .expect(409);
        otherCoordinator
                .post("/api/cases/" + id + "/mediators", Map.of("userId", mediator.userId()))
                .expect(404);
        var assigned = Eventually.until(
                "the mediator is assignable",
                () -> coordinator.post("/api/cases/" + id + "/mediators", Map.of("userId", mediator.userId())),
                answer -> answer.status() == 200);
        assertThat(assigned.text("/status")).isEqualTo("MEDIATORS_ASSIGNED");
        assertThat(userIds(assigned.json().get("mediators"))).containsExactly(mediator.userId());
        assertThat(mediator.get("/api/cases/" + id).expect(200).text("/description"))
                .as("the assigned mediator reads the description")
                .contains(planted);
    }

    private void mediatorAsksForConsent(String id) {
        onlyTheCaseTeam(student1.post("/api/cases/" + id + "/consent-request", null));
        var asked = mediator.post("/api/cases/" + id + "/consent-request", null).expect(200);
        assertThat(asked.text("/status")).isEqualTo("AWAITING_CONSENT");
    }

    private void bothPartiesConsentEachForThemselves(String id) {
        String forStudent2 = partyId(id, student2);
        var forAnother = student1.post("/api/cases/" + id + "/consents", Map.of("partyId", forStudent2, "given", true));
        assertThat(reason(forAnother.expect(403))).isEqualTo("nobody-consents-for-another");
        teacher.post("/api/cases/" + id + "/consents", Map.of("partyId", forStudent2, "given", true))
                .expect(404);
        assertThat(consents(student1, id).text("/status")).isEqualTo("AWAITING_CONSENT");
        assertThat(consents(student2, id).text("/status")).isEqualTo("IN_MEDIATION");
    }

    private ApiResponse consents(Caller party, String id) {
        return party.post("/api/cases/" + id + "/consents", Map.of("partyId", partyId(id, party), "given", true))
                .expect(200);
    }

    private String mediatorHoldsAJointSession(String id) {
        Map<String, Object> session = Map.of(
                "kind",
                "JOINT",
                "startsAt",
                OffsetDateTime.now().plusDays(3).withNano(0).toString(),
                "place",
                "Mediation room 3",
                "participants",
                List.of(partyId(id, student1), partyId(id, student2)));
        onlyTheCaseTeam(student1.post("/api/cases/" + id + "/sessions", session));
        otherCoordinator.post("/api/cases/" + id + "/sessions", session).expect(404);
        var scheduled = mediator.post("/api/cases/" + id + "/sessions", session).expect(200);
        JsonNode sessions = scheduled.json().get("sessions");
        assertThat(sessions).hasSize(1);
        return sessions.get(0).get("id").asString();
    }

    private void mediatorWritesTheSessionNotes(String id, String session) {
        var noted = mediator.put(
                        "/api/cases/" + id + "/sessions/" + session + "/notes",
                        Map.of("notes", "Both spoke calmly " + planted + "-notes"))
                .expect(200);
        assertThat(noted.json().at("/sessions/0/notes").asString()).contains(planted);
        assertThat(student1.get("/api/cases/" + id)
                        .expect(200)
                        .json()
                        .at("/sessions/0")
                        .has("notes"))
                .as("a party does not read the session notes")
                .isFalse();
    }

    private void mediatorWritesTheAgreement(String id) {
        Map<String, Object> agreement = Map.of(
                "commitments",
                List.of(
                        Map.of("partyId", partyId(id, student1), "text", "I return the notebook " + planted + "-1"),
                        Map.of("partyId", partyId(id, student2), "text", "I stop the jokes " + planted + "-2")));
        onlyTheCaseTeam(student1.put("/api/cases/" + id + "/agreement", agreement));
        var written = mediator.put("/api/cases/" + id + "/agreement", agreement).expect(200);
        assertThat(written.json().at("/agreement/commitments")).hasSize(2);
        assertThat(written.json().at("/agreement/inForce").asBoolean()).isFalse();
    }

    private void eachPartySignsForThemselves(String id) {
        assertThat(reason(mediator.post("/api/cases/" + id + "/agreement/signatures", null)
                        .expect(403)))
                .isEqualTo("nobody-signs-for-another");
        teacher.post("/api/cases/" + id + "/agreement/signatures", null).expect(404);
        otherStudent.post("/api/cases/" + id + "/agreement/signatures", null).expect(404);

        var first = student1.post("/api/cases/" + id + "/agreement/signatures", null)
                .expect(200);
        assertThat(first.text("/status")).isEqualTo("IN_MEDIATION");
        assertThat(first.json().at("/agreement/signedBy")).hasSize(1);
        assertThat(reason(student1.post("/api/cases/" + id + "/agreement/signatures", null)
                        .expect(409)))
                .isEqualTo("agreement-already-signed");

        var inForce = student2.post("/api/cases/" + id + "/agreement/signatures", null)
                .expect(200);
        assertThat(inForce.text("/status")).isEqualTo("AGREEMENT_REACHED");
        assertThat(inForce.json().at("/agreement/inForce").asBoolean()).isTrue();
        LocalDate today = LocalDate.now(WEST_OF_THE_DATE_LINE);
        assertThat(LocalDate.parse(inForce.text("/followUpDate")))
                .as("follow-up one day (the school's setting) after signing, in the school's time zone")
                .isBetween(today, today.plusDays(1));
    }

    private void theFollowUpWaitsForItsDate(String id) {
        assertThat(reason(mediator.post("/api/cases/" + id + "/follow-up", Map.of("result", "KEPT"))
                        .expect(409)))
                .isEqualTo("follow-up-not-due");
        assertThat(reason(
                        coordinator.post("/api/cases/" + id + "/closure", null).expect(409)))
                .isEqualTo("case-not-ready-to-close");
    }

    /**
     * The follow-up date is a date in the school's time zone, and the follow-up falls due by the time
     * zone in force when it is recorded (docs/api.md, school settings). The platform's clock is not
     * touched: the school moves its settings from the west to the east of the date line, which puts its
     * calendar at least one day on, so the next-day follow-up falls due now.
     */
    private void followUp(String id) {
        caseSettings(Map.of("timeZone", EAST_OF_THE_DATE_LINE.getId()));
        onlyTheCaseTeam(student1.post("/api/cases/" + id + "/follow-up", Map.of("result", "KEPT")));
        var followedUp = mediator.post("/api/cases/" + id + "/follow-up", Map.of("result", "KEPT"))
                .expect(200);
        assertThat(followedUp.text("/status")).isEqualTo("FOLLOW_UP");
        assertThat(followedUp.text("/followUpResult")).isEqualTo("KEPT");
    }

    private void mediatorClosesTheCase(String id) {
        otherCoordinator.post("/api/cases/" + id + "/closure", null).expect(404);
        var closed = mediator.post("/api/cases/" + id + "/closure", null).expect(200);
        assertThat(closed.text("/status")).isEqualTo("CLOSED");
        assertThat(closed.text("/outcome")).isEqualTo("AGREEMENT_KEPT");
        assertThat(student2.get("/api/cases/" + id).expect(200).text("/status")).isEqualTo("CLOSED");
        assertThat(reason(mediator.post("/api/cases/" + id + "/closure", null).expect(409)))
                .isEqualTo("case-not-open");
    }

    private void eachPartyAndTheMediatorWereToldInTheirLanguage() {
        for (String template : List.of("consent-requested", "session-scheduled", "agreement-proposed", "case-closed")) {
            Mails.awaitMail(mailBefore, "student1.gym1", template, "kk");
        }
        for (String template : List.of("consent-requested", "session-scheduled", "agreement-proposed")) {
            Mails.awaitMail(mailBefore, "student2.gym1", template, "ru");
        }
        for (String template : List.of("mediator-assigned", "session-scheduled", "follow-up-due")) {
            Mails.awaitMail(mailBefore, "mediator1.gym1", template, "kk");
        }
        Mails.awaitMail(mailBefore, "coordinator.gym1", "request-submitted", "kk");

        assertThat(Mails.subject("consent-requested", "kk")).isNotEqualTo(Mails.subject("consent-requested", "ru"));
        assertThat(Mails.subjectsTo(mailBefore, "student1.gym1"))
                .as("student1 reads Kazakh only")
                .doesNotContain(Mails.subject("consent-requested", "ru"), Mails.subject("consent-requested", "en"));
        assertThat(Mails.subjectsTo(mailBefore, "student2.gym1"))
                .as("student2 reads Russian only, and did not submit the request")
                .doesNotContain(
                        Mails.subject("consent-requested", "kk"),
                        Mails.subject("consent-requested", "en"),
                        Mails.subject("case-closed", "ru"));
    }

    private void outsidersMayNotWithdrawIt(String id) {
        otherCoordinator.post("/api/cases/" + id + "/withdrawal", null).expect(404);
        teacher.post("/api/cases/" + id + "/withdrawal", null).expect(404);
        assertThat(reason(
                        mediator.post("/api/cases/" + id + "/withdrawal", null).expect(403)))
                .isEqualTo("only-a-party-withdraws");
    }

    // ---- small helpers ----------------------------------------------------------------------

    /** Changes the named settings of the school's cases, keeping the others, with If-Match. */
    private void caseSettings(Map<String, Object> changes) {
        var current = coordinator.get("/api/cases/settings").expect(200);
        Map<String, Object> settings = settingsOf(current.json());
        settings.putAll(changes);
        teacher.put("/api/cases/settings", settings).expect(403);
        coordinator
                .put("/api/cases/settings", settings, "If-Match", current.etag())
                .expect(200);
        coordinator
                .put("/api/cases/settings", settings, "If-Match", current.etag())
                .expect(412);
    }

    private Map<String, Object> settingsNow() {
        return settingsOf(coordinator.get("/api/cases/settings").expect(200).json());
    }

    private static Map<String, Object> settingsOf(JsonNode json) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("mediatorsPerCase", json.get("mediatorsPerCase").asInt());
        JsonNode guardian = json.get("guardianConsentBelowGrade");
        settings.put("guardianConsentBelowGrade", guardian == null || guardian.isNull() ? null : guardian.asInt());
        settings.put("followUpDays", json.get("followUpDays").asInt());
        settings.put("retentionDays", json.get("retentionDays").asInt());
        settings.put("timeZone", json.get("timeZone").asString());
        return settings;
    }

    private String partyId(String id, Caller party) {
        for (JsonNode p : coordinator.get("/api/cases/" + id).expect(200).json().get("parties")) {
            if (party.userId().equals(p.path("userId").asString())) {
                return p.get("id").asString();
            }
        }
        throw new AssertionError(party.username() + " is not a party of case " + id);
    }

    /** A role that may never take this action: 403. */
    private static void refusedByRole(ApiResponse answer) {
        answer.expect(403);
    }

    /**
     * A party trying what only the case's mediators and the coordinators do: case-service answers
     * 403 with the rule's reason {@code case-team-only}.
     */
    private static void onlyTheCaseTeam(ApiResponse answer) {
        assertThat(reason(answer.expect(403))).isEqualTo("case-team-only");
    }

    private static String reason(ApiResponse answer) {
        return answer.text("/reason");
    }

    private static List<String> ids(ApiResponse page) {
        List<String> ids = new ArrayList<>();
        page.json().get("content").forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }

    private static List<String> userIds(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(m -> ids.add(m.get("userId").asString()));
        return ids;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        collectFieldNames(node, names);
        return names;
    }

    private static void collectFieldNames(JsonNode node, List<String> names) {
        if (node.isObject()) {
            node.propertyNames().forEach(name -> {
                names.add(name);
                collectFieldNames(node.get(name), names);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectFieldNames(child, names));
        }
    }
}
