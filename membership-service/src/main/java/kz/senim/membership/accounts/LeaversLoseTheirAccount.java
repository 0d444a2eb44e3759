package kz.senim.membership.accounts;

import kz.senim.membership.keycloak.KeycloakUsers;
import kz.senim.membership.people.People;
import kz.senim.membership.people.PersonRemoved;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A person who leaves the school's directory has the account Senim made for them disabled and every session
 * ended, right after the removal commits. Like the mediator role, it runs from the outbox: a publication that
 * fails (Keycloak down) stays incomplete and is resubmitted until Keycloak answers. The account is disabled,
 * not deleted, so audit trails keep a readable user. Accounts Senim did not make (the realm file's, hand-made
 * ones) are left to whoever made them.
 */
@Component
class LeaversLoseTheirAccount {

    private final AccountRepository accounts;
    private final KeycloakUsers keycloak;
    private final People people;

    LeaversLoseTheirAccount(AccountRepository accounts, KeycloakUsers keycloak, People people) {
        this.accounts = accounts;
        this.keycloak = keycloak;
        this.people = people;
    }

    @Async
    @TransactionalEventListener
    void on(PersonRemoved removed) {
        accounts.byUser(removed.userId())
                .filter(account -> account.schoolId().equals(removed.schoolId()))
                // Imported again meanwhile (came back): the account stays as the import left it.
                .filter(account ->
                        people.entryOf(account.schoolId(), account.userId()).isEmpty())
                .ifPresent(account -> {
                    keycloak.enable(account.userId(), false);
                    keycloak.endSessions(account.userId());
                    accounts.status(account.userId(), "DISABLED");
                });
    }
}
