package kz.senim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.senim.local.Mailbox.Mail;
import kz.senim.local.api.Caller;
import kz.senim.local.api.SenimApi;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Guardian consent, in the portal, in Russian (issue 15): Demo Gymnasium No. 1 asks a guardian's consent
 * for its students, student1 asks for mediation with student2, and once the coordinator asks the parties,
 * student1's parent (linked to her in the people directory) gets the {@code consent-requested-guardian}
 * e-mail. Its link, opened before signing in, leads through Keycloak's login to a view of the case that
 * says what the consent is about and nothing said in it; their home says first that it waits for their consent
 * and links to it; there the parent agrees as guardian. Someone
 * who is not the guardian still gets the not-found page.
 */
@Order(2)
@ResourceLock(value = Shared.GYMNASIUM_1_CASES, mode = ResourceAccessMode.READ_WRITE)
class PortalGuardianConsentJourney {

    private static final Pattern CASE_LINK = Pattern.compile("/cases/[0-9a-f-]{36}");

    private final SenimApi api = EndToEnd.api();
    private final Caller coordinatorApi = api.as("coordinator.gym1");
    private final String planted = "OKAPI-GUARDIAN-" + UUID.randomUUID();

    @Test
    void a_parent_opens_the_consent_mail_and_agrees_as_guardian_seeing_nothing_said_in_the_case() {
        Browser.assumeInstalled();
        Schools.gymnasium1(api);
        Schools.school2(api);
        // Grade 12 is the highest the settings take: every student of the school needs a guardian's consent.
        Map<String, Object> settingsBefore = settings(Map.of("guardianConsentBelowGrade", 12));
        try {
            Set<String> mark = Mails.mark();
            String id = aCaseAwaitingConsent();

            Mail mail = Mails.awaitMail(mark, "parent.gym1", "consent-requested-guardian", "ru");
            Matcher link = CASE_LINK.matcher(mail.text());
            assertThat(link.find())
                    .as("the mail links to the case: %s", mail.text())
                    .isTrue();
            String path = link.group();
            assertThat(path).isEqualTo("/cases/" + id);

            try (Browser parent = Browser.open("guardian-consent", "ru")) {
                // The link, opened before signing in: the portal asks for the login, then shows the case.
                parent.go(path + "?lang=ru").signIn("parent.gym1");
                assertThat(parent.path()).startsWith(path);
                parent.find(By.id("guardian-consent"));
                parent.check("guardian-asked");
                assertThat(status(parent)).isEqualTo("AWAITING_CONSENT");
                assertThat(parent.find(By.id("guardian-mediated-by")).getText()).isNotBlank();
                whatTheGuardianDoesNotSee(parent);

                // Their home says it too, first: their child's case waits for their consent, and the way to it.
                parent.go("/?lang=ru");
                WebElement awaiting = parent.find(By.id("awaiting-" + id));
                assertThat(awaiting.getText()).contains("школа просит вашего согласия");
                assertThat(parent.find(By.cssSelector("#awaiting-consent ul"))
                                .getLocation()
                                .getY())
                        .as("what waits for them comes before their tasks")
                        .isLessThan(parent.find(By.cssSelector("ul.tasks"))
                                .getLocation()
                                .getY());
                whatTheGuardianDoesNotSee(parent);
                parent.check("guardian-home-awaiting").checkWide("guardian-home-awaiting");
                parent.submit(By.cssSelector("#awaiting-" + id + " a"));
                assertThat(parent.path()).startsWith(path);

                parent.submit(By.id("guardian-consent-yes-0"));
                parent.find(By.cssSelector("[role='status']"));
                parent.check("guardian-agreed");
                assertThat(parent.find(By.id("guardian-answer-0")).getAttribute("data-given"))
                        .isEqualTo("true");
                assertThat(parent.has(By.id("guardian-consent-yes-0"))).isFalse();
                whatTheGuardianDoesNotSee(parent);

                // Answered: nothing waits for them any more; the case stays on their home as their child's.
                parent.go("/?lang=ru");
                assertThat(parent.find(By.id("my-case-" + id)).getText()).contains("случай вашего ребёнка");
                assertThat(parent.has(By.id("awaiting-" + id))).isFalse();
            }

            JsonNode recorded =
                    coordinatorApi.get("/api/cases/" + id).expect(200).json();
            String student1 = api.as("student1.gym1").userId();
            String student1Party = recorded.get("parties")
                    .valueStream()
                    .filter(p -> student1.equals(p.path("userId").asString()))
                    .findFirst()
                    .orElseThrow()
                    .get("id")
                    .asString();
            assertThat(recorded.get("consents").valueStream())
                    .as("the guardian's own answer, not one noted on their behalf")
                    .anySatisfy(c -> {
                        assertThat(c.get("partyId").asString()).isEqualTo(student1Party);
                        assertThat(c.get("guardian").asBoolean()).isTrue();
                        assertThat(c.get("given").asBoolean()).isTrue();
                        assertThat(c.get("onBehalf").asBoolean()).isFalse();
                    });

            nobodyElseReadsIt(id);

            // Nothing is left open on the shared platform: the coordinator notes student2's withdrawal.
            coordinatorApi
                    .post(
                            "/api/cases/" + id + "/withdrawal",
                            Map.of(
                                    "partyId",
                                    partyOf(recorded, api.as("student2.gym1").userId()),
                                    "note",
                                    "in person"))
                    .expect(200);
            Mails.assertNoMailContains(planted);
        } finally {
            settings(settingsBefore);
        }
    }

