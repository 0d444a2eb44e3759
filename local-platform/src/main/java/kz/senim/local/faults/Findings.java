package kz.senim.local.faults;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import kz.senim.local.Mailbox;
import kz.senim.local.Platform;

/**
 * What the fault suite measured, read after the load: the client's records, case-service's and
 * notification-service's databases, every topic as a {@code read_committed} consumer sees it, and the mail
 * catcher. docs/reliability.md defines each figure.
 */
final class Findings {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(180);

    private final Platform platform;
    private final List<FaultSuite.Phase> phases;
    private final List<CarefulClient.Request> requests;
    private final Instant loadStarted;
    private final Instant loadEnded;
    final List<Double> loadSamples = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Case id → when case-service stored it, for the load's users since the load started. */
    private final Map<String, Instant> casesInDatabase = new HashMap<>();
    /** Notification id → (case id, created, sent, status) of e-mails about submitted requests. */
    private final Map<String, Notification> mailNotifications = new HashMap<>();
    /** When notification-service stored each notification (any kind) since the load started. */
    private final List<Instant> notificationsStored = new ArrayList<>();
    /** ce_id → copies on every senim topic (read_committed). */
    private final Map<String, Integer> eventCopies = new HashMap<>();
    /** Case ids of request-submitted events on the topic. */
    private final Set<String> submittedEvents = new HashSet<>();

    private long eventRecords;
    /** X-Senim-Notification → copies in the mail catcher. */
    private final Map<String, Integer> mailCopies = new HashMap<>();

    private final List<Instant> mailReceived = new ArrayList<>();

    record Notification(String caseId, Instant created, Instant sent, String status) {}

    Findings(
            Platform platform,
            List<FaultSuite.Phase> phases,
            List<CarefulClient.Request> requests,
            Instant loadStarted,
            Instant loadEnded) {
        this.platform = platform;
        this.phases = phases;
        this.requests = requests;
        this.loadStarted = loadStarted;
        this.loadEnded = loadEnded;
    }

    /** Waits (bounded) until every accepted case has its e-mail, then reads the databases, topics and mail. */
    void collect(List<String> userIds) throws Exception {
        Set<String> accepted = acceptedCases().keySet();
        Instant deadline = Instant.now().plus(MAIL_WAIT);
        while (true) {
            readNotifications();
            Set<String> mailed = new HashSet<>();
            mailNotifications.values().stream()
                    .filter(n -> "SENT".equals(n.status()))
                    .forEach(n -> mailed.add(n.caseId()));
            if (mailed.containsAll(accepted) || Instant.now().isAfter(deadline)) {
                break;
            }
            Thread.sleep(1000);
        }
        // a moment more for a late copy of a mail or an event to show
        Thread.sleep(5000);
        readNotifications();
        readCases(userIds);
        readTopics();
        readMail();
    }

    private Map<String, CarefulClient.Request> acceptedCases() {
        Map<String, CarefulClient.Request> accepted = new LinkedHashMap<>();
        requests.stream().filter(CarefulClient.Request::accepted).forEach(r -> accepted.put(r.caseId, r));
        return accepted;
    }

