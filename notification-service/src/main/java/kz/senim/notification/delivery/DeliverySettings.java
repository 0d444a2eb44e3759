package kz.senim.notification.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How e-mails are sent ({@code senim.notifications.*}, defaults and {@code SENIM_MAIL_*} variables in
 * application.yml, see docs/operations.md).
 *
 * @param from the sender of every e-mail
 * @param batchSize how many due e-mails one transaction claims
 * @param smtpProbeInterval how often an unreachable SMTP server is tested while e-mails wait for it
 * @param retry the back-off of an e-mail the server refused
 */
@ConfigurationProperties("senim.notifications")
record DeliverySettings(String from, int batchSize, Duration smtpProbeInterval, Retry retry) {

    /**
     * @param first the wait before the second attempt
     * @param longest the longest wait between two attempts
     * @param giveUpAfter how long after the first attempt an e-mail is given up as failed
     */
    record Retry(Duration first, Duration longest, Duration giveUpAfter) {}
}
