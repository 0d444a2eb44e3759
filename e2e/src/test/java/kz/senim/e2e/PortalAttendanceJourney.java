package kz.senim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.local.api.Caller;
import kz.senim.local.api.SenimApi;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * Trainings in the portal, in Kazakh: a coordinator of Demo Gymnasium No. 1 who does not run a training
 * that has started records who came and sees it saved; a student registers in the portal for an activity
 * open to them, and downloads a memo the coordinator published in the portal with its PDF. The activities
 * are set up through the API with titles of their own.
 */
@Order(8)
@ResourceLock(value = Shared.GYMNASIUM_1_ACTIVITIES, mode = ResourceAccessMode.READ)
class PortalAttendanceJourney {

    private static final ZoneOffset ALMATY = ZoneOffset.ofHours(5);

    private final SenimApi api = EndToEnd.api();
    private final Caller coordinator = api.as("coordinator.gym1");
    private final Caller attendee = api.as("student1.gym1");
    private final Caller student = api.as("student2.gym1");

    @Test
    void a_coordinator_records_attendance_and_a_student_registers() {
        Browser.assumeInstalled();
        Schools.gymnasium1(api);
        String material;

        OffsetDateTime started =
                OffsetDateTime.now(ALMATY).minusHours(1).withNano(0).withSecond(0);
        // People register before an activity starts; then it starts (moved to an hour ago) and is marked.
        String training = schedule(
                "Белсенді тыңдау " + UUID.randomUUID(),
                started.plusDays(1),
                List.of(api.as("mediator1.gym1").userId()));
        attendee.post("/api/activities/" + training + "/registrations", null).expect(201);
        coordinator
                .post(
                        "/api/activities/" + training + "/rescheduling",
                        Map.of(
                                "startsAt",
                                started.toString(),
                                "endsAt",
                                started.plusHours(1).toString()))
                .expect(200);

        try (Browser browser = Browser.open("attendance", "kk")) {
            browser.signIn("coordinator.gym1").go("/training/activities?lang=kk&month=" + YearMonth.from(started));
            browser.waitFor(By.id("activity-" + training));
            browser.check("calendar-coordinator");
            browser.click(By.id("activity-" + training));
            browser.waitFor(By.id("attendance-form"));
            browser.check("activity-coordinator");
            browser.click(By.id("mark-0-PRESENT"));
            browser.click(By.id("attendance-submit"));
            browser.waitFor(By.cssSelector(".notice"));
            browser.check("attendance-saved");
            assertThat(browser.find(By.id("mark-0-PRESENT")).isSelected()).isTrue();

            Map<String, String> screens = Map.of(
                    "activities/new", "activity-form",
                    "plan", "plan-item-form",
                    "materials", "new-material",
                    "curriculum", "curriculum-modules");
            for (var screen : screens.entrySet()) {
                browser.go("/training/" + screen.getKey());
                browser.waitFor(By.id(screen.getValue()));
                browser.check("coordinator-" + screen.getKey().replace('/', '-'));
            }
            material = coordinatorPublishesAMemoWithItsFile(browser);
            coordinatorPlansATeacherSession(browser);
            coordinatorReportsAPlanItemDone(browser);
        }
        assertThat(coordinator
                        .get("/api/activities/" + training + "/attendance")
                        .expect(200)
                        .json()
                        .at("/marks/" + attendee.userId())
                        .asString())
                .isEqualTo("PRESENT");

        OffsetDateTime later =
                OffsetDateTime.now(ALMATY).plusHours(3).withNano(0).withSecond(0);
        String open = schedule("Медиация дегеніміз не? " + UUID.randomUUID(), later, List.of(coordinator.userId()));
        try (Browser browser = Browser.open("attendance", "kk")) {
            browser.signIn("student2.gym1").go("/training/activities?lang=kk&month=" + YearMonth.from(later));
            browser.waitFor(By.id("register-" + open));
            browser.check("activities-student");
            browser.submit(By.id("register-" + open)).waitUntilPresent(By.id("unregister-" + open));
            browser.check("registered");
            browser.click(By.cssSelector("a[href='/training/activities/" + open + "']"));
            browser.waitFor(By.id("my-registration"));
            assertThat(browser.has(By.id("attendance-form")))
                    .as("a student sees neither the roster nor the sheet")
                    .isFalse();
            browser.check("activity-student");
            browser.go("/training/curriculum");
            browser.waitFor(By.id("curriculum-modules"));
            browser.check("curriculum-student");
            browser.go("/training/materials");
            browser.waitFor(By.id("materials-heading"));
            browser.check("materials-student");
            browser.click(By.id("material-" + material));
            browser.waitFor(By.id("material-download"));
            browser.check("material-student");
            Object download = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "fetch(document.getElementById('material-download').href)"
                            + ".then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('content-type') + ' ' + t.substring(0, 8))))"
                            + ".catch(e => done('failed ' + e));");
            assertThat(String.valueOf(download)).isEqualTo("200 application/pdf %PDF-1.4");
        }
        assertThat(student.get("/api/activities/" + open + "/registrations/mine")
                        .expect(200)
                        .text("/status"))
                .isEqualTo("REGISTERED");
    }

    /** A memo created, given its PDF and published for students, through the portal: its id. */
    private String coordinatorPublishesAMemoWithItsFile(Browser browser) {
        browser.go("/training/materials/new");
        browser.waitFor(By.id("material-form"));
        browser.select("kind", "MEMO");
        browser.type("title", "Жанжалды қалай дұрыс шешеміз? " + UUID.randomUUID());
        browser.type("audienceNote", "1–9 сынып оқушылары");
        browser.submit(By.id("material-submit"));
        browser.waitFor(By.id("file-form"));
        browser.check("material-draft");
        String id = browser.path().substring("/training/materials/".length());
        try {
            Path pdf = Files.createTempFile("memo-", ".pdf");
            Files.write(
                    pdf,
                    "%PDF-1.4\n%senim memo\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
                            .getBytes(StandardCharsets.US_ASCII));
            browser.driver()
                    .findElement(By.id("file"))
                    .sendKeys(pdf.toAbsolutePath().toString());
            // the page before the upload may already offer a download (a link): wait for the next page
            browser.submit(By.id("file-submit"));
            browser.waitFor(By.id("material-download"));
            Files.deleteIfExists(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.submit(By.id("publish")).waitUntilGone(By.id("publish"));
        browser.check("material-published");
        assertThat(coordinator.get("/api/materials/" + id).expect(200).text("/status"))
                .isEqualTo("PUBLISHED");
        return id;
    }

    /** A session for teachers created with the portal's form (the coordinator runs it). */
    private void coordinatorPlansATeacherSession(Browser browser) {
        String title = "Медиация — татуласу мәдениеті " + UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.now(ALMATY)
                .plusDays(1)
                .withHour(15)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        browser.go("/training/activities/new");
        browser.waitFor(By.id("activity-form"));
        browser.select("type", "TEACHER_SESSION");
        browser.type("title", title);
        browser.click(By.id("group-STUDENTS"));
        browser.click(By.id("group-TEACHERS"));
        browser.setValue("startsAt", at.toLocalDateTime().toString());
        browser.setValue("endsAt", at.plusHours(1).toLocalDateTime().toString());
        browser.type("place", "Мәжіліс залы");
        browser.type("capacity", "40");
        browser.click(By.id("activity-submit"));
        browser.waitFor(By.id("activity-status"));
        browser.check("activity-created");
        String id = browser.path().substring("/training/activities/".length());
        var created = coordinator.get("/api/activities/" + id).expect(200).json();
        assertThat(created.get("type").asString()).isEqualTo("TEACHER_SESSION");
        assertThat(created.get("title").asString()).isEqualTo(title);
        assertThat(OffsetDateTime.parse(created.get("startsAt").asString()).toInstant())
                .isEqualTo(at.toInstant());
        assertThat(created.at("/audience/groups/0").asString()).isEqualTo("TEACHERS");
        assertThat(api.as("teacher.gym1")
                        .get("/api/activities/" + id)
                        .expect(200)
                        .json()
                        .at("/forCaller/mayRegister")
                        .asBoolean())
                .isTrue();
    }

    /** An item of this school year's plan, added and reported done in the portal. */
    private void coordinatorReportsAPlanItemDone(Browser browser) {
        String description = "Жаднамалар 5–9 сыныптарға " + UUID.randomUUID();
        browser.go("/training/plan");
        browser.waitFor(By.id("plan-item-form"));
        browser.type("direction", "Ақпараттық жұмыс");
        browser.type("description", description);
        browser.click(By.id("plan-item-submit"));
        browser.waitFor(By.cssSelector(".notice"));
        String month = browser.value("month").orElseThrow();
        int start = Integer.parseInt(month.substring(0, 4)) - (Integer.parseInt(month.substring(5)) >= 9 ? 0 : 1);
        String year = start + "-" + (start + 1);
        String item = null;
        for (var candidate : coordinator
                .get("/api/plans/" + year + "/items?size=200")
                .expect(200)
                .json()
                .get("content")) {
            if (candidate.get("description").asString().equals(description)) {
                item = candidate.get("id").asString();
            }
        }
        assertThat(item).as("the item added in the portal").isNotNull();
        new Select(browser.find(By.id("report-" + item))).selectByValue("DONE");
        browser.submit(By.id("report-submit-" + item));
        browser.waitFor(By.cssSelector(".notice"));
        browser.check("plan-item-done");
        assertThat(coordinator
                        .get("/api/plans/" + year + "/items/" + item)
                        .expect(200)
                        .text("/status"))
                .isEqualTo("DONE");
    }

    private String schedule(String title, OffsetDateTime startsAt, List<String> facilitators) {
        return coordinator
                .post(
                        "/api/activities",
                        Map.of(
                                "type",
                                "TRAINING",
                                "title",
                                title,
                                "audience",
                                Map.of("groups", List.of("STUDENTS")),
                                "facilitators",
                                facilitators,
                                "startsAt",
                                startsAt.toString(),
                                "endsAt",
                                startsAt.plusHours(1).toString(),
                                "place",
                                "№12 кабинет",
                                "language",
                                "kk",
                                "openForRegistration",
                                true,
                                "modules",
                                List.of("ACTIVE_LISTENING")),
                        "Idempotency-Key",
                        "portal-attendance-" + UUID.randomUUID())
                .expect(201)
                .text("/id");
    }
}
