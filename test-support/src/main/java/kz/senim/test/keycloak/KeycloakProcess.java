package kz.senim.test.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.senim.test.ChildProcesses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keycloak as a child process of the test JVM. Each JVM gets its own Keycloak home: a copy of
 * {@code bin/kc.sh}, symbolic links to the cached {@code lib}, {@code conf}, {@code themes} and
 * {@code providers}, and a fresh {@code data} folder (dev-file database, realm import, transaction
 * logs), so runs never see each other's state and the cached installation is never written to. The
 * database starts as a copy of the realm's {@link KeycloakDatabaseTemplate}, when there can be one.
 */
final class KeycloakProcess implements SenimKeycloak.Backend {

    private static final Logger log = LoggerFactory.getLogger(KeycloakProcess.class);
    private static final int LOG_TAIL_LINES = 60;

    /**
     * Extra JVM options for Keycloak, which runs on the tests' JDK. On JDK 24 and later Keycloak's
     * executor threads need {@code java.lang} opened for their thread-local reset, or they fail with an
     * {@code IllegalAccessError} (Keycloak's own log names this option); older JDKs accept it too. The
     * dev-file database's first connection may take longer than the pool's 5 s on a starved 2-core machine:
     * the pool then opened a second one on the still-locked file and Keycloak never became ready (seen in
     * an e2e run at a load of 40), so the pool waits up to a minute. Keycloak's G1 heap grows during the
     * start and stayed there at rest; a periodic collection when idle for a minute gives the unused part back
     * (decision 136).
     */
    static final String JAVA_OPTS_APPEND = "--add-opens=java.base/java.lang=ALL-UNNAMED"
            + " -Dquarkus.datasource.jdbc.acquisition-timeout=PT60S -XX:G1PeriodicGCInterval=60000";

    private final Process process;
    private final Path home;
    private final Path logFile;
    private final String baseUrl;

    private KeycloakProcess(Process process, Path home, Path logFile, String baseUrl) {
        this.process = process;
        this.home = home;
        this.logFile = logFile;
        this.baseUrl = baseUrl;
    }

    /** How often a Keycloak whose free port was taken before it could bind it is started again on others. */
    static final int PORT_ATTEMPTS = 3;

