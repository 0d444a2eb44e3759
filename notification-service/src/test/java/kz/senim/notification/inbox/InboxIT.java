package kz.senim.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.notification.TestRecipients;
import kz.senim.notification.delivery.Notifier;
import kz.senim.notification.delivery.domain.Category;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** Each user's in-app inbox: unread first, paginated, marked read one by one or all at once. */
@SenimIntegrationTest
@Import(TestRecipients.class)
class InboxIT {

    @Autowired
    Notifier notifier;

    @LocalServerPort
    int port;

    ServiceApi api;
    String user;
    String bearer;

    @BeforeEach
    void aUserWithThreeNotifications() {
        api = ServiceApi.at(port);
        user = "inbox-" + UUID.randomUUID();
        bearer = TestJwts.user(user)
                .roles("coordinator")
                .school("inbox-school")
                .locale("ru")
                .bearer();
        for (String template : List.of("request-submitted", "application-submitted", "follow-up-due")) {
            notifier.notify(
                    UUID.randomUUID(),
                    "inbox-school",
                    List.of(user),
                    Category.CASE_WORK,
                    template,
                    Map.of("caseId", "c-" + template, "applicationId", "a-1"));
        }
    }

    @Test
    void the_inbox_lists_the_callers_notifications_in_the_callers_language_with_links() {
        JsonNode page = api.get("/api/notifications").auth(bearer).send().json();

        assertThat(page.get("totalElements").asInt()).isEqualTo(3);
        assertThat(page.get("content").findValuesAsString("subject"))
                .containsExactly(
                        "Пора провести контрольную встречу",
                        "Новая заявка в клуб",
                        "Новое обращение требует вашего внимания");
        assertThat(page.get("content").get(2).get("link").asString())
                .isEqualTo("https://portal.senim.test/cases/c-request-submitted");
        assertThat(page.get("content").findValuesAsString("read")).containsOnly("false");
    }

    @Test
    void unread_come_first_and_marking_read_lowers_the_unread_count() {
        assertThat(unread()).isEqualTo(3);
        JsonNode newest =
                api.get("/api/notifications?size=1").auth(bearer).send().json();
        assertThat(newest.get("totalPages").asInt()).isEqualTo(3);
        String id = newest.get("content").get(0).get("id").asString();

        assertThat(api.post("/api/notifications/" + id + "/read")
                        .auth(bearer)
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(api.post("/api/notifications/" + id + "/read")
                        .auth(bearer)
                        .send()
                        .status())
                .isEqualTo(204);

        assertThat(unread()).isEqualTo(2);
        JsonNode all = api.get("/api/notifications").auth(bearer).send().json();
        assertThat(all.get("content").get(2).get("id").asString()).isEqualTo(id);
        assertThat(all.get("content").get(2).get("read").asBoolean()).isTrue();
    }

    @Test
    void mark_all_read_marks_every_unread_one() {
        JsonNode marked =
                api.post("/api/notifications/read-all").auth(bearer).send().json();

        assertThat(marked.get("marked").asInt()).isEqualTo(3);
        assertThat(unread()).isZero();
    }

    @Test
    void another_users_notification_is_not_found_and_their_inbox_stays_apart() {
        String id = api.get("/api/notifications")
                .auth(bearer)
                .send()
                .json()
                .get("content")
                .get(0)
                .get("id")
                .asString();
        String other = TestJwts.user("other-" + UUID.randomUUID())
                .roles("student")
                .school("inbox-school")
                .bearer();

        api.post("/api/notifications/" + id + "/read").auth(other).send().problem(404);
        assertThat(api.get("/api/notifications")
                        .auth(other)
                        .send()
                        .json()
                        .get("totalElements")
                        .asInt())
                .isZero();
        assertThat(unread()).isEqualTo(3);
    }

    @Test
    void bad_page_parameters_answer_400_with_every_field_error() {
        JsonNode problem = api.get("/api/notifications?page=-1&size=500")
                .auth(bearer)
                .send()
                .problem(400);

        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("page", "size");
        api.post("/api/notifications/not-a-uuid/read").auth(bearer).send().problem(400);
    }

    private int unread() {
        return api.get("/api/notifications/unread-count")
                .auth(bearer)
                .send()
                .json()
                .get("unread")
                .asInt();
    }
}
