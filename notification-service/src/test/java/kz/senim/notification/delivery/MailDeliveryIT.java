package kz.senim.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kz.senim.notification.Mailbox;
import kz.senim.notification.TestRecipients;
import kz.senim.notification.delivery.domain.Category;
import kz.senim.notification.delivery.domain.Channel;
import kz.senim.test.ClosedPorts;
import kz.senim.test.Infrastructure;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Stored first, mailed by the dispatcher, retried while SMTP is down, and never mailed twice. */
@SenimIntegrationTest
@Import(TestRecipients.class)
class MailDeliveryIT {

    @Autowired
    Notifier notifier;

    @Autowired
    NotificationRepository notifications;

    @Autowired
    JavaMailSenderImpl smtp;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @BeforeEach
    @AfterEach
    void smtpIsUp() {
        smtp.setHost(Infrastructure.smtp().host());
        smtp.setPort(Infrastructure.smtp().port());
    }

    @Test
    void while_smtp_is_down_mail_accumulates_and_afterwards_every_mail_arrives_exactly_once() throws Exception {
        double sentBefore = counter("senim.notifications.sent");
        smtp.setPort(ClosedPorts.reserve());
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String user = "down-" + UUID.randomUUID();
            users.add(user);
            notifier.notify(
                    UUID.randomUUID(),
                    "school-down",
                    List.of(user),
                    Category.CASE_WORK,
                    "request-submitted",
                    Map.of("caseId", UUID.randomUUID().toString()));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> notifications.retryQueueSize() >= users.size());
        assertThat(meters.get("senim.notifications.retry.queue").gauge().value())
                .isGreaterThanOrEqualTo(users.size());
        // Several more attempts, all refused: nothing may arrive meanwhile.
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> users.forEach(user ->
                        assertThat(Mailbox.to(TestRecipients.address(user))).isEmpty()));

        smtpIsUp();

        for (String user : users) {
            Mailbox.awaitOne(TestRecipients.address(user));
        }
        // Long enough for a duplicate to show up, if there were one.
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(60))
                .until(() -> users.stream()
                        .allMatch(
                                user -> Mailbox.to(TestRecipients.address(user)).size() == 1));
        for (String user : users) {
            List<MimeMessage> received = Mailbox.to(TestRecipients.address(user));
            assertThat(received).hasSize(1);
            assertThat(Mailbox.header(received.getFirst(), "X-Senim-Notification"))
                    .isNotBlank();
        }
        assertThat(jdbc.sql("""
                        select count(*) from notification
                        where school_id = 'school-down' and channel = 'EMAIL' and status = 'SENT' and attempts > 1
                        """).query(Long.class).single()).isEqualTo(users.size());
        assertThat(counter("senim.notifications.sent") - sentBefore).isGreaterThanOrEqualTo(users.size());
    }

    @Test
    void a_notification_is_stored_before_it_is_sent() throws Exception {
        smtp.setPort(ClosedPorts.reserve());
        UUID event = UUID.randomUUID();
        String user = "stored-" + UUID.randomUUID();

        notifier.notify(
                event,
                "school-stored",
                List.of(user),
                Category.CASE_WORK,
                "mediator-assigned",
                Map.of("caseId", UUID.randomUUID().toString()));

        List<StoredNotification> stored = notifications.forEvent(event);
        assertThat(stored).extracting(StoredNotification::channel).containsExactly(Channel.EMAIL, Channel.IN_APP);
        assertThat(stored).allSatisfy(n -> assertThat(n.recipientId()).isEqualTo(user));
        assertThat(stored.getFirst().status()).isEqualTo("PENDING");
        assertThat(Mailbox.to(TestRecipients.address(user))).isEmpty();
    }

    @Test
    void storing_the_same_event_for_the_same_recipient_twice_keeps_one_notification_per_channel() {
        UUID event = UUID.randomUUID();
        String user = "twice-" + UUID.randomUUID();
        Map<String, String> ids = Map.of("caseId", UUID.randomUUID().toString());

        int first =
                notifier.notify(event, "school-twice", List.of(user, user), Category.CASE_WORK, "follow-up-due", ids);
        int again = notifier.notify(event, "school-twice", List.of(user), Category.CASE_WORK, "follow-up-due", ids);

        assertThat(first).isEqualTo(2);
        assertThat(again).isZero();
        assertThat(Mailbox.awaitCount(TestRecipients.address(user), 1)).hasSize(1);
    }

    @Test
    void mail_that_cannot_be_delivered_within_the_retry_window_fails_and_is_listed_for_the_admins_of_its_school()
            throws Exception {
        double failedBefore = counter("senim.notifications.failed");
        smtp.setPort(ClosedPorts.reserve());
        String school = "school-" + UUID.randomUUID().toString().substring(0, 8);
        UUID event = UUID.randomUUID();
        // Created 25 hours ago: the retry window is over at the next attempt.
        jdbc.sql("""
                        insert into notification (id, source_event_id, recipient_id, school_id, channel, category,
                            template_key, parameters, language, essential, status, next_attempt_at, created_at)
                        values (:id, :event, 'late-user', :school, 'EMAIL', 'CASE_WORK', 'request-submitted',
                            '{"caseId":"c-1"}', 'kk', true, 'PENDING', now(), now() - interval '25 hours')
                        """)
                .param("id", UUID.randomUUID())
                .param("event", event)
                .param("school", school)
                .update();
        notifier.notify(
                UUID.randomUUID(),
                school,
                List.of("nomail-" + UUID.randomUUID()),
                Category.CASE_WORK,
                "request-submitted",
                Map.of("caseId", "c-2"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> notifications.countFailed(java.util.Optional.of(school)) == 2);
        assertThat(counter("senim.notifications.failed") - failedBefore).isGreaterThanOrEqualTo(2);

        ServiceApi api = ServiceApi.at(port);
        JsonNode own = api.get("/api/notifications/failed-deliveries?size=10")
                .auth(TestJwts.user().roles("admin").school(school).bearer())
                .send()
                .json();
        assertThat(own.get("totalElements").asInt()).isEqualTo(2);
        assertThat(own.get("content").findValuesAsString("lastError")).contains("no-address");
        assertThat(own.get("content").findValuesAsString("sourceEventId")).contains(event.toString());

        JsonNode other = api.get("/api/notifications/failed-deliveries")
                .auth(TestJwts.user().roles("admin").school("another-school").bearer())
                .send()
                .json();
        assertThat(other.get("content").findValuesAsString("schoolId")).doesNotContain(school);

        JsonNode district = api.get("/api/notifications/failed-deliveries?size=100")
                .auth(TestJwts.user().roles("admin").bearer())
                .send()
                .json();
        assertThat(district.get("content").findValuesAsString("schoolId")).contains(school);

        api.get("/api/notifications/failed-deliveries?size=0&page=-1")
                .auth(TestJwts.user().roles("admin").bearer())
                .send()
                .problem(400);
    }

    @Test
    void two_instances_claiming_at_once_never_claim_the_same_mail() throws Exception {
        smtp.setPort(ClosedPorts.reserve());
        String school = "school-claims";
        for (int i = 0; i < 10; i++) {
            jdbc.sql("""
                            insert into notification (id, source_event_id, recipient_id, school_id, channel, category,
                                template_key, parameters, language, essential, status, next_attempt_at, created_at)
                            values (:id, :event, 'claim-user', :school, 'EMAIL', 'CASE_WORK', 'request-submitted',
                                '{}', 'kk', true, 'PENDING', now() - interval '1 hour', now())
                            """)
                    .param("id", UUID.randomUUID())
                    .param("event", UUID.randomUUID())
                    .param("school", school)
                    .update();
        }
        // Far enough ahead that rows the running dispatcher pushed back are still due for these claims.
        Instant now = Instant.now().plus(Duration.ofDays(2));
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CompletableFuture<List<UUID>> first = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            List<UUID> claimed = ids(notifications.claimDueEmails(now, 6));
            firstHolds.countDown();
            awaitLatch(secondDone);
            return claimed;
        }));
        awaitLatch(firstHolds);
        List<UUID> second = new ArrayList<>();
        // The running dispatcher may hold the other rows for a moment: ask again until some are free.
        try {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() ->
                            second.addAll(transactions.execute(status -> ids(notifications.claimDueEmails(now, 100)))));
        } finally {
            secondDone.countDown();
        }

        List<UUID> firstClaimed = first.get(10, TimeUnit.SECONDS);
        assertThat(firstClaimed).isNotEmpty().doesNotContainAnyElementsOf(second);
        assertThat(second).isNotEmpty();
    }

    private static List<UUID> ids(List<StoredNotification> claimed) {
        return claimed.stream().map(StoredNotification::id).toList();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private double counter(String name) {
        return meters.get(name).counter().count();
    }
}
