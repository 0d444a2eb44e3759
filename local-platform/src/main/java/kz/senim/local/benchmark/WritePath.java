package kz.senim.local.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.senim.local.Platform;
import kz.senim.local.api.ApiResponse;
import kz.senim.local.api.Caller;

/**
 * How close the write path comes to what its PostgreSQL can do (issue 19, item 5): mediation requests submitted
 * through the gateway per second by {@value #CLIENTS} clients as fast as they are answered, against {@code
 * pgbench}'s transactions per second for a comparable one-row insert transaction (a row shaped like a small case:
 * an id, the school, 400 bytes, a time) with as many clients, on the same PostgreSQL, one after the other
 * in the same run. A submission does more than that one insert (the case's rows and its outbox event in one
 * transaction, besides the gateway, the token and the service), so the ratio says what the whole path makes of
 * the database's capacity. {@code pgbench} is the system's (Debian's {@code postgresql-client})
 * when installed; without it the ratio is not measured and the report says so.
 */
final class WritePath {

    static final int CLIENTS = 8;
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    /** Submissions per second through the gateway, pgbench's TPS (NaN without pgbench) and what was run. */
    record Result(long submitted, long refused, double seconds, double pgbenchTps, String pgbench) {

        double submissionsPerSecond() {
            return submitted / seconds;
        }

        double ratio() {
            return submissionsPerSecond() / pgbenchTps;
        }
    }

    private WritePath() {}

    static Result run(Platform platform, Caller student, Caller classmate, Duration duration)
            throws InterruptedException {
        AtomicLong submitted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        student.token();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < deadline) {
                    ApiResponse answer = PlatformBenchmark.submit(student, classmate);
                    (answer.status() == 201 ? submitted : refused).incrementAndGet();
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Optional<Path> pgbench = pgbench();
        if (pgbench.isEmpty()) {
            return new Result(
                    submitted.get(),
                    refused.get(),
                    seconds,
                    Double.NaN,
                    "no pgbench on this machine (Debian: apt-get install postgresql-client)");
        }
        return new Result(
                submitted.get(),
                refused.get(),
                seconds,
                pgbenchTps(platform, pgbench.get(), duration),
                pgbench.get() + " -c " + CLIENTS + " -j 2 -T " + duration.toSeconds());
    }

    /** {@code pgbench} on the PATH, else the newest under {@code /usr/lib/postgresql/<version>/bin}. */
    private static Optional<Path> pgbench() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir).resolve("pgbench");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(version -> version.resolve("bin").resolve("pgbench"))
                    .filter(Files::isExecutable)
                    .max(Path::compareTo);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static double pgbenchTps(Platform platform, Path pgbench, Duration duration) {
        int port = platform.options().ports().postgres();
        try {
            try (Connection connection = DriverManager.getConnection(
                            "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
                    Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists senim_pgbench");
                statement.execute("create database senim_pgbench");
            }
            try (Connection connection = DriverManager.getConnection(
                            "jdbc:postgresql://localhost:" + port + "/senim_pgbench", "postgres", "postgres");
                    Statement statement = connection.createStatement()) {
                statement.execute("""
                        create table submitted_case (
                            id uuid primary key, school_id text not null, sealed bytea not null,
                            submitted_at timestamptz not null)""");
                statement.execute("create index on submitted_case (school_id, submitted_at desc, id)");
            }
            Path script = Files.createTempFile("senim-pgbench-", ".sql");
            Files.writeString(script, """
                    insert into submitted_case values
                        (gen_random_uuid(), 'demo-gymnasium-1', convert_to(repeat('x', 400), 'UTF8'), now());
                    """);
            ProcessBuilder builder = new ProcessBuilder(
                            pgbench.toString(),
                            "-h",
                            "localhost",
                            "-p",
                            String.valueOf(port),
                            "-U",
                            "postgres",
                            "-n",
                            "-c",
                            String.valueOf(CLIENTS),
                            "-j",
                            "2",
                            "-T",
                            String.valueOf(duration.toSeconds()),
                            "-f",
                            script.toString(),
                            "senim_pgbench")
                    .redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", "postgres");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pgbench failed:\n" + output);
            }
            Files.deleteIfExists(script);
            Matcher tps = TPS.matcher(output);
            if (!tps.find()) {
                throw new IllegalStateException("no TPS in pgbench's output:\n" + output);
            }
            return Double.parseDouble(tps.group(1));
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("pgbench could not be run: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
