package kz.senim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.local.api.SenimApi;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * A quarrel between two classmates of Demo Gymnasium No. 1, in the portal, in English: student1 asks for
 * mediation naming student2 (a student knows nobody's account); the coordinator links that name to
 * student2, triages and assigns the certified mediator the page offers, seeing why others may not
 * mediate; the mediator asks for consent, each party consents and signs through their own login, and
 * the case reaches an agreement. Words planted in the description, a session note and a commitment
 * never reach a page or an e-mail of anyone who may not read them. In a second, short case student1
 * withdraws, and the confirmation says plainly that it carries no blame.
 */
@Order(4)
@ResourceLock(value = Shared.GYMNASIUM_1_CASES, mode = ResourceAccessMode.READ)
class PortalMediationJourney {

    private final SenimApi api = EndToEnd.api();
    private final String planted = "OKAPI-PLANT-" + UUID.randomUUID();
    private final String description = planted + "-DESCRIPTION they took my seat by the window";
    private final String notes = planted + "-NOTES both felt unheard";
    private final String commitment = planted + "-COMMITMENT";

    @Test
    void a_student_asks_for_mediation_and_each_party_consents_and_signs_through_their_own_login() {
        Browser.assumeInstalled();
        Schools.gymnasium1(api);
        Schools.school2(api);
        Club.certifiedMediator(api, "mediator1.gym1", "coordinator.gym1");
        String student2Id = api.as("student2.gym1").userId();
        String mediatorId = api.as("mediator1.gym1").userId();
        String id;
        try (Browser student1 = Browser.open("mediation", "en")) {
            id = asksForMediationNaming(student1, "Daniyar Zhaksylykov", "9");
        }
        try (Browser coordinator = signedIn("coordinator.gym1")) {
            coordinatorTriagesAndAssigns(coordinator, id, student2Id, mediatorId);
            try (Browser mediator = signedIn("mediator1.gym1")) {
                mediator.go("/cases").check("my-cases");
                mediator.submit(By.id("case-" + id));
                mediator.check("case-assigned");
                mediator.submit(By.id("request-consent"));
                mediator.check("consent-requested");
                assertThat(status(mediator)).isEqualTo("AWAITING_CONSENT");

                consents("student1.gym1", id);
                consents("student2.gym1", id);
                mediator.go("/cases/" + id);
                assertThat(status(mediator)).isEqualTo("IN_MEDIATION");

                mediatorHoldsASessionAndWritesTheAgreement(mediator);
            }
            signs("student1.gym1", id, true);
            signs("student2.gym1", id, false);
            coordinator.go("/cases/" + id).check("agreement-reached");
            assertThat(status(coordinator)).isEqualTo("AGREEMENT_REACHED");
            coordinator.submit(By.id("audit-link"));
            coordinator.check("audit");
            assertThat(coordinator.text()).contains("Read confidential text", "Changed the case");
            assertThat(coordinator.source()).doesNotContain(planted);
        }

        nobodyElseReadsIt(id);

        aStudentWithdrawsWithoutBlame(mediatorId);
        aStudentAsksAQuestionAndTheCoordinatorAnswers();
        Mails.assertNoMailContains(planted);
    }

    // ---- the steps ------------------------------------------------------------------------

    /** The request form: "I am involved" (the default) and the other side by name and grade. */
    private String asksForMediationNaming(Browser student, String name, String grade) {
        student.signIn("student1.gym1").go("/requests/new?lang=en").check("ask-for-help-what");
        student.submit(By.id("ask-mediation"));
        student.check("ask-for-help");
        String key = student.value("requestKey").orElseThrow();
        student.type("description", description);
        // Nobody named yet: the API wants two parties, and the form says so next to them, keeping the text.
        student.submit(By.id("send-request"));
        assertThat(student.find(By.id("parties-error")).getText()).isNotBlank();
        assertThat(student.find(By.id("description")).getAttribute("value")).isEqualTo(description);
        assertThat(student.value("requestKey")).contains(key);
        student.check("ask-for-help-refused");
        student.find(By.id("name0")).sendKeys(name);
        student.find(By.id("grade0")).sendKeys(grade);
        student.submit(By.id("send-request"));
        student.check("case-asked");
        assertThat(status(student)).isEqualTo("SUBMITTED");
        assertThat(student.source())
                .as("the submitter reads their own description")
                .contains(description);
        String id = student.path().replaceFirst("^/cases/", "").replaceFirst("[#?].*$", "");

        // The form's key is the request's Idempotency-Key: sending it again answers the same case.
        JsonNode again = api.as("student1.gym1")
                .post(
                        "/api/cases",
                        Map.of(
                                "description",
                                "sent twice",
                                "parties",
                                List.of(Map.of("userId", api.as("student1.gym1").userId()), Map.of("name", name))),
                        "Idempotency-Key",
                        key)
                .json();
        assertThat(again.get("id").asString())
                .as("a double submit creates one case")
                .isEqualTo(id);

        student.go("/requests").check("my-requests");
        assertThat(student.has(By.id("case-" + id))).isTrue();
        return id;
    }

    private void coordinatorTriagesAndAssigns(Browser coordinator, String id, String student2Id, String mediatorId) {
        coordinator.go("/cases?status=SUBMITTED").check("triage-inbox");
        coordinator.submit(By.id("case-" + id));
        coordinator.check("case-to-triage");
        assertThat(coordinator.source()).contains(description);

        // The named classmate becomes student2 of the directory, who can then answer for themselves.
        WebElement identify = coordinator.find(By.cssSelector("select[id^='identify-user-']"));
        new Select(identify).selectByValue(student2Id);
        coordinator.submit(By.cssSelector("button[id^='identify-button-']"));
        coordinator.find(By.cssSelector("[role='status']"));
        coordinator.check("party-identified");
        assertThat(coordinator.has(By.cssSelector("select[id^='identify-user-']")))
                .isFalse();

        coordinator.select("decision", "ACCEPT_FOR_PEER_MEDIATION");
        coordinator.type("reason", "Two classmates of 9A; no safeguarding concern");
        coordinator.submit(By.id("triage-button"));
        coordinator.find(By.id("assignment"));
        coordinator.check("assignment");
        assertThat(status(coordinator)).isEqualTo("TRIAGED");
        assertThat(coordinator.has(By.id("assign-" + mediatorId)))
                .as("the certified mediator of another class may mediate")
                .isTrue();
        for (WebElement row : coordinator.driver().findElements(By.cssSelector("#assignment tbody tr"))) {
            boolean offered = !row.findElements(By.tagName("button")).isEmpty();
            boolean explained = !row.findElements(By.className("ineligible")).isEmpty();
            assertThat(offered || explained)
                    .as("each club member is either offered or shown why not")
                    .isTrue();
        }
        coordinator.submit(By.id("assign-" + mediatorId));
        coordinator.find(By.cssSelector("[role='status']"));
        coordinator.check("mediator-assigned");
        assertThat(status(coordinator)).isEqualTo("MEDIATORS_ASSIGNED");
    }

    /** A party consents through their own login. */
    private void consents(String username, String id) {
        try (Browser party = signedIn(username)) {
            party.go("/requests").check("requests-of-" + username.replace('.', '-'));
            party.submit(By.id("case-" + id));
            party.check("consent-of-" + username.replace('.', '-'));
            assertThat(party.text()).contains("It carries no blame");
            party.submit(By.id("consent-yes"));
            party.find(By.cssSelector("[role='status']"));
        }
    }

    private void mediatorHoldsASessionAndWritesTheAgreement(Browser mediator) {
        mediator.find(By.id("session-startsAt"));
        mediator.setValue("session-startsAt", "2026-12-01T15:00");
        mediator.type("place", "Room 204");
        mediator.submit(By.id("schedule-session"));
        mediator.find(By.cssSelector("[role='status']"));
        mediator.check("session-scheduled");
        WebElement notesField = mediator.find(By.cssSelector("textarea[id^='notes-']"));
        notesField.sendKeys(notes);
        mediator.submit(By.cssSelector("button[id^='save-notes-']"));
        mediator.find(By.cssSelector("[role='status']"));
        assertThat(mediator.source()).as("the mediator reads the notes").contains(notes);

        List<WebElement> commitments = mediator.driver().findElements(By.cssSelector("textarea[id^='commitment-']"));
        assertThat(commitments).hasSize(2);
        for (int i = 0; i < commitments.size(); i++) {
            commitments.get(i).sendKeys(commitment + "-" + i + " I will ask before taking a seat");
        }
        mediator.submit(By.id("write-agreement"));
        mediator.find(By.cssSelector("[role='status']"));
        mediator.check("agreement-written");
        assertThat(mediator.text()).contains("Not yet in force");
    }

    /** A party reads and signs the agreement through their own login; never sees the session notes. */
    private void signs(String username, String id, boolean submitter) {
        try (Browser party = signedIn(username)) {
            party.go("/cases/" + id).check("agreement-of-" + username.replace('.', '-'));
            String page = party.source();
            assertThat(page).contains(commitment + "-0", commitment + "-1");
            assertThat(page).as("a party never reads the session notes").doesNotContain(notes);
            if (submitter) {
                assertThat(page).contains(description);
            } else {
                assertThat(page)
                        .as("a party who did not submit the request does not read its description")
                        .doesNotContain(description);
            }
            party.submit(By.id("sign"));
            party.find(By.cssSelector("[role='status']"));
            party.check("signed-by-" + username.replace('.', '-'));
            assertThat(party.has(By.id("sign"))).isFalse();
        }
    }

    /** Teacher and parent outside the case, and the other school, get the not-found page and nothing of it. */
    private void nobodyElseReadsIt(String id) {
        for (String outsider : List.of("teacher.gym1", "parent.gym1", "mediator1.sch2", "coordinator.sch2")) {
            try (Browser browser = signedIn(outsider)) {
                browser.go("/cases/" + id).check("not-found-for-" + outsider.replace('.', '-'));
                assertThat(browser.has(By.id("case-status")))
                        .as("%s does not see the case", outsider)
                        .isFalse();
                assertThat(browser.source()).doesNotContain(planted);
                browser.go("/cases/" + id + "/audit");
                assertThat(browser.source()).doesNotContain(planted);
                assertThat(browser.has(By.id("audit"))).isFalse();
            }
        }
    }

    /**
     * student1 names the young mediator as the other side: the coordinator sees that the mediator may not
     * mediate a case they are a party of; then student1 withdraws, after a confirmation that it carries
     * no blame.
     */
    private void aStudentWithdrawsWithoutBlame(String mediatorId) {
        String id;
        try (Browser student = Browser.open("mediation", "en")) {
            id = asksForMediationNaming(student, "Aigerim Nurtasova", "10");
        }
        try (Browser coordinator = signedIn("coordinator.gym1")) {
            coordinator.go("/cases/" + id);
            new Select(coordinator.find(By.cssSelector("select[id^='identify-user-']"))).selectByValue(mediatorId);
            coordinator.submit(By.cssSelector("button[id^='identify-button-']"));
            coordinator.find(By.cssSelector("[role='status']"));
            coordinator.select("decision", "ACCEPT_FOR_PEER_MEDIATION");
            coordinator.type("reason", "A quarrel between students of different grades");
            coordinator.submit(By.id("triage-button"));
            coordinator.find(By.id("assignment"));
            coordinator.check("nobody-eligible");
            assertThat(coordinator.has(By.id("assign-" + mediatorId))).isFalse();
            assertThat(coordinator.find(By.id("candidate-" + mediatorId)).getText())
                    .contains("is a party of this case");
        }
        try (Browser student = signedIn("student1.gym1")) {
            student.go("/cases/" + id).check("before-withdrawal");
            assertThat(student.find(By.id("withdraw")).getAttribute("data-confirm"))
                    .contains("no blame");
            student.click(By.id("withdraw"));
            student.acceptDialog();
            student.waitFor(By.cssSelector("[role='status']"));
            student.check("withdrawn");
            assertThat(status(student)).isEqualTo("WITHDRAWN");
            assertThat(student.has(By.id("withdraw"))).isFalse();
        }
    }

    /** A question to the club: the coordinator answers it, the student reads the answer and closes it. */
    private void aStudentAsksAQuestionAndTheCoordinatorAnswers() {
        String question = planted + "-QUESTION may I bring a friend to a session?";
        String id;
        try (Browser student = signedIn("student1.gym1")) {
            student.go("/requests/new");
            student.submit(By.id("ask-question"));
            assertThat(student.has(By.id("parties")))
                    .as("a question names no people")
                    .isFalse();
            student.type("description", question);
            student.submit(By.id("send-request"));
            student.check("question-asked");
            assertThat(student.find(By.id("consultation-status")).getAttribute("data-status"))
                    .isEqualTo("SUBMITTED");
            id = student.path().replaceFirst("^/consultations/", "").replaceFirst("[#?].*$", "");
        }
        try (Browser coordinator = signedIn("coordinator.gym1")) {
            coordinator.go("/consultations").check("consultations");
            coordinator.submit(By.id("consultation-" + id));
            coordinator.check("question-to-answer");
            assertThat(coordinator.source()).contains(question);
            coordinator.submit(By.id("assign-advisor"));
            assertThat(coordinator.find(By.id("consultation-status")).getAttribute("data-status"))
                    .isEqualTo("ADVISOR_ASSIGNED");
            coordinator.type("text", "Yes, if the other side agrees. Come to room 204.");
            coordinator.submit(By.id("send-answer"));
            assertThat(coordinator.find(By.id("consultation-status")).getAttribute("data-status"))
                    .isEqualTo("ANSWERED");
        }
        try (Browser student = signedIn("student1.gym1")) {
            student.go("/consultations/" + id).check("question-answered");
            assertThat(student.find(By.id("consultation-answer")).getText()).contains("room 204");
            student.submit(By.id("close-consultation"));
            student.check("question-closed");
            assertThat(student.find(By.id("consultation-status")).getAttribute("data-status"))
                    .isEqualTo("CLOSED");
        }
        try (Browser teacher = signedIn("teacher.gym1")) {
            teacher.go("/consultations/" + id).check("question-not-found");
            assertThat(teacher.source()).doesNotContain(planted);
        }
    }

    // ---- helpers --------------------------------------------------------------------------

    /** A browser signed in as the demo user, with the portal in English (their own language may differ). */
    private static Browser signedIn(String username) {
        return Browser.open("mediation", "en").signIn(username).go("/?lang=en");
    }

    private static String status(Browser browser) {
        return browser.find(By.id("case-status")).getAttribute("data-status");
    }
}
