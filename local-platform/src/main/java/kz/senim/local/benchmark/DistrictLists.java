package kz.senim.local.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.local.Platform;
import kz.senim.local.api.Caller;
import kz.senim.local.api.SenimApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./run-benchmark.sh --district}: the lists a school's people open most, on a generated district
 * ({@link District}), through the gateway with the demo users' real tokens. One client, each list in turn for
 * a few seconds, rounds repeated so that no list profits from a quieter minute; after a warm-up of the same
 * shape. The baseline is {@code GET /api/schools/{id}} (one row) measured in the same rounds. Then {@code
 * EXPLAIN (ANALYZE, BUFFERS)} of each list's statements, as the repositories send them, on the same data.
 */
final class DistrictLists {

    static final int WARM_UP_ROUNDS = 2;
    static final int ROUNDS = 4;

    /** One list: who asks, what, and the fewest lines its first page must say exist. */
    record Endpoint(String name, Caller caller, String path, long atLeast) {}

    private final HttpLoad load = new HttpLoad();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    static void run(Platform platform, SenimApi api, int roundSeconds) throws Exception {
        Caller coordinator = api.as("coordinator.gym1");
        Caller mediator = api.as("mediator1.gym1");
        Caller student = api.as("student1.gym1");
        District.Users users = new District.Users(coordinator.userId(), mediator.userId(), student.userId());
        District district = new District(platform.options().ports().postgres());
        String loadBefore = Load.now();
        District.Generated generated = district.generate(users);
        System.out.printf("District generated in %.1f s (load %s)%n", generated.seconds(), loadBefore);
        generated.rows().forEach((what, n) -> System.out.printf("  %-28s %,d rows%n", what, n));

        List<Endpoint> endpoints = List.of(
                new Endpoint(
                        "baseline: one school (GET /api/schools/{id})",
                        coordinator,
                        "/api/schools/" + PlatformBenchmark.SCHOOL,
                        0),
                new Endpoint(
                        "triage inbox (coordinator)",
                        coordinator,
                        "/api/cases?status=SUBMITTED&page=0&size=20&sort=submittedAt,asc",
                        District.CASES / 10),
                new Endpoint(
                        "every case of the school (coordinator)",
                        coordinator,
                        "/api/cases?page=0&size=20&sort=submittedAt,desc",
                        District.CASES),
                new Endpoint(
                        "a mediator's cases",
                        mediator,
                        "/api/cases?page=0&size=20&sort=submittedAt,desc",
                        District.CASES / District.MEDIATOR_EVERY * 4 / 5),
                new Endpoint(
                        "people directory (coordinator)", coordinator, "/api/people?page=0&size=50", District.PEOPLE),
                new Endpoint(
                        "activities calendar, a month (student)",
                        student,
                        "/api/activities?from=2026-12-01&to=2026-12-31&size=200&sort=startsAt,asc",
                        District.ACTIVITIES / 10),
                new Endpoint(
                        "notification inbox (student)", student, "/api/notifications?page=0&size=20", District.INBOX));
        DistrictLists lists = new DistrictLists();
        String gateway = platform.gatewayUrl();
        for (Endpoint endpoint : endpoints) {
            lists.check(gateway, endpoint);
        }
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (Endpoint endpoint : endpoints) {
                lists.measure(gateway, endpoint, Duration.ofSeconds(roundSeconds));
            }
        }
        String loadAtStart = Load.now();
        Map<Endpoint, Latencies> measured = new LinkedHashMap<>();
        Map<Endpoint, long[]> errors = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Endpoint endpoint : endpoints) {
                HttpLoad.Result result = lists.measure(gateway, endpoint, Duration.ofSeconds(roundSeconds));
                measured.computeIfAbsent(endpoint, e -> new Latencies()).addAll(result.latencies());
                errors.computeIfAbsent(endpoint, e -> new long[1])[0] += result.errors();
            }
        }
        String loadAtEnd = Load.now();

        StringBuilder plans = new StringBuilder();
        StringBuilder sqlTable = new StringBuilder(
                "| list | statements before → now | before ms | now ms | before: plan nodes | now: plan nodes |\n"
                        + "|---|---|---|---|---|---|\n");
        for (Comparison comparison : comparisons(district, users)) {
            District.Timed before = district.timed(comparison.database(), comparison.absent(), comparison.before(), 21);
            District.Timed after = district.timed(comparison.database(), List.of(), comparison.after(), 21);
            plans.append("## ")
                    .append(comparison.list())
                    .append("\n\n### before (without ")
                    .append(comparison.absent())
                    .append(")\n\n");
            appendPlans(plans, comparison.before(), before.plans());
            plans.append("### now\n\n");
            appendPlans(plans, comparison.after(), after.plans());
            sqlTable.append(String.format(
                    "| %s | %d → %d | %.2f | %.2f | %s | %s |%n",
                    comparison.list(),
                    comparison.before().size(),
                    comparison.after().size(),
                    before.medianMillis(),
                    after.medianMillis(),
                    summary(before.plans()),
                    summary(after.plans())));
        }
        Path planFile = Path.of("target", "benchmark-logs", "district-plans.md").toAbsolutePath();
        Files.createDirectories(planFile.getParent());
        Files.writeString(planFile, plans);

        StringBuilder out = new StringBuilder("\n## District-scale lists\n\n");
        out.append(String.format(
                "%d schools; %s: %,d generated people, %,d cases, %,d activities; generated in %.1f s.%n",
                District.OTHER_SCHOOLS + 1,
                PlatformBenchmark.SCHOOL,
                District.PEOPLE,
                District.CASES,
                District.ACTIVITIES,
                generated.seconds()));
        out.append(String.format(
                "One client through the gateway, %d rounds of %d s per list after %d warm-up rounds;"
                        + " load average %s at the start, %s at the end.%n%n",
                ROUNDS, roundSeconds, WARM_UP_ROUNDS, loadAtStart, loadAtEnd));
        out.append("| list | calls | errors | p50 ms | p95 ms | p99 ms | p95 / baseline p95 |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        double baseline = measured.get(endpoints.get(0)).percentileMillis(95);
        for (Endpoint endpoint : endpoints) {
            Latencies l = measured.get(endpoint);
            out.append(String.format(
                    "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f |%n",
                    endpoint.name(),
                    l.count(),
                    errors.get(endpoint)[0],
                    l.percentileMillis(50),
                    l.percentileMillis(95),
                    l.percentileMillis(99),
                    l.percentileMillis(95) / baseline));
        }
        out.append(
                        "\nThe lists' statements sent from the benchmark straight to PostgreSQL (median of 21, all rows read),"
                                + " before this change (its indexes dropped in a rolled-back transaction, its old statements)"
                                + " and now, on the same data; plans (EXPLAIN ANALYZE, BUFFERS) in full in ")
                .append(planFile)
                .append(":\n\n")
                .append(sqlTable);
        System.out.println(out);
    }

    /**
     * A list's statements before this change (its indexes absent, its old statements) and as its repository
     * sends them now (MediationRepository, membership-service's PersonRepository, ActivityRepository,
     * InboxRepository), with the parameters of the measured calls.
     */
    record Comparison(
            String list, String database, List<String> absent, List<District.Sql> before, List<District.Sql> after) {}

    static final String CASES_BY_TIME = "mediation_case_by_school_time_idx";
    static final String PEOPLE_BY_NAME = "person_by_family_name_idx";
    static final String INBOX_ORDER = "notification_inbox_order";

    private static List<Comparison> comparisons(District district, District.Users users) throws SQLException {
        String school = PlatformBenchmark.SCHOOL;
        String mediator = users.mediator();
        Timestamp from = Timestamp.from(Instant.parse("2026-11-30T19:00:00Z"));
        Timestamp to = Timestamp.from(Instant.parse("2026-12-31T19:00:00Z"));
        String[] pageOfPeople = district
                .column(
                        "senim_membership",
                        "select user_id from person where school_id = ? order by family_name, user_id limit 50",
                        school)
                .stream()
                .map(String.class::cast)
                .toArray(String[]::new);
        UUID[] monthOfActivities = district
                .column(
                        "senim_training",
                        "select id from activity where school_id = ? and ends_at > ? and starts_at < ?"
                                + " order by starts_at, id limit 200",
                        school,
                        from,
                        to)
                .stream()
                .map(UUID.class::cast)
                .toArray(UUID[]::new);
        List<District.Sql> triage = List.of(
                new District.Sql("""
                        select * from mediation_case where school_id = ? and status = ?
                        order by submitted_at asc, id limit 20 offset 0""", school, "SUBMITTED"),
                new District.Sql(
                        "select count(*) from mediation_case where school_id = ? and status = ?", school, "SUBMITTED"));
        List<District.Sql> everyCase = List.of(
                new District.Sql("""
                        select * from mediation_case where school_id = ?
                        order by submitted_at desc, id limit 20 offset 0""", school),
                new District.Sql("select count(*) from mediation_case where school_id = ?", school));
        List<District.Sql> mediatorBefore = List.of(
                new District.Sql("""
                        select * from mediation_case where school_id = ? and (submitted_by = ?
                          or ? = any (party_user_ids) or ? = any (mediator_ids))
                        order by submitted_at desc, id limit 20 offset 0""", school, mediator, mediator, mediator),
                new District.Sql("""
                        select count(*) from mediation_case where school_id = ? and (submitted_by = ?
                          or ? = any (party_user_ids) or ? = any (mediator_ids))""", school, mediator, mediator, mediator));
        List<District.Sql> mediatorAfter = List.of(
                new District.Sql("""
                        select * from mediation_case where school_id = ? and (submitted_by = ?
                          or party_user_ids @> array[cast(? as text)] or mediator_ids @> array[cast(? as text)])
                        order by submitted_at desc, id limit 20 offset 0""", school, mediator, mediator, mediator),
                new District.Sql("""
                        select count(*) from mediation_case where school_id = ? and (submitted_by = ?
                          or party_user_ids @> array[cast(? as text)] or mediator_ids @> array[cast(? as text)])""", school, mediator, mediator, mediator));
        District.Sql peoplePage = new District.Sql("""
                select * from person where school_id = ? and (cast(? as text) is null or role = ?)
                order by family_name asc, user_id limit 50 offset 0""", school, null, null);
        District.Sql peopleCount = new District.Sql(
                "select count(*) from person where school_id = ? and (cast(? as text) is null or role = ?)",
                school,
                null,
                null);
        District.Sql activityPage = new District.Sql("""
                select * from activity where school_id = ? and ends_at > ? and starts_at < ?
                order by starts_at asc, id limit 200 offset 0""", school, from, to);
        District.Sql activityCount = new District.Sql(
                "select count(*) from activity where school_id = ? and ends_at > ? and starts_at < ?",
                school,
                from,
                to);
        List<District.Sql> activitiesBefore = new ArrayList<>(List.of(activityPage, activityCount));
        for (UUID activity : monthOfActivities) {
            activitiesBefore.add(new District.Sql(
                    "select status, count(*) n from registration where activity_id = ? group by status", activity));
            activitiesBefore.add(new District.Sql(
                    "select status from registration where activity_id = ? and user_id = ?",
                    activity,
                    users.student()));
        }
        List<District.Sql> inbox = List.of(
                new District.Sql("""
                        select * from notification where channel = 'IN_APP' and recipient_id = ?
                        order by (read_at is null) desc, created_at desc, id offset 0 limit 20""", users.student()),
                new District.Sql(
                        "select count(*) from notification where channel = 'IN_APP' and recipient_id = ?",
                        users.student()));
        return List.of(
                new Comparison("triage inbox (unchanged)", "senim_cases", List.of(CASES_BY_TIME), triage, triage),
                new Comparison("every case", "senim_cases", List.of(CASES_BY_TIME), everyCase, everyCase),
                new Comparison(
                        "a mediator's cases", "senim_cases", List.of(CASES_BY_TIME), mediatorBefore, mediatorAfter),
                new Comparison(
                        "people directory",
                        "senim_membership",
                        List.of(PEOPLE_BY_NAME),
                        List.of(
                                peoplePage,
                                peopleCount,
                                new District.Sql(
                                        "select guardian_id, student_id from guardian_link where school_id = ?",
                                        school)),
                        List.of(
                                peoplePage,
                                peopleCount,
                                new District.Sql(
                                        "select guardian_id, student_id from guardian_link"
                                                + " where school_id = ? and guardian_id = any (?)",
                                        school,
                                        pageOfPeople))),
                new Comparison(
                        "activities calendar, a month (" + monthOfActivities.length + " activities)",
                        "senim_training",
                        List.of(),
                        activitiesBefore,
                        List.of(
                                activityPage,
                                activityCount,
                                new District.Sql("""
                                        select activity_id, status, count(*) n from registration
                                        where activity_id = any (?) group by activity_id, status""", (Object) monthOfActivities),
                                new District.Sql(
                                        "select activity_id, status from registration"
                                                + " where user_id = ? and activity_id = any (?)",
                                        users.student(),
                                        monthOfActivities))),
                new Comparison("notification inbox", "senim_notifications", List.of(INBOX_ORDER), inbox, inbox));
    }

    private static void appendPlans(StringBuilder out, List<District.Sql> statements, List<String> plans) {
        for (District.Sql sql : statements.subList(0, Math.min(statements.size(), 4))) {
            out.append("    ")
                    .append(sql.text().strip().replace("\n", "\n    "))
                    .append("\n\n");
        }
        if (statements.size() > 4) {
            out.append("    (and ").append(statements.size() - 4).append(" more of the same shapes)\n\n");
        }
        plans.forEach(line -> out.append("    ").append(line).append('\n'));
        out.append('\n');
    }

    /** The plans' scans and sorts (each shape once, with its rows), and their execution times summed. */
    private static String summary(List<String> plan) {
        java.util.Set<String> notable = new java.util.LinkedHashSet<>();
        double time = 0;
        for (String line : plan) {
            String node = line.strip().replaceFirst("^->\\s*", "");
            if (node.startsWith("Index Cond") || node.startsWith("Sort Key") || node.startsWith("Presorted Key")) {
                continue;
            }
            if (node.startsWith("Seq Scan")
                    || node.startsWith("Sort")
                    || node.startsWith("Incremental Sort")
                    || node.startsWith("Index")
                    || node.startsWith("Bitmap")) {
                notable.add(node.replaceAll("\\(cost=[^)]*\\)\\s*", "")
                        .replaceAll("\\(actual time=[^ ]* ", "(")
                        .replaceAll(" loops=1\\)", ")"));
            }
            if (node.startsWith("Execution Time: ")) {
                time += Double.parseDouble(node.replace("Execution Time: ", "").replace(" ms", ""));
            }
        }
        List<String> shown = new ArrayList<>(notable);
        String nodes = String.join("; ", shown.subList(0, Math.min(shown.size(), 6))) + (shown.size() > 6 ? "; …" : "");
        return nodes.replace("|", "\\|") + String.format("; executed in %.2f ms", time);
    }

    /** The first answer must be a 200 whose page counts the generated lines: else the data was not read. */
    private void check(String gateway, Endpoint endpoint) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request(gateway, endpoint), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(
                    endpoint.name() + " answered " + answer.statusCode() + ": " + answer.body());
        }
        if (endpoint.atLeast() > 0) {
            JsonNode page = JsonMapper.builder().build().readTree(answer.body());
            long total = page.get("totalElements").asLong();
            if (total < endpoint.atLeast()) {
                throw new IllegalStateException(
                        endpoint.name() + " lists " + total + " lines, expected at least " + endpoint.atLeast());
            }
            System.out.printf("  %s: %,d lines in all%n", endpoint.name(), total);
        }
    }

    private HttpRequest request(String gateway, Endpoint endpoint) {
        return HttpRequest.newBuilder(URI.create(gateway + endpoint.path()))
                .header("Authorization", "Bearer " + endpoint.caller().token())
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
    }

    private HttpLoad.Result measure(String gateway, Endpoint endpoint, Duration duration) throws InterruptedException {
        return load.run(gateway + endpoint.path(), endpoint.caller().token(), 1, duration);
    }

    /** The machine's load average over 1, 5 and 15 minutes, as {@code /proc/loadavg} says. */
    static final class Load {
        private Load() {}

        static String now() {
            try {
                String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return parts[0] + " / " + parts[1] + " / " + parts[2];
            } catch (IOException e) {
                return "unknown";
            }
        }
    }
}
