package kz.senim.local.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kz.senim.local.Platform;
import kz.senim.local.PlatformOptions;
import kz.senim.local.ProjectLayout;
import kz.senim.local.api.Caller;
import kz.senim.local.api.SenimApi;
import kz.senim.local.demo.DemoData;
import kz.senim.test.keycloak.SenimKeycloak;

/**
 * {@code ./run-faults.sh}: starts a platform of its own (free ports, throw-away data), puts it under a steady
 * load of mediation requests through the gateway with real Keycloak tokens ({@value #PER_SECOND}/s from five
 * users, each request with its own {@code Idempotency-Key}, a {@link CarefulClient careful client}), injects
 * the faults of issue 18 one after another with a pause between, and prints (and writes to a file) a table
 * per fault and the totals: accepted, lost and doubled cases, events on the topics, e-mails.
 * docs/reliability.md defines every figure.
 *
 * <p>Options: {@code --kafka=30 --notification=15 --cases=10 --smtp=45 --postgres=10 --keycloak=60} (seconds
 * each fault lasts; 0 leaves it out), {@code --pause=20} (seconds between faults), {@code --warm-up=20},
 * {@code --quick} (every fault 5 s, pauses 15 s), {@code --out=FILE} (default
 * {@code target/faults/faults-<time>.md}). {@code --restore} runs the backup-and-restore check instead
 * ({@link RestoreCheck}).
 */
public final class FaultSuite {

    static final int PER_SECOND = 4;
    static final String SCHOOL = "demo-gymnasium-1";
    /** The five users of the load (students, a teacher, a parent: who may submit a mediation request). */
    static final List<String> USERS =
            List.of("student1.gym1", "student2.gym1", "mediator1.gym1", "teacher.gym1", "parent.gym1");

    private final Platform platform;
    private final List<Phase> phases = new CopyOnWriteArrayList<>();
    private final List<CarefulClient.Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger phase = new AtomicInteger();

    /** A part of the run: before the faults, or one fault from its injection to the next one. */
    static final class Phase {
        final String name;
        final Duration planned;
        volatile Instant injected;
        volatile Instant relaunched;
        volatile Instant lifted;
        volatile String note = "";

        Phase(String name, Duration planned) {
            this.name = name;
            this.planned = planned;
        }
    }

    /** A fault: what injects it, what lifts it (returning when the part is back), checks while it lasts. */
    record Fault(String name, Duration lasts, Runnable inject, Runnable lift, Checks whileOn) {}

    @FunctionalInterface
    interface Checks {
        String run(Phase phase) throws Exception;
    }

    private FaultSuite(Platform platform) {
        this.platform = platform;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--restore")) {
            RestoreCheck.main(args);
            return;
        }
        boolean quick = List.of(args).contains("--quick");
        int pause = option(args, "--pause=", quick ? 15 : 20);
        int warmUp = option(args, "--warm-up=", quick ? 10 : 20);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        Path out = Path.of(stringOption(args, "--out=", "target/faults/faults-" + stamp + ".md"))
                .toAbsolutePath();
        String load = loadAverage();
        long started = System.nanoTime();
        PlatformOptions options = PlatformOptions.ephemeral()
                .withEnvironment(Map.of(
                        "SENIM_RATE_LIMIT_USER_PER_SECOND", "1000000",
                        "SENIM_RATE_LIMIT_USER_BURST", "1000000"))
                .withLogsKeptIn(Path.of("target", "fault-logs", stamp).toAbsolutePath());
        int exit = 1;
        try (Platform platform = Platform.start(ProjectLayout.find(), options)) {
            System.out.printf("Platform ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
            FaultSuite suite = new FaultSuite(platform);
            List<Fault> faults = suite.faults(
                    seconds(args, "--kafka=", quick ? 5 : 30),
                    seconds(args, "--notification=", quick ? 5 : 15),
                    seconds(args, "--cases=", quick ? 5 : 10),
                    seconds(args, "--smtp=", quick ? 5 : 45),
                    seconds(args, "--postgres=", quick ? 5 : 10),
                    seconds(args, "--keycloak=", quick ? 5 : 60));
            Findings findings = suite.run(faults, Duration.ofSeconds(warmUp), Duration.ofSeconds(pause));
            String report = findings.report(load, loadAverage());
            System.out.println(report);
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println("Written to " + out);
            exit = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            // the load's threads must not keep the JVM alive after a failure
            System.exit(exit);
        }
    }

