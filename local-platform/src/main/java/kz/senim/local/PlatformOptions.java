package kz.senim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one local platform runs: where its data lives and whether it is kept, its ports, whether the
 * demo data is created, and anything extra for the services' environment.
 *
 * @param state folder for PostgreSQL, Kafka and Keycloak data and the logs
 * @param kept keep {@code state} when the platform stops (a developer's run) or delete it (a test run)
 * @param demoData create the demo data on the first start
 * @param environment extra {@code SENIM_*} variables for every service and the gateway
 * @param serviceJvmOptions JVM options of each service and the gateway
 * @param logsKeptIn where the logs of a platform whose state is not kept are moved when it stops (null:
 *     deleted with the rest)
 * @param aotCaches where the services' JDK AOT caches are kept and trained (null: none; decision 145)
 */
public record PlatformOptions(
        Path state,
        boolean kept,
        boolean demoData,
        Ports ports,
        Map<String, String> environment,
        List<String> serviceJvmOptions,
        Path logsKeptIn,
        Path aotCaches) {

    /** Options without AOT caches, as before decision 145. */
    public PlatformOptions(
            Path state,
            boolean kept,
            boolean demoData,
            Ports ports,
            Map<String, String> environment,
            List<String> serviceJvmOptions,
            Path logsKeptIn) {
        this(state, kept, demoData, ports, environment, serviceJvmOptions, logsKeptIn, null);
    }

    /**
     * Heap and collector per service, as in docker-compose.yml. The heap starts small and grows to what the
     * service uses: with the JVM's default start (a 64th of the machine's memory, so the whole 256 MB here) the
     * young generation alone is about 85 MB, every page of it touched after a few collections (decision 136).
     */
    public static final List<String> SERVICE_JVM = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k");

    /** The JIT's first tier (C1) only: {@link #withQuickStartJit()}. */
    private static final String QUICK_START_JIT = "-XX:TieredStopAtLevel=1";

    /** The ports of one platform. */
    public record Ports(
            int postgres,
            int kafka,
            int keycloak,
            int keycloakManagement,
            int smtp,
            int mailPage,
            int gateway,
            int cases,
            int membership,
            int training,
            int notifications,
            int analytics,
            int portal) {

        /** Fails, naming every port that is taken and by what part, before anything is started. */
        void requireFree() {
            Map<String, Integer> parts = new java.util.LinkedHashMap<>();
            parts.put("PostgreSQL", postgres);
            parts.put("Kafka", kafka);
            parts.put("Keycloak", keycloak);
            parts.put("Keycloak management", keycloakManagement);
            parts.put("SMTP (mail catcher)", smtp);
            parts.put("mail page", mailPage);
            parts.put("gateway", gateway);
            parts.put("case-service", cases);
            parts.put("membership-service", membership);
            parts.put("training-service", training);
            parts.put("notification-service", notifications);
            parts.put("analytics-service", analytics);
            parts.put("portal", portal);
            List<String> taken = new java.util.ArrayList<>();
            parts.forEach((part, port) -> {
                try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                } catch (IOException e) {
                    taken.add(port + " (" + part + ")");
                }
            });
            if (!taken.isEmpty()) {
                throw new IllegalStateException("These ports are in use by another program: " + String.join(", ", taken)
                        + ". Stop it (another ./run-local.sh, a PostgreSQL or Kafka of this machine) and start again.");
            }
        }

        /** The documented local ports (README): the services' own defaults. */
        public static Ports standard() {
            return new Ports(5432, 9092, 8180, 9180, 1025, 8025, 8080, 8081, 8082, 8083, 8084, 8085, 8090);
        }

        /** Free ports, for a platform that must not collide with anything (the end-to-end suite). */
        public static Ports free() {
            Set<Integer> taken = new HashSet<>();
            return new Ports(
                    free(taken),
                    free(taken),
                    free(taken),
                    free(taken),
                    free(taken),
                    free(taken),
                    free(taken),
                    free(taken),
                    free(taken),
                    free(taken),
                    free(taken),
                    free(taken),
                    free(taken));
        }

        private static int free(Set<Integer> taken) {
            while (true) {
                try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    int port = socket.getLocalPort();
                    if (taken.add(port)) {
                        return port;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * A developer's run: standard ports, data kept under {@code state}, the services' JIT limited to its first
     * tier ({@link #withQuickStartJit()}), and their AOT caches in {@code state/aot} ({@link #withAotCaches}).
     */
    public static PlatformOptions local(Path state, boolean demoData) {
        return new PlatformOptions(state, true, demoData, Ports.standard(), Map.of(), SERVICE_JVM, null)
                .withQuickStartJit()
                .withAotCaches(state.resolve("aot"));
    }

    /** A throw-away platform on free ports in a temporary folder, without demo data. */
    public static PlatformOptions ephemeral() {
        try {
            return new PlatformOptions(
                    Files.createTempDirectory("senim-platform-"),
                    false,
                    false,
                    Ports.free(),
                    Map.of(),
                    SERVICE_JVM,
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PlatformOptions withEnvironment(Map<String, String> extra) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(environment);
        merged.putAll(extra);
        return new PlatformOptions(
                state, kept, demoData, ports, Map.copyOf(merged), serviceJvmOptions, logsKeptIn, aotCaches);
    }

    /** Keeps the services' and Keycloak's logs in {@code folder} when the platform stops. */
    public PlatformOptions withLogsKeptIn(Path folder) {
        return new PlatformOptions(state, kept, demoData, ports, environment, serviceJvmOptions, folder, aotCaches);
    }

    /**
     * Limits the services' JIT to its first tier (C1), which starts them with much less CPU: for a platform
     * started often and never loaded hard — a developer's run and the end-to-end suites. The benchmark keeps
     * {@link #SERVICE_JVM} as it is, since it measures throughput.
     */
    public PlatformOptions withQuickStartJit() {
        List<String> jvm = new java.util.ArrayList<>(serviceJvmOptions);
        jvm.add(QUICK_START_JIT);
        return new PlatformOptions(state, kept, demoData, ports, environment, List.copyOf(jvm), logsKeptIn, aotCaches);
    }

    /**
     * The Kafka broker's JVM options beside its own: the first tier of the JIT when the services have it. A broker
     * of a platform that is never loaded hard starts on 3.6 CPU seconds instead of 5.7 (decision 160).
     */
    public List<String> kafkaJvmOptions() {
        return quickStartJit() ? List.of(QUICK_START_JIT) : List.of();
    }

    /**
     * Keycloak's JVM options beside its own: the first tier of the JIT for a developer's platform (quick-start JIT
     * and kept data), which then starts on about 8 CPU seconds instead of 13; a password sign-in takes about 140 ms
     * instead of 80. The end-to-end suites, which sign people in hundreds of times, keep Keycloak's full JIT
     * (decision 160).
     */
    public List<String> keycloakJvmOptions() {
        return quickStartJit() && kept ? List.of(QUICK_START_JIT) : List.of();
    }

    private boolean quickStartJit() {
        return serviceJvmOptions.contains(QUICK_START_JIT);
    }

    public PlatformOptions withDemoData(boolean demo) {
        return new PlatformOptions(state, kept, demo, ports, environment, serviceJvmOptions, logsKeptIn, aotCaches);
    }

    /**
     * Starts each service from its JDK AOT cache in {@code folder} when one is trained for its jar, this JDK and
     * these JVM options, and trains the missing ones in the background once the platform is ready
     * ({@link Platform#trainAotCaches()}; JDK 25 and later, decision 145). For a platform started again and
     * again on one machine: a training costs more CPU than one start saves, so throw-away platforms (the
     * end-to-end suites, the benchmark) go without.
     */
    public PlatformOptions withAotCaches(Path folder) {
        return new PlatformOptions(state, kept, demoData, ports, environment, serviceJvmOptions, logsKeptIn, folder);
    }
}