    private Connection database(String name) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + platform.options().ports().postgres() + "/" + name, "senim", "senim");
    }

    private void readCases(List<String> userIds) throws SQLException {
        try (Connection c = database("senim_cases");
                PreparedStatement q = c.prepareStatement(
                        "select id, submitted_at from mediation_case where submitted_by = any(?) and submitted_at >= ?")) {
            Array users = c.createArrayOf("text", userIds.toArray());
            q.setArray(1, users);
            // not a moment earlier: the users' last requests before the load (waiting for the directory) are no
            // part of it, and one of them may have been stored a few milliseconds before
            q.setTimestamp(2, Timestamp.from(loadStarted));
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    casesInDatabase.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        }
    }

    private void readNotifications() throws SQLException {
        mailNotifications.clear();
        notificationsStored.clear();
        try (Connection c = database("senim_notifications")) {
            try (PreparedStatement q = c.prepareStatement("""
                    select id, parameters ->> 'caseId', created_at, sent_at, status from notification
                    where channel = 'EMAIL' and template_key = 'request-submitted' and created_at >= ?""")) {
                q.setTimestamp(1, Timestamp.from(loadStarted.minusSeconds(1)));
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        Timestamp sent = rows.getTimestamp(4);
                        mailNotifications.put(
                                rows.getString(1),
                                new Notification(
                                        rows.getString(2),
                                        rows.getTimestamp(3).toInstant(),
                                        sent == null ? null : sent.toInstant(),
                                        rows.getString(5)));
                    }
                }
            }
            try (PreparedStatement q =
                    c.prepareStatement("select created_at from notification where created_at >= ? order by 1")) {
                q.setTimestamp(1, Timestamp.from(loadStarted.minusSeconds(1)));
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        notificationsStored.add(rows.getTimestamp(1).toInstant());
                    }
                }
            }
        }
    }

    /** Every record of every senim topic, from the beginning, as a read_committed consumer sees it. */
    private void readTopics() {
        TopicRecords.forEach(platform, record -> {
            eventRecords++;
            String id = TopicRecords.header(record, "ce_id");
            if (id != null) {
                eventCopies.merge(id, 1, Integer::sum);
            }
            String type = TopicRecords.header(record, "ce_type");
            if (type != null && type.endsWith(".request-submitted.v1")) {
                submittedEvents.add(TopicRecords.header(record, "ce_subject"));
            }
        });
    }

    private void readMail() {
        for (Mailbox.Mail mail : platform.mailbox().messages()) {
            String id = mail.headers().get("X-Senim-Notification");
            if (id != null) {
                mailCopies.merge(id, 1, Integer::sum);
            }
            mailReceived.add(mail.receivedAt());
        }
    }

    // --- the report ---

    String report(String loadBefore, String loadAfter) {
        Map<String, CarefulClient.Request> accepted = acceptedCases();
        StringBuilder out = new StringBuilder();
        out.append("## Fault suite, ")
                .append(loadStarted.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .append("\n\n");
        out.append(String.format(
                "Load: %d requests/s from %d users through the gateway. Load average before: %s; during (1-min,"
                        + " sampled every 15 s): %s; after: %s.%n%n",
                FaultSuite.PER_SECOND, FaultSuite.USERS.size(), loadBefore, loadDuring(), loadAfter));
        out.append("| fault | down for | requests | client errors (status × n) | all problem+json | 503 without"
                + " Retry-After | longest wait | requests back | events back | mail back | backlog mailed |"
                + " lost | doubled | note |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < phases.size(); i++) {
            FaultSuite.Phase phase = phases.get(i);
            int index = i;
            List<CarefulClient.Request> started =
                    requests.stream().filter(r -> r.phase == index).toList();
            List<CarefulClient.Attempt> failed = requests.stream()
                    .flatMap(r -> r.attempts.stream())
                    .filter(a -> a.phase() == index && !a.succeeded())
                    .toList();
            Map<String, Integer> byStatus = new TreeMap<>();
            failed.forEach(a -> byStatus.merge(statusName(a), 1, Integer::sum));
            long notProblem = failed.stream()
                    .filter(a -> a.status() > 0 && !a.problemJson())
                    .count();
            long noRetryAfter = failed.stream()
                    .filter(a -> a.status() == 503 && a.retryAfter() == null)
                    .count();
            Duration longest = started.stream()
                    .map(CarefulClient.Request::waited)
                    .max(Duration::compareTo)
                    .orElse(Duration.ZERO);
            long lost = started.stream()
                    .filter(r -> r.accepted() && !casesInDatabase.containsKey(r.caseId))
                    .count();
            Instant from = phase.injected;
            Instant to = i + 1 < phases.size() ? phases.get(i + 1).injected : loadEnded;
            long doubled = casesInDatabase.entrySet().stream()
                    .filter(e -> !accepted.containsKey(e.getKey()))
                    .filter(e -> !e.getValue().isBefore(from) && e.getValue().isBefore(to))
                    .count();
            String errors = byStatus.isEmpty()
                    ? "none"
                    : String.join(
                            ", ",
                            byStatus.entrySet().stream()
                                    .map(e -> e.getKey() + " × " + e.getValue())
                                    .toList());
            out.append(String.format(
                    "| %s | %s | %d | %s | %s | %d | %s | %s | %s | %s | %s | %d | %d | %s |%n",
                    phase.name,
                    phase.lifted == null ? "—" : seconds(Duration.between(phase.injected, phase.lifted)),
                    started.size(),
                    errors,
                    failed.isEmpty() ? "—" : notProblem == 0 ? "yes" : "NO (" + notProblem + ")",
                    noRetryAfter,
                    seconds(longest),
                    phase.lifted == null
                            ? "—"
                            : requestsBack(phase.lifted).map(Findings::seconds).orElse("none"),
                    phase.lifted == null ? "—" : firstAfter(notificationsStored, phase.lifted),
                    phase.lifted == null ? "—" : firstAfter(mailReceived, phase.lifted),
                    phase.lifted == null ? "—" : backlogMailed(accepted, phase.lifted),
                    lost,
                    doubled,
                    note(phase)));
        }
        out.append("\n").append(totals(accepted));
        return out.toString();
    }

    private static String note(FaultSuite.Phase phase) {
        String note = phase.note;
        if (phase.relaunched != null && phase.lifted != null) {
            Duration liftTook = Duration.between(phase.relaunched, phase.lifted);
            if (liftTook.toMillis() >= 1000) {
                note = "back " + seconds(liftTook) + " after relaunch" + (note.isEmpty() ? "" : "; " + note);
            }
        }
        return note.isEmpty() ? "" : note.replace("|", "/");
    }

    private String totals(Map<String, CarefulClient.Request> accepted) {
        long givenUp = requests.stream()
                .filter(r -> r.finished != null && !r.accepted())
                .count();
        long unfinished = requests.stream().filter(r -> r.finished == null).count();
        long lostCases = accepted.keySet().stream()
                .filter(id -> !casesInDatabase.containsKey(id))
                .count();
        long doubledCases = casesInDatabase.keySet().stream()
                .filter(id -> !accepted.containsKey(id))
                .count();
        long doubledEvents = eventCopies.values().stream().filter(n -> n > 1).count();
        long lostEvents = accepted.keySet().stream()
                .filter(id -> !submittedEvents.contains(id))
                .count();
        Set<String> casesWithMail = new HashSet<>();
        mailNotifications.values().forEach(n -> casesWithMail.add(n.caseId()));
        long noNotification = accepted.keySet().stream()
                .filter(id -> !casesWithMail.contains(id))
                .count();
        List<String> expected = mailNotifications.entrySet().stream()
                .filter(e -> accepted.containsKey(e.getValue().caseId()))
                .map(Map.Entry::getKey)
                .toList();
        long once = expected.stream()
                .filter(id -> mailCopies.getOrDefault(id, 0) == 1)
                .count();
        long missing = expected.stream()
                .filter(id -> mailCopies.getOrDefault(id, 0) == 0)
                .count();
        long doubledMail = mailCopies.values().stream().filter(n -> n > 1).count();
        long failed = mailNotifications.values().stream()
                .filter(n -> "FAILED".equals(n.status()))
                .count();
        StringBuilder out = new StringBuilder("| totals | |\n|---|---|\n");
        out.append(row("requests sent", requests.size()));
        out.append(row("accepted (201/200)", accepted.size()));
        out.append(row("refused or given up", givenUp));
        out.append(row("still retried at the end", unfinished));
        out.append(row("cases lost (accepted, not in case-service's database)", lostCases));
        out.append(row("cases doubled (in the database, not an accepted answer)", doubledCases));
        out.append(row("events on the topics (read_committed records)", eventRecords));
        out.append(row("events doubled (a ce_id more than once)", doubledEvents));
        out.append(row("accepted cases without their request-submitted event", lostEvents));
        out.append(row("e-mails expected (request-submitted, to the coordinator)", expected.size()));
        out.append(row("accepted cases without an e-mail notification", noNotification));
        out.append(row("e-mails delivered exactly once", once));
        out.append(row("e-mails missing", missing));
        out.append(row("e-mails doubled (any notification caught more than once)", doubledMail));
        out.append(row("e-mail notifications FAILED", failed));
        return out.toString();
    }

    private static String row(String what, long value) {
        return "| " + what + " | " + value + " |\n";
    }

    private Optional<Duration> requestsBack(Instant lifted) {
        return requests.stream()
                .flatMap(r -> r.attempts.stream())
                .filter(a -> a.succeeded() && !a.sent().isBefore(lifted))
                .map(a -> Duration.between(lifted, a.answered()))
                .min(Duration::compareTo);
    }

    private static String firstAfter(List<Instant> times, Instant lifted) {
        return times.stream()
                .filter(t -> !t.isBefore(lifted))
                .min(Instant::compareTo)
                .map(t -> seconds(Duration.between(lifted, t)))
                .orElse("none");
    }

    /** Lift → the last e-mail of the requests accepted before the lift is sent (0 if all were sent before). */
    private String backlogMailed(Map<String, CarefulClient.Request> accepted, Instant lifted) {
        Instant last = null;
        for (Notification n : mailNotifications.values()) {
            CarefulClient.Request request = accepted.get(n.caseId());
            if (request == null || request.finished == null || !request.finished.isBefore(lifted)) {
                continue;
            }
            if (n.sent() == null) {
                return "never";
            }
            if (last == null || n.sent().isAfter(last)) {
                last = n.sent();
            }
        }
        return last == null || !last.isAfter(lifted) ? "0.0 s" : seconds(Duration.between(lifted, last));
    }

    private String loadDuring() {
        if (loadSamples.isEmpty()) {
            return "—";
        }
        double max = loadSamples.stream().mapToDouble(d -> d).max().orElse(0);
        double mean = loadSamples.stream().mapToDouble(d -> d).average().orElse(0);
        return String.format("mean %.1f, max %.1f", mean, max);
    }

    private static String statusName(CarefulClient.Attempt attempt) {
        return switch (attempt.status()) {
            case 0 -> "no connection";
            case -1 -> "client: " + attempt.failure();
            default -> attempt.status() + (attempt.failure() == null ? "" : " " + attempt.failure());
        };
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
