package kz.senim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import kz.senim.local.api.Caller;
import kz.senim.local.api.SenimApi;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;

/**
 * The club in the portal, in Russian: a student of Demo School 2 applies, the school's coordinator
 * schedules the interview and accepts, and the student sees that they are a trainee. A coordinator of
 * Demo Gymnasium No. 1 rejects another application with a reason. The motivation and the reason are
 * planted strings that no other student and no coordinator of the other school ever gets in a page.
 *
 * <p>The applicant is mediator1.sch2 (a grade 9 student of Demo School 2 whom no other journey admits);
 * the rejected one is student2.gym1. An open application left by an earlier run is withdrawn first. The
 * first page of each browser asks for Russian ({@code ?lang=ru}): a person's own language would win otherwise.
 */
@Order(10)
@ResourceLock(value = Shared.SCHOOL_2_CLUB, mode = ResourceAccessMode.READ_WRITE)
class PortalClubJourney {

    private final SenimApi api = EndToEnd.api();
    private final String plantedMotivation = "ZEBRA-MOTIVE-" + UUID.randomUUID();
    private final String plantedReason = "ZEBRA-REASON-" + UUID.randomUUID();

    @Test
    void a_student_applies_is_interviewed_and_accepted_and_nobody_else_reads_what_they_wrote() {
        Browser.assumeInstalled();
        Schools.school2(api);
        Schools.gymnasium1(api);
        withdrawOpenApplications(api.as("mediator1.sch2"));
        withdrawOpenApplications(api.as("student2.gym1"));

        String accepted;
        try (Browser student = Browser.open("club", "ru");
                Browser coordinator = Browser.open("club", "ru")) {
            student.signIn("mediator1.sch2").go("/club?lang=ru").check("club-before");
            student.click(By.id("apply-link"));
            student.waitFor(By.id("apply-form"));
            student.check("apply");
            student.type("motivation", "Хочу помогать одноклассникам мириться. " + plantedMotivation);
            student.type("availability", "По средам после уроков");
            student.click(By.id("apply-submit"));
            student.waitFor(By.id("application-status"));
            assertThat(student.path()).startsWith("/club/applications/");
            accepted = student.path().substring("/club/applications/".length());
            student.check("application-submitted");
            assertThat(student.text()).contains(plantedMotivation);

            coordinator.signIn("coordinator.sch2").go("/club/applications?status=SUBMITTED&lang=ru");
            coordinator.check("applications");
            coordinator.click(By.id("application-" + accepted));
            coordinator.waitFor(By.id("interview-form"));
            coordinator.check("application-coordinator");
            coordinator.setValue("at", java.time.LocalDate.now().plusDays(2) + "T15:30");
            coordinator.type("place", "Кабинет 204");
            coordinator.click(By.id("interview-submit"));
            coordinator.waitFor(By.id("interview-text"));
            coordinator.check("interview-scheduled");
            assertThat(api.as("mediator1.sch2")
                            .get("/api/membership/applications/" + accepted)
                            .expect(200)
                            .text("/status"))
                    .isEqualTo("INTERVIEW_SCHEDULED");

            student.go("/club").check("club-interview");
            assertThat(student.find(By.id("application-status")).getText()).isEqualTo("назначено собеседование");

            coordinator.submit(By.id("accept")).waitUntilGone(By.id("accept"));
            coordinator.check("accepted");
            assertThat(coordinator.find(By.id("application-status")).getText()).isEqualTo("принята");

            student.go("/club").check("club-trainee");
            assertThat(student.find(By.id("membership-status")).getText()).contains("стажёр");
            assertThat(student.has(By.id("apply-link"))).isFalse();

            coordinator.go("/club/members");
            coordinator.waitFor(By.id("member-" + api.as("mediator1.sch2").userId()));
            coordinator.check("members");
            coordinatorImportsABadFileAndSeesEveryRowsProblem(coordinator);
            coordinator.go("/club/profile");
            coordinator.waitFor(By.id("profile-form"));
            coordinator.check("profile");
            coordinator.click(By.id("profile-submit"));
            coordinator.waitFor(By.cssSelector(".notice"));
            coordinator.check("profile-saved");
        }

        String rejected;
        try (Browser coordinator = Browser.open("club", "ru")) {
            rejected = Club.apply(api.as("student2.gym1"));
            coordinator.signIn("coordinator.gym1").go("/club/applications/" + rejected + "?lang=ru");
            coordinator.waitFor(By.id("reject-form"));
            coordinator.type("reason", "Набор в этом году закрыт. " + plantedReason);
            coordinator.click(By.id("reject"));
            coordinator.waitFor(By.id("decision-reason"));
            coordinator.check("rejected");
            assertThat(coordinator.find(By.id("application-status")).getText()).isEqualTo("отклонена");

            // The other school's application is not there for this coordinator.
            coordinator.go("/club/applications/" + accepted);
            assertThat(coordinator.source()).doesNotContain(plantedMotivation);
            assertThat(coordinator.has(By.id("application-status"))).isFalse();
            coordinator.check("other-school-not-found");
        }

        try (Browser applicant = Browser.open("club", "ru")) {
            applicant.signIn("student2.gym1").go("/club/applications/" + rejected + "?lang=ru");
            assertThat(applicant.find(By.id("decision-reason")).getText()).contains(plantedReason);
            applicant.check("rejected-seen-by-applicant");
        }

        try (Browser schoolmate = Browser.open("club", "ru")) {
            schoolmate.signIn("student1.gym1").go("/club/applications/" + rejected + "?lang=ru");
            assertThat(schoolmate.source()).doesNotContain(plantedReason);
            assertThat(schoolmate.has(By.id("application-status"))).isFalse();
            schoolmate.check("schoolmate-not-found");
            schoolmate.go("/club");
            assertThat(schoolmate.source()).doesNotContain(plantedReason).doesNotContain(plantedMotivation);
        }

        try (Browser otherCoordinator = Browser.open("club", "ru")) {
            otherCoordinator.signIn("coordinator.sch2").go("/club/applications/" + rejected + "?lang=ru");
            assertThat(otherCoordinator.source()).doesNotContain(plantedReason);
            assertThat(otherCoordinator.has(By.id("application-status"))).isFalse();
            otherCoordinator.go("/club/applications");
            assertThat(otherCoordinator.source()).doesNotContain(rejected);
        }
    }

