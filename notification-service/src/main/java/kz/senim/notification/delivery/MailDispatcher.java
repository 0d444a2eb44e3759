package kz.senim.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.senim.notification.delivery.domain.Language;
import kz.senim.notification.delivery.domain.RetrySchedule;
import kz.senim.notification.recipient.Recipient;
import kz.senim.notification.recipient.RecipientDirectory;
import kz.senim.notification.template.ComposedMessage;
import kz.senim.notification.template.MessageTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails the stored e-mails that are due. Each batch is claimed with {@code FOR UPDATE SKIP LOCKED}
 * and stays locked until its outcome commits, so two instances never mail the same row. A
 * failure schedules the next attempt with exponential back-off; after the retry window the
 * e-mail is FAILED and listed for admins. The back-off is for a message the server refuses: when the
 * server itself was unreachable, the e-mails it held back go out as soon as it answers again — after
 * any successful send, or when a probe (a connection test at most every {@code smtp-probe-interval})
 * finds it back. They are then sent as any due e-mail, batch by batch over one connection.
 */
@Component
@EnableConfigurationProperties(DeliverySettings.class)
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    static final String NOTIFICATION_HEADER = "X-Senim-Notification";

    /** Jakarta Mail's stream provider in this service's class path (Eclipse Angus, the starter's implementation). */
    static final String STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // Jakarta Mail 2.1 finds its StreamProvider anew for every message and body part it creates, with a
        // ServiceLoader scan of the whole class path unless this system property names the class; in the
        // service's nested jar that scan was 55 % of the service's CPU under the benchmark's e-mail load.
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), STREAM_PROVIDER);
        }
    }

    private final NotificationRepository notifications;
    private final RecipientDirectory directory;
    private final MessageTemplates templates;
    private final UnsubscribeLinks unsubscribe;
    private final JavaMailSender mail;
    private final TransactionTemplate transactions;
    private final DeliveryMetrics metrics;
    private final RetrySchedule retries;
    private final String from;
    private final int batchSize;
    private final Duration smtpProbeInterval;
    private final Clock clock;
    private volatile Instant lastSmtpProbe = Instant.MIN;

    MailDispatcher(
            NotificationRepository notifications,
            RecipientDirectory directory,
            MessageTemplates templates,
            UnsubscribeLinks unsubscribe,
            JavaMailSender mail,
            TransactionTemplate transactions,
            DeliveryMetrics metrics,
            DeliverySettings settings,
            Clock clock) {
        this.clock = clock;
        this.notifications = notifications;
        this.directory = directory;
        this.templates = templates;
        this.unsubscribe = unsubscribe;
        this.mail = mail;
        this.transactions = transactions;
        this.metrics = metrics;
        this.retries = new RetrySchedule(
                settings.retry().first(),
                settings.retry().longest(),
                settings.retry().giveUpAfter());
        this.from = settings.from();
        this.batchSize = settings.batchSize();
        this.smtpProbeInterval = settings.smtpProbeInterval();
    }

    @Scheduled(
            fixedDelayString = "${senim.notifications.dispatch-interval}",
            initialDelayString = "${senim.notifications.dispatch-interval}")
    void dispatchDue() {
        resumeIfSmtpAnswersAgain();
        while (Boolean.TRUE.equals(transactions.execute(status -> dispatchBatch()))) {
            // the next batch
        }
    }

    /** Mails one batch; answers whether more may be due now. */
    private boolean dispatchBatch() {
        List<StoredNotification> due = notifications.claimDueEmails(clock.instant(), batchSize);
        Map<StoredNotification, MimeMessage> outgoing = new LinkedHashMap<>();
        for (StoredNotification notification : due) {
            prepare(notification).ifPresent(message -> outgoing.put(notification, message));
        }
        if (outgoing.isEmpty()) {
            return due.size() == batchSize;
        }
        // One SMTP connection for the whole batch; the server's answer is known per message.
        Set<Object> refused = Collections.newSetFromMap(new IdentityHashMap<>());
        String reason = null;
        try {
            mail.send(outgoing.values().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            refused.addAll(e.getFailedMessages().keySet());
            reason = "smtp: " + e.getClass().getSimpleName();
        } catch (MailException e) {
            refused.addAll(outgoing.values());
            reason = "smtp: " + e.getClass().getSimpleName();
        }
        boolean anySent = false;
        for (Map.Entry<StoredNotification, MimeMessage> sent : outgoing.entrySet()) {
            if (refused.contains(sent.getValue())) {
                retryLater(sent.getKey(), reason);
            } else {
                notifications.markSent(sent.getKey().id(), clock.instant());
                metrics.sent();
                anySent = true;
            }
        }
        if (anySent) {
            // The server takes mail again: what an outage held back need not wait for its back-off.
            int resumed = notifications.resumeHeldBackBySmtp(clock.instant());
            if (resumed > 0) {
                log.info("SMTP accepts mail again: {} held-back e-mail(s) are due now", resumed);
                return true;
            }
        }
        return due.size() == batchSize;
    }

    /** With e-mails held back by an SMTP failure, tests the server now and then; once it answers, they are due. */
    private void resumeIfSmtpAnswersAgain() {
        Instant now = clock.instant();
        if (now.isBefore(lastSmtpProbe.plus(smtpProbeInterval)) || !notifications.anyHeldBackBySmtp(now)) {
            return;
        }
        lastSmtpProbe = now;
        if (!(mail instanceof JavaMailSenderImpl server)) {
            return;
        }
        try {
            server.testConnection();
        } catch (MessagingException stillDown) {
            log.debug("SMTP still unreachable: {}", stillDown.getClass().getSimpleName());
            return;
        }
        Integer resumed = transactions.execute(status -> notifications.resumeHeldBackBySmtp(clock.instant()));
        log.info("SMTP answers again: {} held-back e-mail(s) are due now", resumed);
    }

    /** The message to send, or empty when the notification was rescheduled or given up instead. */
    private Optional<MimeMessage> prepare(StoredNotification notification) {
        Optional<Recipient> recipient;
        try {
            recipient = directory.find(notification.recipientId());
        } catch (RecipientDirectory.DirectoryUnavailable e) {
            retryLater(notification, "directory-unavailable");
            return Optional.empty();
        }
        if (recipient.isEmpty()) {
            giveUp(notification, "no-address");
            return Optional.empty();
        }
        try {
            return Optional.of(message(notification, recipient.get()));
        } catch (MessagingException e) {
            retryLater(notification, "message: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private MimeMessage message(StoredNotification notification, Recipient recipient) throws MessagingException {
        boolean optional = !notification.category().essential();
        Optional<String> unsubscribeLink = optional
                ? Optional.of(unsubscribe.link(notification.recipientId(), notification.category()))
                : Optional.empty();
        // The recipient's own language where Senim writes in it, else the one the notification was planned in.
        Locale language = Language.choose(recipient.language(), Optional.of(notification.language()));
        ComposedMessage composed =
                templates.compose(notification.templateKey(), notification.parameters(), language, unsubscribeLink);
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(recipient.email());
        helper.setSubject(composed.subject());
        helper.setText(composed.text(), composed.html());
        message.setHeader(NOTIFICATION_HEADER, notification.id().toString());
        // RFC 3282: mail clients and screen readers pick the language of the text from it
        message.setContentLanguage(new String[] {language.getLanguage()});
        if (unsubscribeLink.isPresent()) {
            message.setHeader("List-Unsubscribe", "<" + unsubscribeLink.get() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    private void retryLater(StoredNotification notification, String reason) {
        Instant now = clock.instant();
        Optional<Instant> next = retries.nextAttempt(notification.attempts() + 1, notification.createdAt(), now);
        if (next.isPresent()) {
            notifications.scheduleRetry(notification.id(), next.get(), reason);
            log.info("E-mail {} not delivered ({}), next attempt at {}", notification.id(), reason, next.get());
        } else {
            giveUp(notification, reason);
        }
    }

    private void giveUp(StoredNotification notification, String reason) {
        notifications.markFailed(notification.id(), clock.instant(), reason);
        metrics.failed();
        log.warn("E-mail {} failed for good ({})", notification.id(), reason);
    }
}
