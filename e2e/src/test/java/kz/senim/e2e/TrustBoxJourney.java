package kz.senim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * The trust box of Demo Gymnasium No. 1: someone writes without signing in, keeps the receipt, and
 * talks with the coordinator through it; with the sender's consent the conversation becomes an
 * anonymous case, which only the school's coordinators see. The other school's coordinator, and
 * anyone holding a wrong receipt, learn nothing.
 */
@Order(7)
@ResourceLock(value = Shared.GYMNASIUM_1_CASES, mode = ResourceAccessMode.READ)
class TrustBoxJourney {

    private static final String BOX = "/api/trust-box/schools/" + Schools.GYMNASIUM_1;

    private final SenimApi api = EndToEnd.api();
    private final Caller sender = api.anonymous();
    private final Caller coordinator = api.as("coordinator.gym1");
    private final Caller otherCoordinator = api.as("coordinator.sch2");
    private final Caller teacher = api.as("teacher.gym1");
    private final Caller student = api.as("student1.gym1");
    private final Caller admin = api.as("admin.gym1");

    /** Distinctive text planted in everything the sender and the coordinator write. */
    private final String planted = "ZEBRA-PLANT-" + UUID.randomUUID();

    /** The mail caught before this journey; only later mail counts as telling its people. */
    private final Set<String> mailBefore = Mails.mark();

    @BeforeEach
    void schools() {
        Schools.gymnasium1(api);
        Schools.school2(api);
    }

    @Test
    void a_sender_talks_with_the_coordinator_and_agrees_to_an_anonymous_case() {
        String receipt = senderWritesWithoutSigningIn();
        String thread = coordinatorFindsTheThread();
        onlyTheSchoolsCoordinatorsReachTheThread(thread);
        coordinatorAnswers(thread);
        senderReadsTheAnswerWithTheReceipt(receipt);
        senderWritesBack(receipt);
        coordinatorProposesACase(thread);
        senderAgrees(receipt);
        String caseId = coordinatorOpensTheAnonymousCase(thread);
        onlyCoordinatorsSeeTheCase(caseId);

        Mails.awaitMail(mailBefore, "coordinator.gym1", "trust-box-message-received", "kk");
        Mails.awaitMail(mailBefore, "coordinator.gym1", "trust-box-message", "kk");
        Mails.assertNoMailContains(planted);
    }

    @Test
    void a_wrong_receipt_reads_nothing() {
        senderWritesWithoutSigningIn();
        String wrong = "7KQM-3XRD-0000-0000-0000";
        sender.post(BOX + "/conversation", Map.of("receipt", wrong)).expect(404);
        sender.post(BOX + "/conversation/messages", Map.of("receipt", wrong, "text", "hello?"))
                .expect(404);
        sender.post(BOX + "/conversation/case-proposal-answer", Map.of("receipt", wrong, "agreed", true))
                .expect(404);
    }

    // ---- the steps ------------------------------------------------------------------------