    /**
     * A Keycloak of this JVM on a throw-away home and free ports. A port found free is only free at that moment:
     * Keycloak binds it some ten seconds later, and meanwhile any program's outgoing connection may be given it
     * as its local port (seen in a fresh-clone build: "Port already bound", every Keycloak test of the module
     * failing). Then Keycloak is started again on other ports, up to {@value #PORT_ATTEMPTS} times.
     */
    static KeycloakProcess start(Path installation, Path realmFile) {
        for (int attempt = 1; ; attempt++) {
            Path home;
            int httpPort;
            int managementPort;
            try {
                home = Files.createTempDirectory("senim-keycloak-");
                httpPort = freePort();
                managementPort = freePort();
                while (managementPort == httpPort) {
                    managementPort = freePort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not prepare a Keycloak home", e);
            }
            try {
                return start(installation, realmFile, new Home(home, false, "127.0.0.1", httpPort, managementPort));
            } catch (IllegalStateException e) {
                if (attempt >= PORT_ATTEMPTS || !portTaken(e)) {
                    throw e;
                }
                log.warn(
                        "Keycloak could not bind port {} or {}, taken since it was found free; starting it again",
                        httpPort,
                        managementPort);
            }
        }
    }

    /** Whether a failed start says that a port was already bound (Keycloak's log tail is in the message). */
    static boolean portTaken(RuntimeException failure) {
        String message = String.valueOf(failure.getMessage());
        return message.contains("Port already bound") || message.contains("Address already in use");
    }

    /**
     * Where and how one Keycloak runs: its home, whether the home (with its dev-file database) is kept
     * when it stops, the host name its URLs use (the issuer of its tokens), its two ports, and JVM options
     * added to {@link #JAVA_OPTS_APPEND}.
     */
    record Home(Path directory, boolean kept, String host, int httpPort, int managementPort, List<String> jvmOptions) {

        Home(Path directory, boolean kept, String host, int httpPort, int managementPort) {
            this(directory, kept, host, httpPort, managementPort, List.of());
        }
    }

    static KeycloakProcess start(Path installation, Path realmFile, Home layout) {
        return start(installation, realmFile, layout, true);
    }

    /** A Keycloak on an empty, kept home with the realm imported by itself: what a database template is made of. */
    private static KeycloakProcess startImporting(Path installation, Path realmFile, Path home) {
        try {
            int httpPort = freePort();
            int managementPort = freePort();
            while (managementPort == httpPort) {
                managementPort = freePort();
            }
            return start(installation, realmFile, new Home(home, true, "127.0.0.1", httpPort, managementPort), false);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find free ports for Keycloak", e);
        }
    }

    private static KeycloakProcess start(Path installation, Path realmFile, Home layout, boolean fromTemplate) {
        Path home = layout.directory();
        Path cleanUpHome = layout.kept() ? null : home;
        Process process = null;
        try {
            Path kcSh = prepareHome(home, installation, realmFile);
            if (fromTemplate) {
                KeycloakDatabaseTemplate.copyInto(
                        home, installation, realmFile, empty -> startImporting(installation, realmFile, empty));
            }
            Path imports = Files.createDirectories(home.resolve("data").resolve("import"));
            Files.copy(realmFile, imports.resolve("senim-realm.json"), StandardCopyOption.REPLACE_EXISTING);

            String baseUrl = "http://" + layout.host() + ":" + layout.httpPort();
            Path logFile = layout.kept() ? home.resolve("keycloak.log") : logFile();
            ProcessBuilder builder = command(
                    kcSh,
                    "start",
                    "--optimized",
                    // Runtime in 26.x: without it Keycloak clusters (JGroups on port 7800, JDBC_PING).
                    "--cache=local",
                    "--http-enabled=true",
                    "--hostname-strict=false",
                    "--http-host=127.0.0.1",
                    "--http-port=" + layout.httpPort(),
                    "--http-management-port=" + layout.managementPort(),
                    "--import-realm");
            if (!layout.jvmOptions().isEmpty()) {
                builder.environment()
                        .put("JAVA_OPTS_APPEND", JAVA_OPTS_APPEND + " " + String.join(" ", layout.jvmOptions()));
            }
            builder.directory(home.toFile()).redirectErrorStream(true).redirectOutput(logFile.toFile());
            log.info(
                    "Starting Keycloak {} from {} (home {}, log {})",
                    SenimKeycloak.VERSION,
                    installation,
                    home,
                    logFile);
            process = startRetryingBusyScript(builder);
            KeycloakProcess keycloak = new KeycloakProcess(process, cleanUpHome, logFile, baseUrl);
            // At once, not after start-up: a JVM ended while Keycloak starts must not leave it running.
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::stop, "senim-keycloak-stop"));
            keycloak.awaitReady(URI.create("http://127.0.0.1:" + layout.managementPort() + "/health/ready"));
            return keycloak;
        } catch (IOException e) {
            cleanUp(process, cleanUpHome);
            throw new UncheckedIOException("Could not start Keycloak", e);
        } catch (RuntimeException e) {
            cleanUp(process, cleanUpHome);
            throw e;
        }
    }

    /**
     * Lays out a Keycloak home: its own copy of {@code kc.sh}, links to the installation's folders and the
     * project's themes. A kept home is laid out again on every start (the second start of a platform's Keycloak,
     * or Keycloak started again after a stop): its {@code themes} is then a real folder of links and copies from
     * the start before, removed without following a link, so the installation is never touched.
     */
    static Path prepareHome(Path home, Path installation, Path realmFile) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Path kcSh = home.resolve("bin").resolve("kc.sh");
        Files.copy(installation.resolve("bin").resolve("kc.sh"), kcSh, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(kcSh, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String dir : List.of("lib", "conf", "themes", "providers")) {
            Path link = home.resolve(dir);
            KeycloakDistribution.deleteTree(link);
            Files.createSymbolicLink(link, installation.resolve(dir));
        }
        addProjectThemes(home, installation, realmFile);
        return kcSh;
    }

    /**
     * The project's own themes ({@code keycloak/themes/} beside the realm file, e.g. the {@code senim} login
     * theme the realm names): the home's {@code themes} becomes a folder of links to the installation's
     * entries plus a fresh copy of each project theme, so a kept home always has the current one.
     */
    private static void addProjectThemes(Path home, Path installation, Path realmFile) throws IOException {
        Path projectThemes = realmFile.toAbsolutePath().getParent().resolve("themes");
        if (!Files.isDirectory(projectThemes)) {
            return;
        }
        Path themes = home.resolve("themes");
        if (Files.isSymbolicLink(themes)) {
            Files.delete(themes);
        }
        Files.createDirectories(themes);
        try (var installed = Files.list(installation.resolve("themes"))) {
            for (Path entry : installed.toList()) {
                Path link = themes.resolve(entry.getFileName().toString());
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, entry);
                }
            }
        }
        try (var own = Files.walk(projectThemes)) {
            for (Path source : own.toList()) {
                Path target = themes.resolve(projectThemes.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * Starts {@code kc.sh}, which was copied into the home just before. When another thread of this JVM forks a
     * process at that moment, the child briefly inherits the copy's open file and exec answers "Text file busy"
     * (ETXTBSY; seen in an e2e run that starts several processes at once): wait a moment and try again.
     */
    private static Process startRetryingBusyScript(ProcessBuilder builder) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return builder.start();
            } catch (IOException e) {
                if (attempt >= 10 || !String.valueOf(e.getMessage()).contains("Text file busy")) {
                    throw e;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The operating-system process of Keycloak (kc.sh; its Java is a child). */
    ProcessHandle process() {
        return process.toHandle();
    }

    /** A {@code kc.sh} command with the test JVM as Keycloak's Java and no inherited Keycloak settings. */
    static ProcessBuilder command(Path kcSh, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(kcSh.toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS") || name.equals("JAVA"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_APPEND", JAVA_OPTS_APPEND);
        return builder;
    }

    private void awaitReady(URI health) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI wellKnown = URI.create(baseUrl + "/realms/" + SenimKeycloak.REALM + "/.well-known/openid-configuration");
        URI keys = URI.create(baseUrl + "/realms/" + SenimKeycloak.REALM + "/protocol/openid-connect/certs");
        long deadline = System.nanoTime() + SenimKeycloak.STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " during start-up; log " + logFile + ":\n" + tail(logFile));
            }
            // The key set too: a service's first token check fetches it, and a Keycloak that has just started
            // once took longer than that fetch's read time-out to answer it (a 500 in a test under load).
            if (answers200(http, health) && answers200(http, wellKnown) && answers200(http, keys)) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
        }
        throw new IllegalStateException("Keycloak was not ready within " + SenimKeycloak.STARTUP_TIMEOUT.toSeconds()
                + " s (" + health + "); log " + logFile + ":\n" + tail(logFile));
    }

    private static boolean answers200(HttpClient http, URI uri) {
        try {
            HttpRequest request =
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void stop() {
        cleanUp(process, home);
    }

    private static void cleanUp(Process process, Path home) {
        if (process != null) {
            destroyTree(process.toHandle());
        }
        if (home != null) {
            KeycloakDistribution.deleteTree(home);
        }
    }

    static void destroyTree(ProcessHandle root) {
        ChildProcesses.stopTree(root, Duration.ofSeconds(15));
    }

    static String tail(Path file) {
        return ChildProcesses.tail(file, LOG_TAIL_LINES);
    }

    /** {@code target/senim-keycloak.log} when run from a Maven module, else a temporary file. */
    private static Path logFile() throws IOException {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            return target.resolve("senim-keycloak.log").toAbsolutePath();
        }
        return Files.createTempFile("senim-keycloak-", ".log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
