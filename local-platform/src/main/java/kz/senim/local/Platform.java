package kz.senim.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import kz.senim.local.api.SenimApi;
import kz.senim.test.StandaloneKafkaBroker;
import kz.senim.test.keycloak.SenimKeycloak;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole of Senim on one machine without Docker: embedded PostgreSQL 17, a KRaft Kafka broker,
 * Keycloak from its distribution, an SMTP catcher, the gateway and the five services as child JVMs of
 * their built jars. {@link #start} returns when every part is ready; {@link #close} stops every
 * process it started (and a process ledger lets the next start stop what a killed run left behind).
 */
public final class Platform implements AutoCloseable {

    /** The services and the gateway: name (= Maven module), database. */
    private static final List<Service> SERVICES = List.of(
            new Service("case-service", "senim_cases"),
            new Service("membership-service", "senim_membership"),
            new Service("training-service", "senim_training"),
            new Service("notification-service", "senim_notifications"),
            new Service("analytics-service", "senim_analytics"),
            new Service("portal", null),
            new Service("gateway", null));

    private static final Logger log = LoggerFactory.getLogger(Platform.class);

    private final PlatformOptions options;
    private final ProcessLedger ledger;
    private final List<ServiceProcess> services = new ArrayList<>();
    /** Lets the gateway count the portal's anonymous calls per browser; new for every start. */
    private final String relaySecret = randomSecret();

    private EmbeddedPostgres postgres;
    private StandaloneKafkaBroker kafka;
    private Mailbox mailbox;
    private SenimKeycloak keycloak;
    private CompletableFuture<SenimKeycloak> keycloakStarting;
    private CompletableFuture<StandaloneKafkaBroker> kafkaStarting;
    /** The services' AOT caches (decision 145), null when not used. */
    private final ServiceAotCache aot;

    private final Map<String, Path> projectJars = new LinkedHashMap<>();
    private final List<String> fromAotCache = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private record Service(String module, String database) {}

    private Platform(PlatformOptions options) {
        this.options = options;
        this.ledger = new ProcessLedger(options.state().resolve("processes"));
        this.aot = options.aotCaches() == null
                ? null
                : ServiceAotCache.forThisJdk(options.aotCaches(), options.serviceJvmOptions())
                        .orElse(null);
    }

    /** Starts everything and waits until it is ready. On failure, stops what was started and throws. */
    public static Platform start(ProjectLayout project, PlatformOptions options) {
        Platform platform = new Platform(options);
        try {
            platform.startAll(project);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll(ProjectLayout project) {
        try {
            Files.createDirectories(options.state());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ledger.stopLeftovers();
        options.ports().requireFree();
        Map<String, Path> jars = projectJars;
        SERVICES.forEach(service -> jars.put(service.module(), project.jar(service.module())));
        PlatformOptions.Ports ports = options.ports();

        // Keycloak needs nothing else (its database is its own file) and is the longest to start; Kafka needs
        // nothing either: both start at once, beside PostgreSQL. The services start once PostgreSQL (Flyway
        // migrates at their start) and Kafka are ready.
        keycloakStarting = CompletableFuture.supplyAsync(
                () -> SenimKeycloak.startKept(
                        options.state().resolve("keycloak"),
                        "localhost",
                        ports.keycloak(),
                        ports.keycloakManagement(),
                        options.keycloakJvmOptions()),
                Platform::startThread);
        kafkaStarting = CompletableFuture.supplyAsync(
                () -> timed(
                        "Kafka",
                        () -> StandaloneKafkaBroker.start(
                                ports.kafka(), options.state().resolve("kafka"), options.kafkaJvmOptions())),
                Platform::startThread);
        step("PostgreSQL", () -> postgres = startPostgres(ports.postgres()));
        postmaster().ifPresent(pid -> ProcessHandle.of(pid).ifPresent(handle -> ledger.record("postgres", handle)));
        step("mail catcher", () -> mailbox = Mailbox.start(ports.smtp(), ports.mailPage()));
        kafka = join(kafkaStarting);
        kafka.process().ifPresent(handle -> ledger.record("kafka", handle));

        // The services fetch Keycloak's keys only when a token arrives: they start without waiting for it.
        Map<String, ServiceAotCache.Launch> launches = new LinkedHashMap<>();
        for (Service service : SERVICES) {
            ServiceAotCache.Launch launch = aot == null
                    ? new ServiceAotCache.Launch(List.of(), jars.get(service.module()), false)
                    : aot.launch(service.module(), jars.get(service.module()));
            launches.put(service.module(), launch);
            services.add(startService(service, launch));
            if (launch.cached()) {
                fromAotCache.add(service.module());
            }
        }
        if (aot != null) {
            log.info(
                    "Services started from their AOT cache (decision 145): {}",
                    fromAotCache.isEmpty() ? "none" : fromAotCache);
        }
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        // Each service is awaited on a thread of its own while Keycloak starts: one after another, their first
        // answers (each a cold code path) added about 2 s after the last of them was up.
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            int index = i;
            ready.add(CompletableFuture.runAsync(() -> awaitReady(index, launches, jars, http), Platform::startThread));
        }
        keycloak = join(keycloakStarting);
        keycloak.process().ifPresent(handle -> ledger.record("keycloak", handle));
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new))
                .exceptionally(failed -> null)
                .join();
        ready.forEach(Platform::join);
    }

    /**
     * Waits until the service at {@code index} is ready; one that ended when started from its AOT cache is started
     * once more from its jar, since a cache the JVM could not use must never keep the platform from starting.
     */
    private void awaitReady(
            int index, Map<String, ServiceAotCache.Launch> launches, Map<String, Path> jars, HttpClient http) {
        ServiceProcess service;
        synchronized (services) {
            service = services.get(index);
        }
        ServiceAotCache.Launch launch = launches.get(service.name());
        try {
            step(service.name(), () -> service.awaitReady(http));
        } catch (IllegalStateException e) {
            if (!launch.cached() || service.handle().isAlive() || closed) {
                throw e;
            }
            log.warn(
                    "{} ended when started from its AOT cache; starting it from its jar: {}",
                    service.name(),
                    e.getMessage().lines().findFirst().orElse(""));
            Service spec = SERVICES.stream()
                    .filter(s -> s.module().equals(service.name()))
                    .findFirst()
                    .orElseThrow();
            aot.discard(spec.module(), jars.get(spec.module()));
            ServiceProcess again =
                    startService(spec, new ServiceAotCache.Launch(List.of(), jars.get(spec.module()), false));
            synchronized (services) {
                fromAotCache.remove(spec.module());
                services.set(index, again);
            }
            step(again.name(), () -> again.awaitReady(http));
        }
    }

    private ServiceProcess startService(Service service, ServiceAotCache.Launch launch) {
        List<String> jvm = new ArrayList<>(options.serviceJvmOptions());
        jvm.addAll(launch.jvmOptions());
        ServiceProcess process = ServiceProcess.start(
                service.module(),
                launch.jar(),
                portOf(service.module()),
                environment(service),
                jvm,
                options.state().resolve("logs"));
        ledger.record(service.module(), process.handle());
        return process;
    }

    /**
     * Trains, in the background at the lowest priority, the AOT cache of every service that started without one
     * (decision 145); a next start uses them. Does nothing for a platform without AOT caches or before JDK 25.
     *
     * @return the modules trained, when the training ends
     */
    public CompletableFuture<List<String>> trainAotCaches() {
        if (aot == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<ServiceAotCache.Training> trainings = SERVICES.stream()
                .map(service -> new ServiceAotCache.Training(
                        service.module(), projectJars.get(service.module()), environment(service)))
                .toList();
        return CompletableFuture.supplyAsync(
                () -> aot.trainMissing(trainings, options.state().resolve("logs")), Platform::startThread);
    }

    /** The services started from their AOT cache this time (none without AOT caches). */
    public List<String> startedFromAotCache() {
        return List.copyOf(fromAotCache);
    }

    /** Whether this platform keeps and trains AOT caches: asked for, and the JDK has them (25 and later). */
    public boolean usesAotCaches() {
        return aot != null;
    }

    private static Thread startThread(Runnable task) {
        return Thread.ofPlatform().daemon().name("senim-start").start(task);
    }

    private static <T> T join(CompletableFuture<T> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static <T> T timed(String what, java.util.function.Supplier<T> action) {
        long started = System.nanoTime();
        T result = action.get();
        log.info(
                "{} ready in {} ms",
                what,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return result;
    }

    private static void step(String what, Runnable action) {
        long started = System.nanoTime();
        action.run();
        log.info(
                "{} ready in {} ms",
                what,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private int portOf(String module) {
        PlatformOptions.Ports ports = options.ports();
        return switch (module) {
            case "case-service" -> ports.cases();
            case "membership-service" -> ports.membership();
            case "training-service" -> ports.training();
            case "notification-service" -> ports.notifications();
            case "analytics-service" -> ports.analytics();
            case "portal" -> ports.portal();
            case "gateway" -> ports.gateway();
            default -> throw new IllegalArgumentException(module);
        };
    }

    /** The environment of one service: only {@code SENIM_*} variables (docs/operations.md). */
    private Map<String, String> environment(Service service) {
        PlatformOptions.Ports ports = options.ports();
        String keycloakUrl = keycloakUrl();
        Map<String, String> env = new LinkedHashMap<>();
        if (service.database() != null) {
            env.put("SENIM_DB_URL", "jdbc:postgresql://localhost:" + ports.postgres() + "/" + service.database());
            env.put("SENIM_DB_USER", "senim");
            env.put("SENIM_DB_PASSWORD", "senim");
        }
        env.put("SENIM_KAFKA_BOOTSTRAP", "127.0.0.1:" + ports.kafka());
        env.put("SENIM_ISSUER_URI", keycloakUrl + "/realms/" + SenimKeycloak.REALM);
        env.put("SENIM_JWK_SET_URI", keycloakUrl + "/realms/" + SenimKeycloak.REALM + "/protocol/openid-connect/certs");
        env.put("SENIM_KEYCLOAK_URL", keycloakUrl);
        env.put("SENIM_SMTP_HOST", "127.0.0.1");
        env.put("SENIM_SMTP_PORT", Integer.toString(ports.smtp()));
        env.put("SENIM_PORTAL_URL", gatewayUrl());
        env.put("SENIM_CASE_SERVICE_URL", "http://localhost:" + ports.cases());
        env.put("SENIM_MEMBERSHIP_SERVICE_URL", "http://localhost:" + ports.membership());
        env.put("SENIM_TRAINING_SERVICE_URL", "http://localhost:" + ports.training());
        env.put("SENIM_NOTIFICATION_SERVICE_URL", "http://localhost:" + ports.notifications());
        env.put("SENIM_ANALYTICS_SERVICE_URL", "http://localhost:" + ports.analytics());
        env.put("SENIM_PORTAL_SERVICE_URL", "http://localhost:" + ports.portal());
        env.put("SENIM_PORTAL_PUBLIC_URL", gatewayUrl());
        env.put("SENIM_GATEWAY_URL", gatewayUrl());
        env.put("SENIM_PORTAL_RELAY_SECRET", relaySecret);
        env.putAll(options.environment());
        return env;
    }

    private EmbeddedPostgres startPostgres(int port) {
        Path data = options.state().resolve("postgres");
        boolean fresh = !Files.exists(data.resolve("PG_VERSION"));
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200");
            if (!options.kept()) {
                // a throw-away database: durability buys nothing
                builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off");
            }
            EmbeddedPostgres started = builder.start();
            try (Connection c = DriverManager.getConnection(started.getJdbcUrl("postgres", "postgres"));
                    Statement s = c.createStatement()) {
                if (fresh) {
                    s.execute("create role senim login password 'senim'");
                }
                for (Service service : SERVICES) {
                    if (service.database() == null) {
                        continue;
                    }
                    try (ResultSet rs =
                            s.executeQuery("select 1 from pg_database where datname = '" + service.database() + "'")) {
                        if (!rs.next()) {
                            s.execute("create database " + service.database() + " owner senim");
                        }
                    }
                }
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start on port " + port, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the services' databases", e);
        }
    }

    private Optional<Long> postmaster() {
        try {
            return Optional.of(Long.parseLong(
                    Files.readAllLines(options.state().resolve("postgres").resolve("postmaster.pid"))
                            .getFirst()
                            .trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public PlatformOptions options() {
        return options;
    }

    public String gatewayUrl() {
        return "http://localhost:" + options.ports().gateway();
    }

    /** The portal, as browsers open it: through the gateway. */
    public String portalUrl() {
        return gatewayUrl() + "/";
    }

    public String keycloakUrl() {
        return "http://localhost:" + options.ports().keycloak();
    }

    public String mailPageUrl() {
        return "http://localhost:" + options.ports().mailPage();
    }

    public SenimKeycloak keycloak() {
        return keycloak;
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    /** A client of the public API through the gateway, with real tokens. */
    public SenimApi api() {
        return new SenimApi(gatewayUrl(), keycloak);
    }

    /** The services and the gateway, by module name. */
    public Map<String, ServiceProcess> services() {
        Map<String, ServiceProcess> byName = new LinkedHashMap<>();
        services.forEach(service -> byName.put(service.name(), service));
        return byName;
    }

    /** Every operating-system process of the platform (each with its children), by name. */
    public Map<String, ProcessHandle> processes() {
        Map<String, ProcessHandle> all = new LinkedHashMap<>();
        all.put("launcher (mail catcher)", ProcessHandle.current());
        postmaster().flatMap(ProcessHandle::of).ifPresent(handle -> all.put("postgres", handle));
        if (kafka != null) {
            kafka.process().ifPresent(handle -> all.put("kafka", handle));
        }
        if (keycloak != null) {
            keycloak.process().ifPresent(handle -> all.put("keycloak", handle));
        }
        services.forEach(service -> all.put(service.name(), service.handle()));
        return all;
    }

    /** Memory of each part: the launcher itself, and every other process with its children. */
    public Map<String, ResidentMemory.Usage> memory() {
        Map<String, ResidentMemory.Usage> usage = new LinkedHashMap<>();
        processes()
                .forEach((name, handle) -> usage.put(
                        name,
                        handle.equals(ProcessHandle.current())
                                ? ResidentMemory.of(handle)
                                : ResidentMemory.ofTree(handle)));
        return usage;
    }

    // --- Faults (the fault suite, kz.senim.local.faults): each one small, and undone by its counterpart. ---

    /** Kills a service or the gateway with SIGKILL, as a crash would. */
    public void killService(String module) {
        services().get(module).kill();
    }

    /** Starts a killed service again with the same command, and waits until it is ready. */
    public void startServiceAgain(String module) {
        ServiceProcess service = services().get(module);
        service.startAgain();
        ledger.record(module, service.handle());
        service.awaitReady(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1)
                .build());
    }

    /** SIGSTOP to the Kafka broker: it keeps its sockets open and answers nothing. */
    public void freezeKafka() {
        signal("STOP", kafka.process().orElseThrow());
    }

    public void thawKafka() {
        signal("CONT", kafka.process().orElseThrow());
    }

    /** SIGSTOP to every PostgreSQL process (the postmaster and each backend). */
    public void freezePostgres() {
        signal("STOP", postmaster().flatMap(ProcessHandle::of).orElseThrow());
    }

    public void thawPostgres() {
        signal("CONT", postmaster().flatMap(ProcessHandle::of).orElseThrow());
    }

    /** SMTP refuses connections until {@link #resumeSmtp()}; the mail caught so far is kept. */
    public void interruptSmtp() {
        mailbox.interruptSmtp();
    }

    public void resumeSmtp() {
        mailbox.resumeSmtp();
    }

    /** Stops Keycloak (its data kept) until {@link #startKeycloakAgain()}. */
    public synchronized void stopKeycloak() {
        keycloak.stop();
    }

    /** Starts Keycloak again on the same ports with the same data; returns when it is ready. */
    public synchronized void startKeycloakAgain() {
        PlatformOptions.Ports ports = options.ports();
        keycloak = SenimKeycloak.startKept(
                options.state().resolve("keycloak"),
                "localhost",
                ports.keycloak(),
                ports.keycloakManagement(),
                options.keycloakJvmOptions());
        keycloak.process().ifPresent(handle -> ledger.record("keycloak", handle));
    }

    /** Sends a signal to a process and all its descendants (the parent first when stopping, last when continuing). */
    private static void signal(String signal, ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        tree.addAll(root.descendants().toList());
        if (signal.equals("CONT")) {
            java.util.Collections.reverse(tree);
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        tree.forEach(handle -> command.add(Long.toString(handle.pid())));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the gateway and services (gracefully), then Keycloak, Kafka, PostgreSQL and the mail catcher. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (aot != null) {
            aot.stop();
        }
        // A start that failed half-way may have left Keycloak or Kafka starting: wait for them, then stop them.
        if (keycloak == null && keycloakStarting != null) {
            keycloak = keycloakStarting.exceptionally(failed -> null).join();
        }
        if (kafka == null && kafkaStarting != null) {
            kafka = kafkaStarting.exceptionally(failed -> null).join();
        }
        List<ServiceProcess> stopping = new ArrayList<>(services);
        java.util.Collections.reverse(stopping);
        stopping.parallelStream().forEach(ServiceProcess::stop);
        // Keycloak and Kafka stop side by side; both are given the time to stop cleanly, so that the next start on
        // kept data recovers nothing (Kafka after a kill: about 9 s more before it accepts connections).
        CompletableFuture<Void> kafkaStopping = CompletableFuture.runAsync(() -> quietly("Kafka", () -> {
            if (kafka != null) {
                kafka.shutDown(StandaloneKafkaBroker.CLEAN_STOP_WITHIN);
            }
        }));
        quietly("Keycloak", () -> {
            if (keycloak != null) {
                keycloak.stop();
            }
        });
        kafkaStopping.join();
        quietly("PostgreSQL", () -> {
            if (postgres != null) {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        quietly("mail catcher", () -> {
            if (mailbox != null) {
                mailbox.close();
            }
        });
        ledger.clear();
        if (!options.kept()) {
            keepLogs();
            deleteTree(options.state());
        }
    }

    private void keepLogs() {
        if (options.logsKeptIn() == null) {
            return;
        }
        try {
            Path into = Files.createDirectories(options.logsKeptIn());
            List<Path> logs = new ArrayList<>();
            if (Files.isDirectory(options.state().resolve("logs"))) {
                try (Stream<Path> files = Files.list(options.state().resolve("logs"))) {
                    logs.addAll(files.toList());
                }
            }
            logs.add(options.state().resolve("keycloak").resolve("keycloak.log"));
            logs.add(options.state().resolve("kafka").resolve("kafka.Kafka.log"));
            for (Path log : logs) {
                if (Files.exists(log)) {
                    Files.copy(log, into.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            log.warn("Could not keep the logs in {}: {}", options.logsKeptIn(), e.toString());
        }
    }

    private static void quietly(String what, Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            log.warn("Stopping {} failed: {}", what, e.toString());
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", root, e.toString());
        }
    }
}
