package kz.senim.local.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kz.senim.local.Platform;
import kz.senim.local.PlatformOptions;
import kz.senim.local.ProjectLayout;
import kz.senim.local.ResidentMemory;
import kz.senim.local.api.ApiResponse;
import kz.senim.local.api.Caller;
import kz.senim.local.api.SenimApi;
import kz.senim.local.demo.DemoData;

/**
 * {@code ./run-benchmark.sh}: starts a platform of its own (free ports, throw-away data, the gateway's
 * rate limits raised so that they never answer 429 during the load) and measures, in one run:
 * <ol>
 *   <li>the same authenticated, database-backed GET ({@code GET /api/schools/{id}}, membership-service)
 *       sent directly to the service and through the gateway, by the same load tool: latency with one
 *       client (p50/p99), and throughput with {@value #WORKERS} concurrent clients, alternating
 *       direct and gateway rounds so that neither profits from a warmer machine;
 *   <li>request submitted ({@code POST /api/cases}) → notification e-mail accepted by SMTP (the
 *       {@code sent_at} notification-service records on acceptance), p50/p99, at a steady
 *       {@value #REQUESTS_PER_SECOND} requests/s after a warm-up of the same path, and meanwhile the outbox lag
 *       ({@link OutboxLag}) and the CPU each process used ({@link ProcessorTime});
 *   <li>the RSS and PSS of every process at rest and the highest under that load;
 *   <li>submissions per second through the gateway against pgbench on the same PostgreSQL ({@link WritePath}).
 * </ol>
 * Options: {@code --seconds=N} per throughput round (default 15), {@code --mail-seconds=N} (default 60), {@code
 * --mail-rate=N} requests/s (default {@value #REQUESTS_PER_SECOND}), {@code --mail-warm-up-seconds=N} at
 * {@value #WARM_UP_RATE} requests/s before it (default 120; 0 for none), {@code --write-seconds=N} (default 20).
 * {@code --quick-jit} runs the services with the JIT's first tier only, as {@code ./run-local.sh} does.
 * {@code --district} measures instead the lists of a generated district ({@link DistrictLists}), {@code
 * --district-seconds=N} per list and round (default 5).
 */
public final class PlatformBenchmark {

    static final int WORKERS = 16;
    /** The steady rate of the request → e-mail run unless {@code --mail-rate=N} says otherwise (issue 19). */
    static final int REQUESTS_PER_SECOND = 50;
    /** The rate of the request → e-mail path's warm-up, one the platform keeps up with. */
    static final int WARM_UP_RATE = 20;

    static final String SCHOOL = "demo-gymnasium-1";

    private PlatformBenchmark() {}

