package kz.senim.local.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kz.senim.local.Platform;
import kz.senim.local.PlatformOptions;
import kz.senim.local.ProjectLayout;
import kz.senim.local.api.ApiResponse;
import kz.senim.local.api.Caller;
import kz.senim.local.api.SenimApi;
import kz.senim.local.demo.DemoData;

/**
 * {@code ./run-faults.sh --restore}: the tested restore of docs/operations.md §6. A platform of its own is
 * given data through the API (the gymnasium and its directory, a case mediated by the coordinator with a
 * session, a person added with a sign-in account, one request that is e-mailed); it is stopped, and its
 * state is backed up while stopped: the PostgreSQL cluster (every service's database) and Keycloak's database
 * (the local platform's Keycloak keeps its realm in its own file database). Kafka is not backed up. A new
 * platform, on other ports, is started from the backup with an empty broker, and the check asks: is the
 * data there (through the API), does Keycloak still have the account the directory names, and does the
 * outbox go on — a new request's event on the topic exactly once, its e-mail exactly once, and no event of
 * before the backup published again.
 */
final class RestoreCheck {

    private static final String SCHOOL = FaultSuite.SCHOOL;
    private final List<String> results = new ArrayList<>();
    private boolean failed;

    private RestoreCheck() {}

    static void main(String[] args) throws Exception {
        RestoreCheck check = new RestoreCheck();
        check.run();
        System.out.println(check.report());
        if (check.failed) {
            System.exit(1);
        }
    }