    private List<Fault> faults(
            Duration kafka,
            Duration notifications,
            Duration cases,
            Duration smtp,
            Duration postgres,
            Duration keycloak) {
        List<Fault> all = new ArrayList<>();
        all.add(new Fault("Kafka broker frozen", kafka, platform::freezeKafka, platform::thawKafka, null));
        all.add(new Fault(
                "notification-service killed",
                notifications,
                () -> platform.killService("notification-service"),
                () -> platform.startServiceAgain("notification-service"),
                null));
        all.add(new Fault(
                "case-service killed",
                cases,
                () -> platform.killService("case-service"),
                () -> platform.startServiceAgain("case-service"),
                null));
        all.add(new Fault("SMTP unreachable", smtp, platform::interruptSmtp, platform::resumeSmtp, null));
        all.add(new Fault(
                "PostgreSQL frozen (every process)", postgres, platform::freezePostgres, platform::thawPostgres, null));
        all.add(new Fault(
                "Keycloak down",
                keycloak,
                platform::stopKeycloak,
                platform::startKeycloakAgain,
                this::signInWhileKeycloakIsDown));
        return all.stream().filter(fault -> !fault.lasts().isZero()).toList();
    }

    private Findings run(List<Fault> faults, Duration warmUp, Duration pause) throws Exception {
        SenimApi api = platform.api();
        List<Caller> callers = USERS.stream().map(api::as).toList();
        DemoData.registerFirstSchoolWithItsPeople(api);
        List<String> parties = List.of(callers.get(0).userId(), callers.get(1).userId());
        CarefulClient client = new CarefulClient(phase::get);
        // case-service learns the directory from membership's events: one accepted request per user first
        for (Caller caller : callers) {
            awaitAccepted(client, caller, parties);
        }

        phases.add(new Phase("steady load, no fault", warmUp));
        phases.getFirst().injected = Instant.now();
        Instant loadStarted = Instant.now();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
        AtomicInteger next = new AtomicInteger();
        ScheduledFuture<?> ticks = pacer.scheduleAtFixedRate(
                () -> {
                    int user = next.getAndIncrement() % callers.size();
                    CarefulClient.Request request = new CarefulClient.Request(USERS.get(user), phase.get());
                    requests.add(request);
                    senders.execute(() -> client.submit(request, callers.get(user), parties));
                },
                0,
                1_000_000 / PER_SECOND,
                TimeUnit.MICROSECONDS);
        List<Double> loadSamples = new CopyOnWriteArrayList<>();
        ScheduledFuture<?> sampling = pacer.scheduleAtFixedRate(
                () -> {
                    try {
                        loadSamples.add(Double.parseDouble(loadAverage().split(" ")[0]));
                    } catch (NumberFormatException ignored) {
                        // no load average on this system
                    }
                },
                0,
                15,
                TimeUnit.SECONDS);
        Thread.sleep(warmUp);
        for (Fault fault : faults) {
            Phase current = new Phase(fault.name(), fault.lasts());
            if (fault.name().startsWith("Keycloak")) {
                // people signed in just before: their tokens (300 s) outlive the outage
                callers.forEach(Caller::relogin);
            }
            phases.add(current);
            current.injected = Instant.now();
            phase.set(phases.size() - 1);
            System.out.printf(
                    "%s: %s for %d s%n",
                    current.injected, fault.name(), fault.lasts().toSeconds());
            fault.inject().run();
            Instant liftAt = current.injected.plus(fault.lasts());
            if (fault.whileOn() != null) {
                current.note = fault.whileOn().run(current);
            }
            sleepUntil(liftAt);
            current.relaunched = Instant.now();
            try {
                fault.lift().run();
            } catch (RuntimeException e) {
                // reported, not hidden: the rest of the run and its totals still tell what happened
                current.note += " LIFT FAILED: " + e;
                System.out.println(fault.name() + ": the lift failed: " + e);
                e.printStackTrace(System.out);
            }
            current.lifted = Instant.now();
            System.out.printf(
                    "%s: lifted (%.1f s after the lift began)%n",
                    current.lifted,
                    Duration.between(current.relaunched, current.lifted).toMillis() / 1000.0);
            if (fault.name().startsWith("Keycloak")) {
                current.note += signInAfterKeycloakIsBack(current);
            }
            Thread.sleep(pause);
        }
        ticks.cancel(false);
        sampling.cancel(false);
        pacer.shutdown();
        senders.shutdown();
        Instant loadEnded = Instant.now();
        if (!senders.awaitTermination(CarefulClient.PATIENCE.toSeconds() + 30, TimeUnit.SECONDS)) {
            System.out.println("Some requests were still being retried when the suite stopped waiting");
        }
        System.out.printf("%s: load stopped (%d requests); waiting for the e-mails%n", loadEnded, requests.size());
        Findings findings = new Findings(platform, phases, requests, loadStarted, loadEnded);
        findings.loadSamples.addAll(loadSamples);
        findings.collect(callers.stream().map(Caller::userId).toList());
        return findings;
    }