    /** Nothing is imported from a file with a wrong row, and the row's problem is listed by its place. */
    private static void coordinatorImportsABadFileAndSeesEveryRowsProblem(Browser coordinator) {
        coordinator.go("/club/people");
        coordinator.waitFor(By.id("import-form"));
        coordinator.check("people");
        try {
            Path csv = Files.createTempFile("people-", ".csv");
            Files.writeString(
                    csv,
                    "userId,role,grade,classLetter,guardianOf,language,givenName,familyName\n" + "portal-import-"
                            + UUID.randomUUID() + ",student,14,А,,ru,Тест,Тестов\n");
            coordinator
                    .driver()
                    .findElement(By.id("file"))
                    .sendKeys(csv.toAbsolutePath().toString());
            coordinator.click(By.id("import-submit"));
            coordinator.waitFor(By.id("import-errors"));
            assertThat(coordinator.find(By.id("import-errors")).getText()).contains("rows[");
            coordinator.check("people-import-refused");
            Files.deleteIfExists(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void withdrawOpenApplications(Caller student) {
        for (var application : student.get("/api/membership/applications?size=100")
                .expect(200)
                .json()
                .get("content")) {
            String status = application.get("status").asString();
            if (status.equals("SUBMITTED") || status.equals("INTERVIEW_SCHEDULED") || status.equals("WAITLISTED")) {
                student.post(
                                "/api/membership/applications/"
                                        + application.get("id").asString() + "/withdrawal",
                                Map.of())
                        .expect(200);
            }
        }
    }
}