    private void run() throws Exception {
        String stamp = Long.toString(System.currentTimeMillis());
        Path logs = Path.of("target", "fault-logs", "restore-" + stamp).toAbsolutePath();
        Path backup = Files.createTempDirectory("senim-backup-");
        Map<String, String> env =
                Map.of("SENIM_RATE_LIMIT_USER_PER_SECOND", "1000000", "SENIM_RATE_LIMIT_USER_BURST", "1000000");

        // 1. the first platform, its data kept when it stops
        PlatformOptions throwAway = PlatformOptions.ephemeral();
        PlatformOptions first = new PlatformOptions(
                throwAway.state(),
                true,
                false,
                throwAway.ports(),
                env,
                throwAway.serviceJvmOptions(),
                logs.resolve("before"));
        DemoData.CaseWithSession mediated;
        String accountId;
        String username;
        String caseBefore;
        int eventsBefore;
        Instant backupTakenAt;
        try (Platform platform = Platform.start(ProjectLayout.find(), first)) {
            SenimApi api = platform.api();
            DemoData.registerFirstSchoolWithItsPeople(api);
            mediated = DemoData.caseWithASession(api, "restore-" + stamp);
            ApiResponse account = api.as("admin.gym1")
                    .post(
                            "/api/schools/" + SCHOOL + "/accounts",
                            Map.of(
                                    "externalId", "restore-" + stamp,
                                    "role", "student",
                                    "grade", 8,
                                    "classLetter", "А",
                                    "language", "kk",
                                    "givenName", "Restore",
                                    "familyName", "Check"))
                    .expect(201);
            accountId = account.text("/userId");
            username = account.text("/username");
            caseBefore = submitted(api.as("student1.gym1"), api.as("student2.gym1"), "before-" + stamp);
            awaitMail(platform, caseBefore);
            eventsBefore = eventIds(platform).size();
            // what the restored platform must show
            api.as("coordinator.gym1").get("/api/cases/" + mediated.caseId()).expect(200);
            api.as("admin.gym1").get("/api/people/" + accountId).expect(200);
            backupTakenAt = Instant.now();
        }
        // 2. the backup, taken while everything is stopped: a consistent copy of each database
        copyTree(first.state().resolve("postgres"), backup.resolve("postgres"));
        copyTree(first.state().resolve("keycloak").resolve("data").resolve("h2"), backup.resolve("keycloak-h2"));
        deleteTree(first.state());
        System.out.println("Backup taken in " + backup);

        // 3. a new platform from the backup: other ports, an empty Kafka broker
        Path state = Files.createTempDirectory("senim-restored-");
        copyTree(backup.resolve("postgres"), state.resolve("postgres"));
        // PostgreSQL starts only on a data directory that only its owner may read
        Files.setPosixFilePermissions(
                state.resolve("postgres"), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        copyTree(
                backup.resolve("keycloak-h2"),
                state.resolve("keycloak").resolve("data").resolve("h2"));
        PlatformOptions restored = new PlatformOptions(
                state,
                false,
                false,
                PlatformOptions.Ports.free(),
                env,
                throwAway.serviceJvmOptions(),
                logs.resolve("restored"));
        try (Platform platform = Platform.start(ProjectLayout.find(), restored)) {
            SenimApi api = platform.api();
            Caller coordinator = api.as("coordinator.gym1");
            Caller admin = api.as("admin.gym1");

            ApiResponse theCase = coordinator.get("/api/cases/" + mediated.caseId());
            boolean sessionThere =
                    theCase.status() == 200 && theCase.body().contains("\"" + mediated.sessionId() + "\"");
            check("the mediated case and its session are there (GET /api/cases/{id})", sessionThere);
            check(
                    "the request e-mailed before the backup is there",
                    coordinator.get("/api/cases/" + caseBefore).status() == 200);
            check(
                    "the person added with an account is in the directory (GET /api/people/{userId})",
                    admin.get("/api/people/" + accountId).status() == 200);
            ApiResponse accounts = admin.get("/api/schools/" + SCHOOL + "/accounts?size=100");
            check(
                    "Keycloak still has their account, same user id and username (the accounts list, read from"
                            + " Keycloak)",
                    accounts.status() == 200
                            && accounts.body().contains("\"" + accountId + "\"")
                            && accounts.body().contains("\"" + username + "\""));
            check(
                    "demo users sign in with their passwords (Keycloak's realm restored)",
                    signsIn(api.as("student1.gym1")) && signsIn(coordinator));

            String caseAfter = submitted(api.as("student1.gym1"), api.as("student2.gym1"), "after-" + stamp);
            boolean mailed = awaitMail(platform, caseAfter);
            Thread.sleep(Duration.ofSeconds(10));
            check("a new request after the restore is e-mailed", mailed);
            Map<String, Long> mails = mailsOf(platform, caseAfter);
            check(
                    "its e-mail exactly once (" + mails + ")",
                    !mails.isEmpty() && mails.values().stream().allMatch(n -> n == 1));
            Map<String, Integer> events = eventIds(platform);
            long submittedCopies = submittedEvents(platform, caseAfter);
            check(
                    "its request-submitted event on the topic exactly once (" + submittedCopies + ")",
                    submittedCopies == 1);
            long doubled = events.values().stream().filter(n -> n > 1).count();
            check("no event twice on the topics (" + events.size() + " events)", doubled == 0);
            long republished = eventsPublishedBefore(platform, backupTakenAt);
            check(
                    "no event of before the backup published again (" + republished + " of " + eventsBefore
                            + " before)",
                    republished == 0);
        } finally {
            deleteTree(backup);
        }
    }

    private static String submitted(Caller student, Caller classmate, String key) {
        return student.post(
                        "/api/cases",
                        Map.of(
                                "urgency",
                                "NORMAL",
                                "preferredLanguage",
                                "kk",
                                "description",
                                "A restore-check request about a shared locker.",
                                "parties",
                                List.of(Map.of("userId", student.userId()), Map.of("userId", classmate.userId()))),
                        "Idempotency-Key",
                        key)
                .expect(201)
                .text("/id");
    }

    private static boolean signsIn(Caller caller) {
        try {
            caller.relogin();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void check(String what, boolean passed) {
        results.add("| " + what + " | " + (passed ? "yes" : "**NO**") + " |");
        failed |= !passed;
    }

    private String report() {
        return "\n## Restore check, " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + "\n\n| check | passed |\n|---|---|\n" + String.join("\n", results) + "\n";
    }

    /** Waits up to 2 minutes until SMTP has accepted the request-submitted e-mail of the case. */
    private static boolean awaitMail(Platform platform, String caseId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!mailsOf(platform, caseId).isEmpty()) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Notification id → copies in the mail catcher, for the request-submitted e-mails of a case. */
    private static Map<String, Long> mailsOf(Platform platform, String caseId) throws SQLException {
        List<String> notifications = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:"
                                + platform.options().ports().postgres() + "/senim_notifications",
                        "senim",
                        "senim");
                PreparedStatement q = c.prepareStatement("""
                        select id from notification where channel = 'EMAIL' and template_key = 'request-submitted'
                        and parameters ->> 'caseId' = ?""")) {
            q.setString(1, caseId);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    notifications.add(rows.getString(1));
                }
            }
        }
        Map<String, Long> copies = new HashMap<>();
        for (String id : notifications) {
            long n = platform.mailbox().messages().stream()
                    .filter(mail -> id.equals(mail.headers().get("X-Senim-Notification")))
                    .count();
            if (n > 0) {
                copies.put(id, n);
            }
        }
        return copies;
    }

    private static Map<String, Integer> eventIds(Platform platform) {
        Map<String, Integer> copies = new HashMap<>();
        TopicRecords.forEach(platform, record -> {
            String id = TopicRecords.header(record, "ce_id");
            if (id != null) {
                copies.merge(id, 1, Integer::sum);
            }
        });
        return copies;
    }

    private static long submittedEvents(Platform platform, String caseId) {
        long[] n = {0};
        TopicRecords.forEach(platform, record -> {
            String type = TopicRecords.header(record, "ce_type");
            if (type != null
                    && type.endsWith(".request-submitted.v1")
                    && caseId.equals(TopicRecords.header(record, "ce_subject"))) {
                n[0]++;
            }
        });
        return n[0];
    }

    private static long eventsPublishedBefore(Platform platform, Instant backup) {
        long[] n = {0};
        TopicRecords.forEach(platform, record -> {
            String time = TopicRecords.header(record, "ce_time");
            if (time != null && Instant.parse(time).isBefore(backup)) {
                n[0]++;
            }
        });
        return n[0];
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