    private static void awaitAccepted(CarefulClient client, Caller caller, List<String> parties)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            CarefulClient.Request request = new CarefulClient.Request(caller.username(), -1);
            client.submit(request, caller, parties);
            if (request.accepted()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(caller.username() + " could not submit a request: "
                        + request.finalStatus + " " + request.attempts);
            }
            Thread.sleep(500);
        }
    }

    /**
     * While Keycloak is down, someone not signed in opens the portal's sign-in: a kind 503 page with
     * {@code Retry-After}, no stack trace. (The portal remembers Keycloak's answer for 5 s: asked after 7 s.)
     */
    private String signInWhileKeycloakIsDown(Phase phase) throws Exception {
        Thread.sleep(Duration.ofSeconds(7));
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/oauth2/authorization/keycloak"))
                        .header("Accept", "text/html")
                        .header("Accept-Language", "kk")
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String contentType = answer.headers().firstValue("Content-Type").orElse("");
        String retryAfter = answer.headers().firstValue("Retry-After").orElse(null);
        boolean trace = answer.body().contains("Exception")
                || answer.body().contains("\tat ")
                || answer.body().contains("Whitelabel");
        boolean kind =
                answer.statusCode() == 503 && contentType.startsWith("text/html") && retryAfter != null && !trace;
        return "new sign-in while down: " + answer.statusCode() + " " + contentType.replace(";charset=UTF-8", "")
                + (retryAfter == null ? ", no Retry-After" : ", Retry-After " + retryAfter)
                + (trace ? ", STACK TRACE" : "") + (kind ? " (kind page)" : " (NOT the kind page)");
    }

    /** Once Keycloak is back, a new sign-in works again. */
    private String signInAfterKeycloakIsBack(Phase phase) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try {
                platform.api().keycloak().freshPasswordToken("coordinator.gym1", SenimKeycloak.DEMO_PASSWORD);
                return String.format(
                        "; new sign-in works %.1f s after Keycloak is ready",
                        Duration.between(phase.lifted, Instant.now()).toMillis() / 1000.0);
            } catch (RuntimeException e) {
                if (Instant.now().isAfter(deadline)) {
                    return "; new sign-in still FAILS 60 s after Keycloak is ready: " + e.getMessage();
                }
                sleepQuietly(Duration.ofMillis(250));
            }
        }
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        Duration left = Duration.between(Instant.now(), when);
        if (!left.isNegative()) {
            Thread.sleep(left);
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code uptime}'s load averages (1, 5, 15 minutes). */
    static String loadAverage() {
        try {
            return String.join(
                    " ",
                    List.of(Files.readString(Path.of("/proc/loadavg")).trim().split(" "))
                            .subList(0, 3));
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static Duration seconds(String[] args, String prefix, int fallback) {
        return Duration.ofSeconds(option(args, prefix, fallback));
    }

    static int option(String[] args, String prefix, int fallback) {
        return Integer.parseInt(stringOption(args, prefix, Integer.toString(fallback)));
    }

    static String stringOption(String[] args, String prefix, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return fallback;
    }
}