    /** student1 asks about student2; the coordinator mediates it alone and asks the parties. */
    private String aCaseAwaitingConsent() {
        Caller student1 = api.as("student1.gym1");
        String student2 = api.as("student2.gym1").userId();
        String id = student1.post(
                        "/api/cases",
                        Map.of(
                                "description",
                                planted + "-DESCRIPTION they laughed at my drawing",
                                "parties",
                                List.of(Map.of("userId", student1.userId()), Map.of("userId", student2))))
                .expect(201)
                .text("/id");
        String path = "/api/cases/" + id;
        coordinatorApi
                .post(
                        path + "/triage",
                        Map.of(
                                "decision",
                                "ACCEPT_FOR_COORDINATOR_MEDIATION",
                                "reason",
                                planted + "-REASON the coordinator knows both"))
                .expect(200);
        coordinatorApi
                .post(path + "/mediators", Map.of("userId", coordinatorApi.userId()))
                .expect(200);
        coordinatorApi.post(path + "/consent-request", null).expect(200);
        return id;
    }

    /** Nothing said in the case and nobody else of it: no description, reason, party or mediator name. */
    private void whatTheGuardianDoesNotSee(Browser parent) {
        String page = parent.source();
        assertThat(page).doesNotContain(planted);
        assertThat(page)
                .as("neither the other party nor the mediator is named")
                .doesNotContain("Daniyar", "Zhaksylykov", "Saule", "Temirbekova");
        assertThat(parent.has(By.id("parties"))).isFalse();
        assertThat(parent.has(By.id("team"))).isFalse();
        assertThat(parent.has(By.id("case-description"))).isFalse();
        assertThat(parent.has(By.id("withdrawal"))).isFalse();
    }

    /** A parent of another school and a teacher of the same one get the not-found page and nothing of it. */
    private void nobodyElseReadsIt(String id) {
        api.as("parent.sch2").get("/api/cases/" + id).expect(404);
        for (String outsider : List.of("teacher.gym1", "parent.sch2")) {
            try (Browser browser = Browser.open("guardian-consent", "ru").signIn(outsider)) {
                browser.go("/cases/" + id).check("not-found-for-" + outsider.replace('.', '-'));
                assertThat(browser.has(By.id("case-status"))).isFalse();
                assertThat(browser.source()).doesNotContain(planted);
            }
        }
    }

    private static String partyOf(JsonNode view, String userId) {
        return view.get("parties")
                .valueStream()
                .filter(p -> userId.equals(p.path("userId").asString()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
    }

    private static String status(Browser browser) {
        return browser.find(By.id("case-status")).getAttribute("data-status");
    }

    /** Changes the school's case settings; answers the settings before. */
    private Map<String, Object> settings(Map<String, Object> changes) {
        var current = coordinatorApi.get("/api/cases/settings").expect(200);
        JsonNode json = current.json();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("mediatorsPerCase", json.get("mediatorsPerCase").asInt());
        JsonNode guardian = json.get("guardianConsentBelowGrade");
        before.put("guardianConsentBelowGrade", guardian == null || guardian.isNull() ? null : guardian.asInt());
        before.put("followUpDays", json.get("followUpDays").asInt());
        before.put("retentionDays", json.get("retentionDays").asInt());
        before.put("timeZone", json.get("timeZone").asString());
        Map<String, Object> changed = new LinkedHashMap<>(before);
        changed.putAll(changes);
        coordinatorApi
                .put("/api/cases/settings", changed, "If-Match", current.etag())
                .expect(200);
        return before;
    }
}
