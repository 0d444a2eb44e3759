package kz.senim.membership.mediatorrole;

import kz.senim.membership.keycloak.KeycloakUsers;
import kz.senim.membership.members.Members;
import kz.senim.membership.members.MembershipChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The {@code mediator} realm role in Keycloak follows club membership. It runs after the membership
 * change has committed, from the outbox: Spring Modulith records a publication for this listener in
 * the same transaction, and one that fails (Keycloak down) stays incomplete and is resubmitted until
 * Keycloak answers. It does not trust the order of events: it looks up whether the person is an
 * active member now and makes the role say so.
 */
@Component
@ConditionalOnProperty(name = "senim.membership.mediator-role-sync", havingValue = "true", matchIfMissing = true)
class MediatorRoleFollowsMembership {

    static final String ROLE = "mediator";
    private static final Logger log = LoggerFactory.getLogger(MediatorRoleFollowsMembership.class);

    private final Members members;
    private final KeycloakUsers users;

    MediatorRoleFollowsMembership(Members members, KeycloakUsers users) {
        this.members = members;
        this.users = users;
    }

    @Async
    @TransactionalEventListener
    void on(MembershipChanged change) {
        boolean member = members.isActiveMember(change.schoolId(), change.userId());
        boolean known =
                member ? users.grantRealmRole(change.userId(), ROLE) : users.revokeRealmRole(change.userId(), ROLE);
        if (!known) {
            // Retrying cannot help: the account does not exist (any more).
            log.warn("Keycloak has no user {}; the mediator role was not changed", change.userId());
        }
    }
}
