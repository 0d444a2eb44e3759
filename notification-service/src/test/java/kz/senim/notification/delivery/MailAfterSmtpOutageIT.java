package kz.senim.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.notification.Mailbox;
import kz.senim.notification.TestRecipients;
import kz.senim.notification.delivery.domain.Category;
import kz.senim.test.ClosedPorts;
import kz.senim.test.Infrastructure;
import kz.senim.test.SenimIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Mail held back while the SMTP server was unreachable goes out once it answers again, not when the
 * back-off of each e-mail runs out: here the first retry would come after 30 minutes, so only the probe
 * of the server can have sent them.
 */
@SenimIntegrationTest(
        properties = {
            "senim.notifications.retry.first=PT30M",
            "senim.notifications.retry.longest=PT1H",
            "senim.notifications.smtp-probe-interval=PT1S"
        })
@Import(TestRecipients.class)
class MailAfterSmtpOutageIT {

    @Autowired
    Notifier notifier;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JavaMailSenderImpl smtp;

    @AfterEach
    void smtpIsUp() {
        smtp.setHost(Infrastructure.smtp().host());
        smtp.setPort(Infrastructure.smtp().port());
    }

    @Test
    void mail_held_back_by_an_smtp_outage_goes_out_when_the_server_answers_again() throws Exception {
        smtp.setPort(ClosedPorts.reserve());
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String user = "outage-" + UUID.randomUUID();
            users.add(user);
            notifier.notify(
                    UUID.randomUUID(),
                    "school-outage",
                    List.of(user),
                    Category.CASE_WORK,
                    "request-submitted",
                    Map.of("caseId", UUID.randomUUID().toString()));
        }
        // Each refused once and held back for its first retry, 30 minutes away.
        await().until(() -> heldBack(users) == users.size());

        smtpIsUp();

        for (String user : users) {
            assertThat(Mailbox.awaitOne(TestRecipients.address(user))).isNotNull();
        }
        assertThat(heldBack(users)).isZero();
    }

    private long heldBack(List<String> users) {
        return jdbc.sql("""
                        select count(*) from notification
                        where channel = 'EMAIL' and status = 'PENDING' and attempts > 0 and recipient_id in (:users)
                        """).param("users", users).query(Long.class).single();
    }
}
