package kz.senim.membership.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.senim.membership.accounts.domain.Usernames;
import kz.senim.membership.keycloak.KeycloakUsers;
import kz.senim.membership.people.domain.DirectoryFile;
import kz.senim.membership.people.domain.PersonRole;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.security.Role;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.keycloak.SenimKeycloak;
import kz.senim.test.keycloak.WithKeycloak;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An import survives its service: one cut short in the middle (its worker gone after Keycloak made an account and
 * before Senim linked it) is taken over and finished without a second account. This context has no worker of its
 * own; the test runs one (another test context's worker may come first: the outcome must be the same).
 */
@SenimIntegrationTest(properties = {"senim.membership.mediator-role-sync=false", "senim.accounts.import-worker=false"})
@WithKeycloak
class AccountImportResumeIT {

    static final String GYM = "demo-gymnasium-1";

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("senim.keycloak.url", () -> SenimKeycloak.get().baseUrl());
    }

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    AccountImportRepository imports;

    @Autowired
    AccountRepository accountRows;

    @Autowired
    KeycloakUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void an_import_cut_short_is_taken_over_and_finished_without_a_second_account() {
        SenimKeycloak keycloak = SenimKeycloak.get();
        String token = "Bearer " + keycloak.passwordToken("district-admin", SenimKeycloak.DEMO_PASSWORD);
        ServiceApi.at(port)
                .post("/api/schools")
                .auth(token)
                .json("""
                        {"id":"%s","names":{"kk":"Мектеп","ru":"Школа","en":"School"},"city":"Almaty","region":"Almaty"}
                        """.formatted(GYM))
                .send();
        String run = Long.toString(System.nanoTime(), 36);
        String family = "Resumova" + run.replaceAll("[0-9]", "");
        String file = "externalId,role,grade,classLetter,guardianOf,language,givenName,familyName\n"
                + "r1-%1$s,student,3,А,,kk,Aru,%2$s\n"
                + "r2-%1$s,student,4,Б,,ru,Dana,%2$s\n"
                + "r3-%1$s,parent,,,r1-%1$s;r2-%1$s,ru,Saule,%2$s\n";

        // A worker took the import, reserved the first pupil's username, got the Keycloak user made — and was gone
        // (ten minutes without a word). Written in that order so that no worker of another test context can take
        // the import over before the state is complete.
        Instant now = clock.instant();
        String username = Usernames.candidate(Usernames.base("Aru", family), 1);
        assertThat(accountRows.reserve(GYM, "r1-" + run, username, PersonRole.STUDENT, false, now))
                .isTrue();
        String madeBeforeTheCrash = users.create(new KeycloakUsers.NewUser(username, "Aru", family, null, GYM, "kk"))
                .orElseThrow();
        List<List<String>> lines = DirectoryFile.parse(file.formatted(run, family));
        CurrentUser admin =
                new CurrentUser("admin-of-gym", Set.of(Role.ADMIN), Optional.of(GYM), java.util.Locale.ENGLISH);
        Accounts.ImportReport plan = accounts.planImport(GYM, lines, admin);
        assertThat(plan.created()).hasSize(3);
        String id = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> {
            imports.insert(id, GYM, admin.id(), lines, plan, now);
            jdbc.sql("update account_import set status = 'RUNNING', worker = 'crashed', heartbeat_at = :long_ago"
                            + " where id = :id")
                    .param("long_ago", java.sql.Timestamp.from(now.minus(Duration.ofMinutes(10))))
                    .param("id", id)
                    .update();
        });

        AccountImportWorker next = new AccountImportWorker(
                accounts, imports, clock, new ImportSettings(Duration.ofSeconds(2), Duration.ofMinutes(2)));
        next.work();

        // This worker, or one of another test context sharing the database, has taken it over and finished it.
        AccountImportRepository.AccountImport done = await().atMost(Duration.ofMinutes(2))
                .until(() -> imports.byId(id).orElseThrow(), i -> i.status().equals("DONE"));
        assertThat(done.processed()).isEqualTo(3);
        assertThat(done.refused()).isEmpty();
        assertThat(jdbc.sql("select user_id from account where external_id = :e")
                        .param("e", "r1-" + run)
                        .query(String.class)
                        .single())
                .as("the Keycloak user made before the crash is the pupil's account")
                .isEqualTo(madeBeforeTheCrash);
        assertThat(users.byUsername(Usernames.candidate(Usernames.base("Aru", family), 2)))
                .as("no second account")
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from account where external_id like :e")
                        .param("e", "r_-" + run)
                        .query(Long.class)
                        .single())
                .isEqualTo(3L);
        assertThat(jdbc.sql("select count(*) from guardian_link g join person p on p.user_id = g.guardian_id"
                                + " where p.external_id = :e")
                        .param("e", "r3-" + run)
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
        assertThat(imports.stepDone(id, "crashed", clock.instant()))
                .as("the worker that was gone cannot count on it any more")
                .isFalse();
    }
}
