package kz.senim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.senim.local.api.Caller;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The portal guides people where it used to fail them (issue 16): a child who switches language on the
 * trust box's receipt page still has the receipt, and one who switches while writing back keeps the
 * conversation and the words typed; a child who sends an incomplete request lands on a focused summary
 * that names the field in words, not a rule.
 */
@Order(6)
@Execution(ExecutionMode.CONCURRENT) // its screens are independent of each other
class PortalGuidanceJourney {

    private static final String SCHOOL = Schools.GYMNASIUM_1;
    private static final String RECEIPT = "[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}";

    @Test
    @ResourceLock(value = Shared.GYMNASIUM_1_CASES, mode = ResourceAccessMode.READ)
    void a_child_switches_language_on_the_receipt_page_and_still_has_the_receipt() {
        Browser.assumeInstalled();
        Schools.gymnasium1(EndToEnd.api());
        try (Browser child = Browser.open("guidance", "kk")) {
            child.go("/schools/" + SCHOOL + "/trust-box?lang=kk");
            // help first: tap-to-call numbers, then the message box, on the first screen
            assertThat(child.find(By.id("call-112")).getAttribute("href")).isEqualTo("tel:112");
            assertThat(child.find(By.id("call-150")).getAttribute("href")).isEqualTo("tel:150");
            Number boxTop = (Number) ((JavascriptExecutor) child.driver())
                    .executeScript("return document.getElementById('text').getBoundingClientRect().top;");
            assertThat(boxTop.intValue())
                    .as("the message box on the first screen")
                    .isLessThan(800);
            child.type("text", "Мені үзілісте итереді");
            // switching language while writing keeps the words typed, and sends nothing
            child.submit(By.id("switch-en"));
            assertThat(child.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            assertThat(child.find(By.id("text")).getAttribute("value")).isEqualTo("Мені үзілісте итереді");
            assertThat(child.has(By.id("receipt"))).isFalse();
            String receipt = send(child);
            assertThat(receipt).matches(RECEIPT);

            child.submit(By.id("switch-ru"));
            assertThat(child.find(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");
            assertThat(child.find(By.id("receipt")).getText().strip())
                    .as("the receipt outlives the language switch")
                    .isEqualTo(receipt);
            assertThat(child.path()).doesNotContain(receipt);
            Boolean oneLine = (Boolean) ((JavascriptExecutor) child.driver())
                    .executeScript("var r = document.getElementById('receipt');"
                            + " var line = parseFloat(getComputedStyle(r).lineHeight);"
                            + " return r.scrollWidth <= r.clientWidth && r.clientHeight < 2 * line;");
            assertThat(oneLine)
                    .as("the receipt is whole, on one line, at 360 px")
                    .isTrue();
            child.check("receipt-in-russian");
            assertThat(child.driver().manage().getCookies()).isEmpty();

            // the conversation and a reply being typed outlive it too
            child.click(By.id("to-conversation"));
            child.type("receipt", receipt);
            child.submit(By.id("open-conversation"));
            child.waitFor(By.id("write-back-form"));
            child.type("text", "Ещё одно");
            child.submit(By.id("switch-kk"));
            assertThat(child.find(By.tagName("html")).getAttribute("lang")).isEqualTo("kk");
            assertThat(child.has(By.id("write-back-form")))
                    .as("still in the conversation, not back at 'type your receipt'")
                    .isTrue();
            assertThat(child.find(By.id("text")).getAttribute("value")).isEqualTo("Ещё одно");
            assertThat(child.path()).doesNotContain(receipt).doesNotContain("receipt");
            child.check("conversation-in-kazakh");
            assertThat(child.driver().manage().getCookies()).isEmpty();
        }
    }

    /** Sends the form; while case-service has not heard of the school yet (decision 75) it tries again. */
    private static String send(Browser child) {
        return Eventually.until(
                "the trust box takes the message",
                () -> {
                    String typed = child.find(By.id("text")).getAttribute("value");
                    child.submit(By.id("send-message"));
                    if (child.has(By.id("receipt"))) {
                        return child.find(By.id("receipt")).getText().strip();
                    }
                    child.go("/schools/" + SCHOOL + "/trust-box?lang=en");
                    child.type("text", typed);
                    return null;
                },
                receipt -> receipt != null);
    }

    @Test
    void a_child_sends_an_incomplete_request_and_the_summary_is_focused_and_names_the_field() {
        Browser.assumeInstalled();
        Schools.gymnasium1(EndToEnd.api());
        try (Browser child = Browser.open("guidance", "ru")) {
            child.signIn("student1.gym1");
            child.go("/requests/new?lang=ru");
            child.submit(By.id("ask-mediation"));
            child.type("description", "Забрали телефон");
            child.submit(By.id("send-request"));
            child.waitFor(By.id("error-summary"));
            String focused = (String) ((JavascriptExecutor) child.driver())
                    .executeScript("return document.activeElement && document.activeElement.id;");
            assertThat(focused).as("the summary has the focus").isEqualTo("error-summary");
            assertThat(child.find(By.id("error-summary")).getAttribute("role")).isEqualTo("alert");
            var link = child.find(By.cssSelector("#error-summary a[href='#parties']"));
            assertThat(link.getText()).doesNotContain("длина").doesNotContain("2 до 30");
            Number top = (Number) ((JavascriptExecutor) child.driver())
                    .executeScript("return document.getElementById('error-summary').getBoundingClientRect().top;");
            assertThat(top.intValue()).as("the summary is on the first screen").isLessThan(800);
            child.check("request-refused-summary");
            link.click();
            String afterLink = (String) ((JavascriptExecutor) child.driver())
                    .executeScript("return document.activeElement && document.activeElement.id;");
            assertThat(afterLink).as("the link leads into the parties").isEqualTo("involved");
            assertThat(child.find(By.id("description")).getAttribute("value")).isEqualTo("Забрали телефон");
        }
    }

    @Test
    @ResourceLock(value = Shared.GYMNASIUM_1_CASES, mode = ResourceAccessMode.READ_WRITE)
    void a_coordinator_lands_on_the_counts_and_links_a_named_classmate_from_choose_with_the_likely_ones_first() {
        Browser.assumeInstalled();
        Schools.gymnasium1(EndToEnd.api());
        Caller student = EndToEnd.api().as("student1.gym1");
        Caller coordinatorApi = EndToEnd.api().as("coordinator.gym1");
        String id = student.post(
                        "/api/cases",
                        Map.of(
                                "description",
                                "guidance journey",
                                "urgency",
                                "HIGH",
                                "parties",
                                List.of(
                                        Map.of("userId", student.userId()),
                                        Map.of("name", "Daniar Zhaksylykov", "grade", 9))),
                        "Idempotency-Key",
                        UUID.randomUUID().toString())
                .json()
                .get("id")
                .asString();
        try (Browser coordinator = Browser.open("guidance", "en")) {
            coordinator.signIn("coordinator.gym1");
            coordinator.go("/?lang=en");
            long submitted = coordinatorApi
                    .get("/api/cases?status=SUBMITTED&size=1")
                    .expect(200)
                    .json()
                    .get("totalElements")
                    .asLong();
            assertThat(coordinator.find(By.cssSelector("#today-triage .count")).getText())
                    .as("the home page counts what the API counts")
                    .isEqualTo(String.valueOf(submitted));
            assertThat(coordinator.find(By.cssSelector("#today li")).getAttribute("id"))
                    .as("an urgent request puts triage first")
                    .isEqualTo("today-triage");
            OffsetDateTime now = OffsetDateTime.now();
            long meeting = 0;
            for (JsonNode line : coordinatorApi
                    .get("/api/cases?status=IN_MEDIATION&size=100")
                    .expect(200)
                    .json()
                    .get("content")) {
                JsonNode next = line.path("nextSession");
                if (next.isObject()) {
                    OffsetDateTime at =
                            OffsetDateTime.parse(next.get("startsAt").asString());
                    if (!at.isBefore(now) && at.isBefore(now.plusDays(7))) {
                        meeting++;
                    }
                }
            }
            assertThat(coordinator.find(By.cssSelector("#week-count .count")).getText())
                    .as("the week ahead counts the cases the API says meet in the next 7 days")
                    .isEqualTo(String.valueOf(meeting));
            coordinator.check("coordinator-home");

            coordinator.go("/cases/" + id);
            WebElement select = coordinator.find(By.cssSelector("select[id^='identify-user-']"));
            Select choice = new Select(select);
            assertThat(choice.getFirstSelectedOption().getAttribute("value"))
                    .as("nobody is linked by default")
                    .isEmpty();
            String student2 = EndToEnd.api().as("student2.gym1").userId();
            List<String> values = choice.getOptions().stream()
                    .map(option -> option.getAttribute("value"))
                    .toList();
            assertThat(values.indexOf(student2))
                    .as("the named grade-9 classmate is among the first offered")
                    .isBetween(1, 3);
            coordinator.check("identify-party");
        }
    }

    @Test
    void a_child_names_one_person_at_a_time_and_a_question_asks_for_nobody() {
        Browser.assumeInstalled();
        Schools.gymnasium1(EndToEnd.api());
        try (Browser child = Browser.open("guidance-form", "kk")) {
            child.signIn("student1.gym1");
            child.go("/requests/new?lang=kk").check("request-what-is-needed");
            child.submit(By.id("ask-question"));
            assertThat(child.has(By.id("parties")))
                    .as("a question has no people to name")
                    .isFalse();
            assertThat(child.has(By.id("urgency"))).isFalse();
            child.check("request-question");

            child.submit(By.id("change-kind"));
            child.submit(By.id("ask-mediation"));
            assertThat(child.has(By.id("name0"))).isTrue();
            assertThat(child.has(By.id("name1"))).as("one person at first").isFalse();
            child.type("description", "Үзілісте итереді");
            child.type("names", "Данияр");
            child.find(By.id("grade0")).sendKeys("9");
            child.submit(By.id("add-person"));
            assertThat(child.has(By.id("name1")))
                    .as("a second row, without sending")
                    .isTrue();
            assertThat(child.find(By.id("name0")).getAttribute("value")).isEqualTo("Данияр");
            assertThat(child.find(By.id("description")).getAttribute("value")).isEqualTo("Үзілісте итереді");
            String focused = (String) ((JavascriptExecutor) child.driver())
                    .executeScript("return document.activeElement && document.activeElement.id;");
            assertThat(focused).as("the new row's name has the focus").isEqualTo("name1");
            assertThat(child.has(By.id("error-summary"))).isFalse();
            child.check("request-second-person");
        }
    }

    @Test
    @ResourceLock(value = Shared.GYMNASIUM_1_CASES, mode = ResourceAccessMode.READ)
    void a_coordinator_tells_requests_apart_in_the_triage_inbox() {
        Browser.assumeInstalled();
        Schools.gymnasium1(EndToEnd.api());
        Caller parent = EndToEnd.api().as("parent.gym1");
        String student2 = EndToEnd.api().as("student2.gym1").userId();
        String id = parent.post(
                        "/api/cases",
                        Map.of(
                                "description",
                                "guidance journey: told apart",
                                "urgency",
                                "HIGH",
                                "parties",
                                List.of(
                                        Map.of("userId", student2),
                                        Map.of("name", "Aruzhan", "grade", 9),
                                        Map.of("name", "Timur", "grade", 9))),
                        "Idempotency-Key",
                        UUID.randomUUID().toString())
                .json()
                .get("id")
                .asString();
        try (Browser coordinator = Browser.open("guidance-lists", "en")) {
            coordinator.signIn("coordinator.gym1");
            coordinator.go("/cases?status=SUBMITTED&lang=en");
            WebElement line = coordinator.find(By.id("line-" + id));
            assertThat(line.getText())
                    .contains("Asked by a parent", "3 people involved", "Urgent", "Sent, waiting for triage");
            assertThat(line.findElement(By.cssSelector(".tag.urgency-HIGH")).getCssValue("color"))
                    .as("urgent in colour as well as in words")
                    .isNotEqualTo(line.findElement(By.cssSelector(".asked-by")).getCssValue("color"));
            assertThat(coordinator.find(By.cssSelector("#case-lines > li")).getAttribute("class"))
                    .as("urgent first")
                    .contains("urgency-HIGH");
            coordinator.check("triage-inbox-told-apart").checkWide("triage-inbox-told-apart");
        }
        try (Browser asker = Browser.open("guidance-lists", "ru")) {
            asker.signIn("parent.gym1");
            asker.go("/requests?lang=ru");
            assertThat(asker.find(By.id("line-" + id)).getText()).contains("Ваше обращение", "Участников: 3");
            asker.check("my-requests-told-apart");
        }
    }

    @Test
    void the_sign_in_page_is_senims_own_and_says_who_to_ask_about_a_forgotten_password() {
        Browser.assumeInstalled();
        Schools.gymnasium1(EndToEnd.api());
        try (Browser visitor = Browser.open("guidance-sign-in", "kk")) {
            visitor.go("/?lang=kk");
            visitor.go("/oauth2/authorization/keycloak");
            visitor.waitFor(By.id("username"));
            assertThat(visitor.source())
                    .as("Senim's login theme")
                    .contains("/resources/")
                    .contains("/login/senim/css/senim.css");
            assertThat(visitor.find(By.id("senim-forgot-password")).getText())
                    .as("while nobody may reset their own password, who to ask instead")
                    .contains("үйлестірушісінен");
            visitor.check("sign-in").checkWide("sign-in");
            visitor.signIn("student1.gym1");
            assertThat(visitor.path()).doesNotStartWith("/oauth2");
        }
    }

    @Test
    void a_mistyped_school_code_is_explained_and_kept() {
        Browser.assumeInstalled();
        Schools.gymnasium1(EndToEnd.api());
        try (Browser visitor = Browser.open("guidance", "kk")) {
            visitor.go("/?lang=kk");
            visitor.type("school", "demo-gymnasium-l");
            visitor.submit(By.cssSelector("#school-form button[type='submit']"));
            assertThat(visitor.find(By.id("school-error")).getText()).isNotBlank();
            assertThat(visitor.find(By.id("school")).getAttribute("value")).isEqualTo("demo-gymnasium-l");
            visitor.check("school-code-mistyped");
            visitor.type("school", Schools.GYMNASIUM_1);
            visitor.submit(By.cssSelector("#school-form button[type='submit']"));
            assertThat(visitor.path()).startsWith("/schools/" + Schools.GYMNASIUM_1 + "/club");
        }
    }

    @Test
    void every_roles_home_at_a_phone_and_a_desktop_width() {
        Browser.assumeInstalled();
        Schools.gymnasium1(EndToEnd.api());
        for (String user : new String[] {
            "student1.gym1", "mediator1.gym1", "parent.gym1", "teacher.gym1", "coordinator.gym1", "admin.gym1"
        }) {
            try (Browser person = Browser.open("guidance-homes", "kk")) {
                person.signIn(user);
                person.go("/");
                person.check("home-" + user).checkWide("home-" + user);
            }
        }
    }

    @Test
    @ResourceLock(value = Shared.GYMNASIUM_1_CASES, mode = ResourceAccessMode.READ)
    void a_student_reads_on_their_home_when_and_where_their_next_meeting_is() {
        Browser.assumeInstalled();
        Schools.gymnasium1(EndToEnd.api());
        Caller student1 = EndToEnd.api().as("student1.gym1");
        Caller student2 = EndToEnd.api().as("student2.gym1");
        Caller coordinator = EndToEnd.api().as("coordinator.gym1");
        String id = student1.post(
                        "/api/cases",
                        Map.of(
                                "description",
                                "guidance journey: the next meeting",
                                "parties",
                                List.of(Map.of("userId", student1.userId()), Map.of("userId", student2.userId()))),
                        "Idempotency-Key",
                        UUID.randomUUID().toString())
                .expect(201)
                .text("/id");
        String path = "/api/cases/" + id;
        try {
            coordinator
                    .post(path + "/triage", Map.of("decision", "ACCEPT_FOR_COORDINATOR_MEDIATION", "reason", "both"))
                    .expect(200);
            coordinator
                    .post(path + "/mediators", Map.of("userId", coordinator.userId()))
                    .expect(200);
            JsonNode asked = coordinator
                    .post(path + "/consent-request", null)
                    .expect(200)
                    .json();
            String party1 = partyOf(asked, student1.userId());
            student1.post(path + "/consents", Map.of("partyId", party1, "given", true))
                    .expect(200);
            JsonNode consented = student2.post(
                            path + "/consents", Map.of("partyId", partyOf(asked, student2.userId()), "given", true))
                    .expect(200)
                    .json();
            if ("AWAITING_CONSENT".equals(consented.get("status").asString())) {
                // Another journey asks guardians at this school just now: the coordinator notes their answers.
                for (JsonNode party : asked.get("parties")) {
                    coordinator
                            .post(
                                    path + "/consents",
                                    Map.of(
                                            "partyId",
                                            party.get("id").asString(),
                                            "guardian",
                                            true,
                                            "given",
                                            true,
                                            "note",
                                            "by phone"))
                            .expect(200, 409);
                }
            }
            OffsetDateTime startsAt = OffsetDateTime.now(java.time.ZoneOffset.ofHours(5))
                    .plusDays(2)
                    .withHour(14)
                    .withMinute(30)
                    .withSecond(0)
                    .withNano(0);
            coordinator
                    .post(
                            path + "/sessions",
                            Map.of(
                                    "kind",
                                    "INDIVIDUAL",
                                    "startsAt",
                                    startsAt.toString(),
                                    "place",
                                    "Room 214",
                                    "participants",
                                    List.of(party1)))
                    .expect(200);

            try (Browser child = Browser.open("guidance-next-meeting", "en")) {
                child.signIn("student1.gym1");
                child.go("/?lang=en");
                String next = child.find(By.id("my-case-next-" + id)).getText();
                assertThat(next)
                        .contains(
                                "Next meeting",
                                startsAt.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH),
                                "Room 214");
                assertThat(child.find(By.id("my-case-" + id)).getText()).contains("In mediation");
                child.check("next-meeting-on-home").checkWide("next-meeting-on-home");
            }
        } finally {
            coordinator
                    .post(
                            path + "/withdrawal",
                            Map.of("partyId", partyOfCase(coordinator, path, student2.userId()), "note", "in person"))
                    .expect(200, 409);
        }
    }

    private static String partyOfCase(Caller coordinator, String path, String userId) {
        return partyOf(coordinator.get(path).expect(200).json(), userId);
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

    @Test
    @ResourceLock(value = Shared.GYMNASIUM_1_CASES, mode = ResourceAccessMode.READ)
    void enter_in_a_persons_name_sends_the_request_and_adds_no_row() {
        Browser.assumeInstalled();
        Schools.gymnasium1(EndToEnd.api());
        try (Browser child = Browser.open("guidance-enter", "en")) {
            child.signIn("student1.gym1");
            child.go("/requests/new?lang=en");
            child.submit(By.id("ask-mediation"));
            child.type("description", "Pushes me at the break");
            child.find(By.id("grade0")).sendKeys("9");
            child.find(By.id("name0")).sendKeys("Daniyar" + Keys.ENTER);
            child.waiting().until(page -> page.getCurrentUrl().matches(".*/cases/[0-9a-f-]{36}([?#].*)?"));
            assertThat(child.has(By.id("name1")))
                    .as("Enter sent the request rather than adding a row")
                    .isFalse();
            child.find(By.tagName("main"));
            child.check("request-sent-with-enter");
        }
    }

    @Test
    void on_a_desktop_the_menu_is_a_bar_seen_without_opening_anything_and_on_a_phone_it_opens() {
        Browser.assumeInstalled();
        Schools.gymnasium1(EndToEnd.api());
        try (Browser coordinator = Browser.open("guidance-nav", "en")) {
            coordinator.signIn("coordinator.gym1");
            coordinator.go("/?lang=en");
            By triage = By.cssSelector("#main-nav a[href='/cases?status=SUBMITTED']");
            assertThat(coordinator.driver().findElement(triage).isDisplayed())
                    .as("on a phone the links wait behind Menu")
                    .isFalse();
            coordinator.checkWide("nav-bar", wide -> {
                assertThat(wide.driver().findElement(triage).isDisplayed())
                        .as("on a desktop the links are there without opening anything")
                        .isTrue();
                assertThat(wide.driver()
                                .findElement(By.cssSelector("#menu-toggle summary"))
                                .isDisplayed())
                        .as("no Menu to open on a desktop")
                        .isFalse();
                Number navBottom = (Number) ((JavascriptExecutor) wide.driver())
                        .executeScript("return document.getElementById('main-nav').getBoundingClientRect().bottom;");
                Number mainTop = (Number) ((JavascriptExecutor) wide.driver())
                        .executeScript("return document.getElementById('main').getBoundingClientRect().top;");
                assertThat(mainTop.doubleValue())
                        .as("the bar is in the header, above the page, not over it")
                        .isGreaterThanOrEqualTo(navBottom.doubleValue());
                assertThat(mainTop.doubleValue())
                        .as("the page starts near the top, not pushed down by a menu")
                        .isLessThan(300);
                WebElement here = wide.driver().findElement(By.cssSelector("#main-nav a[aria-current='page']"));
                assertThat(here.getDomAttribute("href"))
                        .as("the page one is on: home")
                        .isEqualTo("/");
                assertThat(here.getCssValue("background-color"))
                        .as("the page one is on stands out in the bar")
                        .isNotEqualTo(wide.driver().findElement(triage).getCssValue("background-color"));
            });
            coordinator
                    .driver()
                    .findElement(By.cssSelector("#menu-toggle summary"))
                    .click();
            coordinator.waiting().until(d -> d.findElement(triage).isDisplayed());
            coordinator.check("nav-opened-on-a-phone");
            coordinator.submit(triage);
            assertThat(coordinator.driver().findElements(By.cssSelector("#main-nav a[aria-current='page']")).stream()
                            .map(link -> link.getDomAttribute("href"))
                            .toList())
                    .as("on the triage inbox, its link and only that one is marked")
                    .containsExactly("/cases?status=SUBMITTED");
        }
    }
}
