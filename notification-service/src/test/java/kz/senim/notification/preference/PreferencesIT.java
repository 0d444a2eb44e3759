package kz.senim.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.notification.Mailbox;
import kz.senim.notification.TestRecipients;
import kz.senim.notification.delivery.NotificationRepository;
import kz.senim.notification.delivery.Notifier;
import kz.senim.notification.delivery.StoredNotification;
import kz.senim.notification.delivery.domain.Category;
import kz.senim.notification.delivery.domain.Channel;
import kz.senim.notification.template.PortalSettings;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** Per-category e-mail choices; essential mail cannot be switched off; one-click unsubscribe works. */
@SenimIntegrationTest
@Import(TestRecipients.class)
class PreferencesIT {

    @Autowired
    Notifier notifier;

    @Autowired
    NotificationRepository notifications;

    @LocalServerPort
    int port;

    ServiceApi api;
    String user;
    String bearer;

    @BeforeEach
    void aUser() {
        api = ServiceApi.at(port);
        user = "prefs-" + UUID.randomUUID();
        bearer = TestJwts.user(user).roles("student").school("prefs-school").bearer();
    }

    @Test
    void every_category_is_mailed_until_switched_off_and_essential_ones_say_so() {
        JsonNode categories = api.get("/api/notifications/preferences")
                .auth(bearer)
                .send()
                .json()
                .get("categories");

        assertThat(categories.findValuesAsString("email")).containsOnly("true");
        assertThat(categoryNode(categories, "CASE_WORK").get("essential").asBoolean())
                .isTrue();
        assertThat(categoryNode(categories, "ACTIVITIES").get("essential").asBoolean())
                .isFalse();
    }

    @Test
    void a_switched_off_category_still_reaches_the_inbox_but_sends_no_email() {
        JsonNode changed = api.request(org.springframework.http.HttpMethod.PUT, "/api/notifications/preferences")
                .auth(bearer)
                .json("{\"email\":{\"ACTIVITIES\":false}}")
                .send()
                .json();
        assertThat(categoryNode(changed.get("categories"), "ACTIVITIES")
                        .get("email")
                        .asBoolean())
                .isFalse();

        UUID event = UUID.randomUUID();
        notifier.notify(
                event,
                "prefs-school",
                List.of(user),
                Category.ACTIVITIES,
                "activity-scheduled",
                Map.of("activityId", UUID.randomUUID().toString()));

        assertThat(notifications.forEvent(event))
                .extracting(StoredNotification::channel)
                .containsExactly(Channel.IN_APP);
    }

    @Test
    void a_change_based_on_a_stale_version_answers_412() {
        String version = api.get("/api/notifications/preferences")
                .auth(bearer)
                .send()
                .headers()
                .getETag();
        assertThat(version).isNotBlank();
        ServiceApi.Answer first = api.request(org.springframework.http.HttpMethod.PUT, "/api/notifications/preferences")
                .auth(bearer)
                .header("If-Match", version)
                .json("{\"email\":{\"REMINDERS\":false}}")
                .send();
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers().getETag()).isNotEqualTo(version);

        api.request(org.springframework.http.HttpMethod.PUT, "/api/notifications/preferences")
                .auth(bearer)
                .header("If-Match", version)
                .json("{\"email\":{\"REMINDERS\":true}}")
                .send()
                .problem(412);
    }

    @Test
    void essential_or_unknown_categories_cannot_be_switched_off_and_every_field_error_is_named() {
        JsonNode problem = api.request(org.springframework.http.HttpMethod.PUT, "/api/notifications/preferences")
                .auth(bearer)
                .json("{\"email\":{\"CASE_WORK\":false,\"GOSSIP\":false}}")
                .send()
                .problem(400);

        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("email.CASE_WORK", "email.GOSSIP");
        assertThat(problem.get("errors").findValuesAsString("code"))
                .containsExactlyInAnyOrder("category.essential", "category.unknown");
    }

    @Test
    void the_one_click_unsubscribe_link_of_a_mail_switches_its_category_off() {
        notifier.notify(
                UUID.randomUUID(),
                "prefs-school",
                List.of(user),
                Category.QUALIFICATIONS,
                "trainee-qualified",
                Map.of());
        String header = Mailbox.header(Mailbox.awaitOne(TestRecipients.address(user)), "List-Unsubscribe");
        URI link = URI.create(header.substring(1, header.length() - 1));
        assertThat(link.toString()).startsWith("https://portal.senim.test/api/notifications/unsubscribe?token=");

        // A reader who clicks the link gets a confirmation page that changes nothing by itself.
        ServiceApi.Answer page =
                api.get(link.getPath() + "?" + link.getRawQuery()).send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"", "Confirm");
        assertThat(categoryNode(
                                api.get("/api/notifications/preferences")
                                        .auth(bearer)
                                        .send()
                                        .json()
                                        .get("categories"),
                                "QUALIFICATIONS")
                        .get("email")
                        .asBoolean())
                .isTrue();

        // What a mail client does with List-Unsubscribe-Post, here straight to the service.
        int status = api.post(link.getPath() + "?" + link.getRawQuery()).send().status();

        assertThat(status).isEqualTo(204);
        JsonNode categories = api.get("/api/notifications/preferences")
                .auth(bearer)
                .send()
                .json()
                .get("categories");
        assertThat(categoryNode(categories, "QUALIFICATIONS").get("email").asBoolean())
                .isFalse();
    }

    @Test
    void an_unsubscribe_token_for_an_essential_category_does_nothing() {
        UnsubscribeTokens tokens = new UnsubscribeTokens(
                new UnsubscribeSettings("senim-unsubscribe-dev-secret"),
                new PortalSettings("https://portal.senim.test"));

        api.post("/api/notifications/unsubscribe?token=" + tokens.token(user, Category.CASE_WORK))
                .send()
                .problem(404);
    }

    private static JsonNode categoryNode(JsonNode categories, String name) {
        for (JsonNode category : categories) {
            if (category.get("category").asString().equals(name)) {
                return category;
            }
        }
        throw new AssertionError("no category " + name);
    }
}
