package kz.senim.membership.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import kz.senim.membership.accounts.AccountRepository.Account;
import kz.senim.membership.accounts.domain.AccountStatus;
import kz.senim.membership.keycloak.KeycloakUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mail invitations (issue 13): Keycloak's {@code execute-actions-email} asks the person to choose a password
 * and confirm their address, in their {@code locale}, through the realm's SMTP server — which this service points
 * at the platform's own at startup and before its first invitation. Senim asks for an invitation in a
 * transaction ({@link InvitationDue} in the outbox) and sends it afterwards, so an import or a re-send answers
 * 2xx even while Keycloak or SMTP is down; a failed sending is resubmitted. At most {@value #SENDING_AT_ONCE} are
 * sent at a time by an instance (decision 143). The link is made, sent and checked
 * by Keycloak alone: it is never in Senim's answers, logs, events or tables.
 */
@Component
@EnableConfigurationProperties(InvitationSettings.class)
class Invitations {

    private static final Logger log = LoggerFactory.getLogger(Invitations.class);
    static final int SENDING_AT_ONCE = 2;

    private final AccountRepository accounts;
    private final KeycloakUsers keycloak;
    private final InvitationSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AtomicBoolean realmMailSet = new AtomicBoolean();
    /** Invitations sent at the same time by this instance. */
    private final java.util.concurrent.Semaphore sending = new java.util.concurrent.Semaphore(SENDING_AT_ONCE);

    Invitations(
            AccountRepository accounts,
            KeycloakUsers keycloak,
            InvitationSettings settings,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            Clock clock) {
        this.accounts = accounts;
        this.keycloak = keycloak;
        this.settings = settings;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Asks for the account's invitation; it is e-mailed once this commits. */
    void request(String userId) {
        transaction.executeWithoutResult(status -> events.publishEvent(new InvitationDue(userId)));
    }

    @Async
    @TransactionalEventListener
    void on(InvitationDue due) {
        // An import's chunk commits up to 25 accounts at once, and each listener runs on a thread of its own: without
        // a bound, a few hundred invitations would ask Keycloak at the same moment (each renders and sends an e-mail)
        // and starve the import's own calls into their timeouts.
        sending.acquireUninterruptibly();
        try {
            send(due);
        } finally {
            sending.release();
        }
    }

    private void send(InvitationDue due) {
        Account account = accounts.byUser(due.userId()).orElse(null);
        if (account == null || !account.status().equals("ACTIVE") || !account.hasEmail()) {
            return; // disabled (or left) meanwhile, or no address: nothing to send
        }
        KeycloakUsers.User user = keycloak.byId(account.userId()).orElse(null);
        if (user == null || !user.enabled()) {
            return;
        }
        List<String> actions = new ArrayList<>();
        for (String action : List.of(KeycloakUsers.UPDATE_PASSWORD, KeycloakUsers.VERIFY_EMAIL)) {
            if (user.requiredActions().contains(action)) {
                actions.add(action);
            }
        }
        if (actions.isEmpty()) {
            if (keycloak.hasPassword(account.userId())) {
                return; // done already: the person signs in (or uses "forgot password" on the sign-in page)
            }
            actions.addAll(List.of(KeycloakUsers.UPDATE_PASSWORD, KeycloakUsers.VERIFY_EMAIL));
        }
        useThePlatformsSmtp();
        Instant at = clock.instant();
        if (keycloak.sendActionsEmail(
                account.userId(), actions, settings.lifespan(), settings.clientId(), settings.redirectUri())) {
            accounts.invited(account.userId(), at, at.plus(settings.lifespan()));
        }
    }

    /** Whether the account's first sign-in is still to come, for a re-send (409 when it is done). */
    static boolean stillToCome(AccountStatus status) {
        return status == AccountStatus.INVITED || status == AccountStatus.NEVER_SIGNED_IN;
    }

    /**
     * Points the realm's SMTP server at the platform's at startup, so Keycloak's own e-mails (a forgotten
     * password) go the same way as the invitations. Keycloak may still be starting: then the first invitation
     * does it.
     */
    @Async
    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        try {
            useThePlatformsSmtp();
        } catch (RuntimeException e) {
            log.warn("Could not set the realm's SMTP server yet (done before the first invitation): {}", e.toString());
        }
    }

    private void useThePlatformsSmtp() {
        if (!realmMailSet.get()) {
            keycloak.useSmtpServer(settings.smtpServer());
            realmMailSet.set(true);
            log.info("The realm's SMTP server is {}:{}", settings.smtpHost(), settings.smtpPort());
        }
    }
}