    private String senderWritesWithoutSigningIn() {
        // case-service takes messages once it has heard of the school (school-registered): 404 until then.
        Map<String, Object> message = Map.of("text", "Older boys take my lunch money every week " + planted + "-first");
        var sent = sender.post(BOX + "/messages", message);
        for (int tries = 0; sent.status() == 404 && tries < 150; tries++) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sent = sender.post(BOX + "/messages", message);
        }
        sent.expect(201);
        String receipt = sent.text("/receipt");
        assertThat(receipt).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}");
        assertThat(sent.header("Cache-Control")).contains("no-store");
        assertThat(sent.header("Set-Cookie")).isNull();
        return receipt;
    }

    private String coordinatorFindsTheThread() {
        // the thread list shows ids and times only; the thread itself shows the text
        return Eventually.until(
                "the coordinator finds the new thread",
                () -> {
                    for (JsonNode line : coordinator
                            .get("/api/trust-box/threads?size=100")
                            .expect(200)
                            .json()
                            .get("content")) {
                        String id = line.get("id").asString();
                        if (line.get("awaitingAnswer").asBoolean()
                                && coordinator
                                        .get("/api/trust-box/threads/" + id)
                                        .expect(200)
                                        .body()
                                        .contains(planted)) {
                            return id;
                        }
                    }
                    return null;
                },
                id -> id != null);
    }

    private void onlyTheSchoolsCoordinatorsReachTheThread(String thread) {
        otherCoordinator.get("/api/trust-box/threads/" + thread).expect(404);
        otherCoordinator
                .post("/api/trust-box/threads/" + thread + "/replies", Map.of("text", "hi"))
                .expect(404);
        assertThat(ids(otherCoordinator.get("/api/trust-box/threads?size=100").expect(200)))
                .doesNotContain(thread);
        teacher.get("/api/trust-box/threads/" + thread).expect(403);
        student.get("/api/trust-box/threads").expect(403);
        sender.get("/api/trust-box/threads/" + thread).expect(401);
    }

    private void coordinatorAnswers(String thread) {
        var answered = coordinator
                .post(
                        "/api/trust-box/threads/" + thread + "/replies",
                        Map.of("text", "Thank you for writing. You are not alone " + planted + "-answer"))
                .expect(200);
        assertThat(answered.json().get("messages")).hasSize(2);
    }

    private void senderReadsTheAnswerWithTheReceipt(String receipt) {
        // as a person copies it from paper: lower case, spaces for dashes
        String typed = receipt.toLowerCase(Locale.ROOT).replace('-', ' ');
        var conversation =
                sender.post(BOX + "/conversation", Map.of("receipt", typed)).expect(200);
        assertThat(conversation.header("Cache-Control")).contains("no-store");
        List<String> authors = new ArrayList<>();
        conversation
                .json()
                .get("messages")
                .forEach(m -> authors.add(m.get("author").asString()));
        assertThat(authors).containsExactly("SENDER", "COORDINATOR");
        assertThat(conversation.json().at("/messages/1/text").asString()).contains(planted + "-answer");
        assertThat(conversation.body())
                .as("the sender never learns who answered")
                .doesNotContain(coordinator.userId(), "Temirbekova");
    }

    private void senderWritesBack(String receipt) {
        var written = sender.post(
                        BOX + "/conversation/messages",
                        Map.of("receipt", receipt, "text", "It happens near the gym " + planted + "-reply"))
                .expect(200);
        assertThat(written.json().get("messages")).hasSize(3);
    }

    private void coordinatorProposesACase(String thread) {
        otherCoordinator
                .post("/api/trust-box/threads/" + thread + "/case-proposal", null)
                .expect(404);
        var proposed = coordinator
                .post("/api/trust-box/threads/" + thread + "/case-proposal", null)
                .expect(200);
        assertThat(proposed.text("/caseProposal/status")).isEqualTo("PROPOSED");
        assertThat(reason(coordinator
                        .post("/api/trust-box/threads/" + thread + "/case", Map.of("urgency", "HIGH"))
                        .expect(409)))
                .isEqualTo("sender-has-not-agreed");
    }

    private void senderAgrees(String receipt) {
        var agreed = sender.post(BOX + "/conversation/case-proposal-answer", Map.of("receipt", receipt, "agreed", true))
                .expect(200);
        assertThat(agreed.text("/caseProposal")).isEqualTo("AGREED");
    }

    private String coordinatorOpensTheAnonymousCase(String thread) {
        otherCoordinator
                .post("/api/trust-box/threads/" + thread + "/case", Map.of("urgency", "HIGH"))
                .expect(404);
        var opened = coordinator
                .post("/api/trust-box/threads/" + thread + "/case", Map.of("urgency", "HIGH"))
                .expect(201);
        String caseId = opened.text("/caseProposal/caseId");
        assertThat(opened.text("/caseProposal/status")).isEqualTo("OPENED");
        assertThat(opened.header("Location")).isEqualTo("/api/cases/" + caseId);
        assertThat(reason(coordinator
                        .post("/api/trust-box/threads/" + thread + "/case", Map.of("urgency", "HIGH"))
                        .expect(409)))
                .isEqualTo("case-already-opened");
        return caseId;
    }

    private void onlyCoordinatorsSeeTheCase(String caseId) {
        var seen = coordinator.get("/api/cases/" + caseId).expect(200);
        assertThat(seen.text("/channel")).isEqualTo("TRUST_BOX");
        assertThat(seen.text("/status")).isEqualTo("SUBMITTED");
        assertThat(seen.text("/urgency")).isEqualTo("HIGH");
        assertThat(seen.text("/description")).contains(planted);
        assertThat(ids(coordinator.get("/api/cases?size=100").expect(200))).contains(caseId);

        for (Caller outsider : List.of(teacher, student, admin, otherCoordinator)) {
            outsider.get("/api/cases/" + caseId).expect(404);
            assertThat(ids(outsider.get("/api/cases?size=100").expect(200)))
                    .as("%s's case list", outsider.username())
                    .doesNotContain(caseId);
        }
        assertThat(reason(coordinator
                        .post(
                                "/api/cases/" + caseId + "/triage",
                                Map.of("decision", "ROUTE_TO_CONSULTATION", "reason", "advice"))
                        .expect(409)))
                .isEqualTo("trust-box-case-not-routable");
    }

    private static String reason(ApiResponse answer) {
        return answer.text("/reason");
    }

    private static List<String> ids(ApiResponse page) {
        List<String> ids = new ArrayList<>();
        page.json().get("content").forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }
}
