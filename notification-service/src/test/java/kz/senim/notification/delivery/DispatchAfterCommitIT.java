package kz.senim.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.notification.Mailbox;
import kz.senim.notification.TestRecipients;
import kz.senim.notification.delivery.domain.Category;
import kz.senim.test.SenimIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

/** An e-mail goes out when the transaction that stored it commits, not at the next scheduled dispatch. */
@SenimIntegrationTest(properties = "senim.notifications.dispatch-interval=PT1H")
@Import(TestRecipients.class)
class DispatchAfterCommitIT {

    @Autowired
    Notifier notifier;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void a_stored_email_is_mailed_right_after_its_transaction_commits() {
        String user = "wake-" + UUID.randomUUID();
        Instant stored = Instant.now();

        transactions.executeWithoutResult(status -> notify(user));

        // The scheduled dispatch would first run in an hour: only the wake-up after commit can send it.
        Mailbox.awaitOne(TestRecipients.address(user));
        assertThat(Duration.between(stored, Instant.now())).isLessThan(Duration.ofMinutes(5));
    }

    @Test
    void a_rolled_back_transaction_mails_nothing() {
        String user = "rolled-back-" + UUID.randomUUID();
        String committed = "committed-" + UUID.randomUUID();

        transactions.executeWithoutResult(status -> {
            notify(user);
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> notify(committed));

        Mailbox.awaitOne(TestRecipients.address(committed));
        assertThat(Mailbox.to(TestRecipients.address(user))).isEmpty();
    }

    private void notify(String user) {
        notifier.notify(
                UUID.randomUUID(),
                "school-wake-up",
                List.of(user),
                Category.CASE_WORK,
                "request-submitted",
                Map.of("caseId", UUID.randomUUID().toString()));
    }
}