    public static void main(String[] args) throws Exception {
        int roundSeconds = option(args, "--seconds=", 15);
        int mailSeconds = option(args, "--mail-seconds=", 60);
        int mailRate = option(args, "--mail-rate=", REQUESTS_PER_SECOND);
        int warmUpSeconds = option(args, "--mail-warm-up-seconds=", 120);
        int writeSeconds = option(args, "--write-seconds=", 20);
        boolean district = List.of(args).contains("--district");
        int districtSeconds = option(args, "--district-seconds=", 5);
        boolean quickJit = List.of(args).contains("--quick-jit");
        long started = System.nanoTime();
        PlatformOptions options = PlatformOptions.ephemeral()
                .withEnvironment(Map.of(
                        "SENIM_RATE_LIMIT_USER_PER_SECOND", "1000000",
                        "SENIM_RATE_LIMIT_USER_BURST", "1000000"))
                .withLogsKeptIn(Path.of("target", "benchmark-logs").toAbsolutePath());
        if (quickJit) {
            options = options.withQuickStartJit();
        }
        try (Platform platform = Platform.start(ProjectLayout.find(), options)) {
            System.out.printf(
                    "Platform ready in %.1f s (cold data, Keycloak built)%s%n",
                    (System.nanoTime() - started) / 1e9, quickJit ? "; services with the JIT's first tier only" : "");
            SenimApi api = platform.api();
            Caller coordinator = api.as("coordinator.gym1");
            Caller student = api.as("student1.gym1");
            Caller classmate = api.as("student2.gym1");
            prepare(api, student, classmate);
            if (district) {
                DistrictLists.run(platform, api, districtSeconds);
                return;
            }

            Thread.sleep(Duration.ofSeconds(10));
            Map<String, ResidentMemory.Usage> atRest = platform.memory();

            String path = "/api/schools/" + SCHOOL;
            String direct = platform.services().get("membership-service").url() + path;
            String gateway = platform.gatewayUrl() + path;
            HttpLoad load = new HttpLoad();
            String token = coordinator.token();
            // warm-up until the JIT has compiled the hot paths: connection pools, caches, both paths, full load
            for (int round = 0; round < 2; round++) {
                load.run(direct, token, WORKERS, Duration.ofSeconds(15));
                load.run(gateway, token, WORKERS, Duration.ofSeconds(15));
            }

            Latencies directLatency = new Latencies();
            Latencies gatewayLatency = new Latencies();
            for (int round = 0; round < 4; round++) {
                directLatency.addAll(
                        load.run(direct, token, 1, Duration.ofSeconds(5)).latencies());
                gatewayLatency.addAll(
                        load.run(gateway, token, 1, Duration.ofSeconds(5)).latencies());
            }
            List<HttpLoad.Result> directRuns = new ArrayList<>();
            List<HttpLoad.Result> gatewayRuns = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                token = coordinator.token();
                directRuns.add(load.run(direct, token, WORKERS, Duration.ofSeconds(roundSeconds)));
                gatewayRuns.add(load.run(gateway, token, WORKERS, Duration.ofSeconds(roundSeconds)));
            }

            // The request → e-mail path runs code the GET above never touched (case-service's submission, the
            // outbox, notification-service, analytics-service): without this its first minute measured C2
            // compiling it on the same two cores (decision 159). At a rate the platform keeps up with, long enough
            // for the path's methods to reach C2's thresholds (some thousands of calls), then drained.
            if (warmUpSeconds > 0) {
                MailRun warmUp = requestToMail(platform, student, classmate, warmUpSeconds, WARM_UP_RATE);
                System.out.printf(
                        "Warm-up of the request → e-mail path: %d s at %d requests/s, %d of %d mailed, p99 %.0f ms%n",
                        warmUpSeconds,
                        WARM_UP_RATE,
                        warmUp.mailed(),
                        warmUp.submitted(),
                        warmUp.latencies().percentileMillis(99));
            }
            Map<String, ResidentMemory.Usage> peak = new ConcurrentHashMap<>();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(
                    () -> platform.memory().forEach((name, usage) -> peak.merge(name, usage, PlatformBenchmark::max)),
                    0,
                    // not more often: reading a process's memory map briefly holds its memory lock
                    5,
                    TimeUnit.SECONDS);
            MailRun mail;
            OutboxLag lag = OutboxLag.start(platform);
            ProcessorTime cpu = ProcessorTime.from(platform.processes());
            try {
                mail = requestToMail(platform, student, classmate, mailSeconds, mailRate);
            } finally {
                lag.close();
            }
            ProcessorTime.Interval mailCpu = cpu.stop();
            sampler.shutdownNow();
            WritePath.Result writes = WritePath.run(platform, student, classmate, Duration.ofSeconds(writeSeconds));

            report(directLatency, gatewayLatency, directRuns, gatewayRuns, mail, mailCpu, lag, writes, atRest, peak);
        }
    }

    /** The school and its people (the demo's), known to every service that needs them. */
    private static void prepare(SenimApi api, Caller student, Caller classmate) throws InterruptedException {
        // on a machine busy enough the services' first answers can take longer than the gateway waits (504):
        // registering again is harmless (an existing school or person answers 409, which it accepts)
        for (int attempt = 1; ; attempt++) {
            try {
                DemoData.registerFirstSchoolWithItsPeople(api);
                break;
            } catch (ApiResponse.UnexpectedAnswer e) {
                if (attempt == 5 || e.response().status() != 504) {
                    throw e;
                }
                Thread.sleep(Duration.ofSeconds(10));
            }
        }
        // case-service learns the directory from membership's events: wait until a request is accepted
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            ApiResponse answer = submit(student, classmate);
            if (answer.status() == 201) {
                return;
            }
            if (System.nanoTime() > deadline) {
                answer.expect(201);
            }
            Thread.sleep(500);
        }
    }

    static ApiResponse submit(Caller student, Caller classmate) {
        return student.post(
                "/api/cases",
                Map.of(
                        "urgency", "NORMAL",
                        "preferredLanguage", "kk",
                        "description", "A benchmark request about a shared locker.",
                        "parties", List.of(Map.of("userId", student.userId()), Map.of("userId", classmate.userId()))));
    }

    /**
     * @param latencies request sent → e-mail accepted by SMTP
     * @param toStored request sent → the notification stored by notification-service (case-service, Kafka, the consumer)
     * @param toSent stored → accepted by SMTP (the dispatcher)
     */
    record MailRun(
            int rate,
            int submitted,
            int mailed,
            long failures,
            Map<Integer, Long> refusedWith,
            Latencies latencies,
            Latencies toStored,
            Latencies toSent) {}

    /** When notification-service stored a request's e-mail and when SMTP accepted it. */
    record Mailed(Instant stored, Instant sent) {}

    /** Submits requests at a steady rate and matches each with its e-mail's SMTP acceptance time. */
    private static MailRun requestToMail(Platform platform, Caller student, Caller classmate, int seconds, int rate)
            throws Exception {
        Map<String, Instant> submittedAt = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
        Map<Integer, Long> refusedWith = new java.util.concurrent.ConcurrentSkipListMap<>();
        student.token();
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(4);
        var executor = Executors.newVirtualThreadPerTaskExecutor();
        Instant from = Instant.now();
        var ticks = pacer.scheduleAtFixedRate(
                () -> executor.execute(() -> {
                    Instant at = Instant.now();
                    ApiResponse answer = submit(student, classmate);
                    if (answer.status() == 201) {
                        submittedAt.put(answer.text("/id"), at);
                    } else {
                        failures.incrementAndGet();
                        refusedWith.merge(answer.status(), 1L, Long::sum);
                    }
                }),
                0,
                1_000_000 / rate,
                TimeUnit.MICROSECONDS);
        Thread.sleep(Duration.ofSeconds(seconds));
        ticks.cancel(false);
        pacer.shutdown();
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);

        Map<String, Mailed> sentAt = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            sentAt = mailedSince(platform, from);
            if (sentAt.keySet().containsAll(submittedAt.keySet())) {
                break;
            }
            Thread.sleep(500);
        }
        Latencies latencies = new Latencies();
        Latencies toStored = new Latencies();
        Latencies toSent = new Latencies();
        int mailed = 0;
        for (Map.Entry<String, Instant> request : submittedAt.entrySet()) {
            Mailed mail = sentAt.get(request.getKey());
            if (mail != null) {
                mailed++;
                latencies.add(Duration.between(request.getValue(), mail.sent()).toNanos());
                toStored.add(Duration.between(request.getValue(), mail.stored()).toNanos());
                toSent.add(Duration.between(mail.stored(), mail.sent()).toNanos());
            }
        }
        return new MailRun(rate, submittedAt.size(), mailed, failures.get(), refusedWith, latencies, toStored, toSent);
    }

    /** Case id → when SMTP accepted its request-submitted e-mail (notification-service's own record). */
    private static Map<String, Mailed> mailedSince(Platform platform, Instant from) throws SQLException {
        String url = "jdbc:postgresql://localhost:" + platform.options().ports().postgres() + "/senim_notifications";
        Map<String, Mailed> sent = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, "senim", "senim");
                PreparedStatement query = connection.prepareStatement("""
                        select parameters ->> 'caseId', created_at, sent_at from notification
                        where channel = 'EMAIL' and template_key = 'request-submitted' and status = 'SENT'
                          and created_at >= ?
                        """)) {
            query.setTimestamp(1, Timestamp.from(from.minusSeconds(5)));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sent.put(
                            rows.getString(1),
                            new Mailed(
                                    rows.getTimestamp(2).toInstant(),
                                    rows.getTimestamp(3).toInstant()));
                }
            }
        }
        return sent;
    }

    private static ResidentMemory.Usage max(ResidentMemory.Usage a, ResidentMemory.Usage b) {
        return new ResidentMemory.Usage(Math.max(a.rss(), b.rss()), Math.max(a.pss(), b.pss()));
    }

    private static void report(
            Latencies directLatency,
            Latencies gatewayLatency,
            List<HttpLoad.Result> directRuns,
            List<HttpLoad.Result> gatewayRuns,
            MailRun mail,
            ProcessorTime.Interval mailCpu,
            OutboxLag lag,
            WritePath.Result writes,
            Map<String, ResidentMemory.Usage> atRest,
            Map<String, ResidentMemory.Usage> peak) {
        StringBuilder out = new StringBuilder("\n## Benchmark result\n\n");
        out.append(
                "GET /api/schools/{id} (membership-service, authenticated, database-backed), same token, same tool\n\n");
        out.append("| path | clients | requests | errors | req/s | p50 ms | p99 ms |\n|---|---|---|---|---|---|---|\n");
        out.append(row("direct", 1, directLatency.count(), 0, Double.NaN, directLatency));
        out.append(row("gateway", 1, gatewayLatency.count(), 0, Double.NaN, gatewayLatency));
        double directThroughput = 0;
        double gatewayThroughput = 0;
        for (int i = 0; i < directRuns.size(); i++) {
            HttpLoad.Result d = directRuns.get(i);
            HttpLoad.Result g = gatewayRuns.get(i);
            directThroughput += d.throughput() / directRuns.size();
            gatewayThroughput += g.throughput() / gatewayRuns.size();
            out.append(row("direct", d.workers(), d.requests(), d.errors(), d.throughput(), d.latencies()));
            out.append(row("gateway", g.workers(), g.requests(), g.errors(), g.throughput(), g.latencies()));
        }
        out.append(String.format(
                "%nGateway throughput / direct: %.2f (target ≥ 0.6)%n", gatewayThroughput / directThroughput));
        out.append(String.format(
                "Gateway-added p50 with one client: %.2f ms (target ≤ 1 ms); p99 %.2f ms%n",
                gatewayLatency.percentileMillis(50) - directLatency.percentileMillis(50),
                gatewayLatency.percentileMillis(99) - directLatency.percentileMillis(99)));
        out.append(String.format(
                "%nRequest submitted → e-mail accepted by SMTP, %d requests/s: %d submitted, %d mailed, %d refused%s;"
                        + " p50 %.0f ms, p99 %.0f ms (target p99 ≤ 500 ms)%n",
                mail.rate(),
                mail.submitted(),
                mail.mailed(),
                mail.failures(),
                mail.refusedWith().isEmpty() ? "" : " (status: count " + mail.refusedWith() + ")",
                mail.latencies().percentileMillis(50),
                mail.latencies().percentileMillis(99)));
        out.append(String.format(
                "  of which request → notification stored: p50 %.0f ms, p99 %.0f ms; stored → SMTP: p50 %.0f ms, p99 %.0f ms%n",
                mail.toStored().percentileMillis(50),
                mail.toStored().percentileMillis(99),
                mail.toSent().percentileMillis(50),
                mail.toSent().percentileMillis(99)));
        out.append(String.format(
                "%nCPU used from the first request until the last e-mail (%.1f ms per request sent, refused ones included):%n%n",
                mailCpu.total().toMillis() / (double) Math.max(1, mail.submitted() + mail.failures())));
        out.append(mailCpu.table(Runtime.getRuntime().availableProcessors()));
        out.append(String.format(
                "%nOutbox lag under that load (request-submitted, ce_time → read from senim.cases.v1, read committed):"
                        + " %d events, p50 %.0f ms, p99 %.0f ms (target p99 ≤ 100 ms)%n"
                        + "  of which ce_time → record made by case-service's producer: p50 %.0f ms, p99 %.0f ms;"
                        + " record made → read: p50 %.0f ms, p99 %.0f ms%s%n",
                lag.committedToRead().count(),
                lag.committedToRead().percentileMillis(50),
                lag.committedToRead().percentileMillis(99),
                lag.committedToProduced().percentileMillis(50),
                lag.committedToProduced().percentileMillis(99),
                lag.producedToRead().percentileMillis(50),
                lag.producedToRead().percentileMillis(99),
                lag.unreadable() == 0 ? "" : " (" + lag.unreadable() + " records without ce_time)"));
        out.append(String.format(
                "%nWrite path: %d clients submitting as fast as answered for %.0f s: %d submitted, %d refused, %.1f/s%n",
                WritePath.CLIENTS,
                writes.seconds(),
                writes.submitted(),
                writes.refused(),
                writes.submissionsPerSecond()));
        if (Double.isNaN(writes.pgbenchTps())) {
            out.append("  pgbench: not measured, " + writes.pgbench() + "\n");
        } else {
            out.append(String.format(
                    "  pgbench, one-row insert transaction, same PostgreSQL (%s): %.0f TPS;"
                            + " submissions / pgbench TPS: %.3f (target ≥ 0.2)%n",
                    writes.pgbench(), writes.pgbenchTps(), writes.ratio()));
        }
        out.append(
                "\n| process | RSS at rest | PSS at rest | RSS peak under load | PSS peak under load |\n|---|---|---|---|---|\n");
        long restRss = 0;
        long restPss = 0;
        long peakRss = 0;
        long peakPss = 0;
        for (var entry : atRest.entrySet()) {
            ResidentMemory.Usage rest = entry.getValue();
            ResidentMemory.Usage high = peak.getOrDefault(entry.getKey(), rest);
            restRss += rest.rss();
            restPss += rest.pss();
            peakRss += high.rss();
            peakPss += high.pss();
            out.append(String.format(
                    "| %s | %s | %s | %s | %s |%n",
                    entry.getKey(),
                    ResidentMemory.megabytes(rest.rss()),
                    ResidentMemory.megabytes(rest.pss()),
                    ResidentMemory.megabytes(high.rss()),
                    ResidentMemory.megabytes(high.pss())));
        }
        out.append(String.format(
                "| **total** | %s | %s | %s | %s |%n",
                ResidentMemory.megabytes(restRss),
                ResidentMemory.megabytes(restPss),
                ResidentMemory.megabytes(peakRss),
                ResidentMemory.megabytes(peakPss)));
        out.append("\n(The launcher row is the benchmark's own JVM: load tool and mail catcher.)\n");
        System.out.println(out);
    }

    private static String row(String path, int clients, long requests, long errors, double throughput, Latencies l) {
        return String.format(
                "| %s | %d | %d | %d | %s | %.2f | %.2f |%n",
                path,
                clients,
                requests,
                errors,
                Double.isNaN(throughput) ? "–" : String.format("%.0f", throughput),
                l.percentileMillis(50),
                l.percentileMillis(99));
    }

    private static int option(String[] args, String prefix, int fallback) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return Integer.parseInt(arg.substring(prefix.length()));
            }
        }
        return fallback;
    }
}
