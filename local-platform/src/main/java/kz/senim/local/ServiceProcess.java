package kz.senim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.senim.test.ChildProcesses;

/**
 * One Spring Boot service of Senim as a child JVM: {@code java -jar}, configured only by {@code SENIM_*}
 * environment variables (docs/operations.md), its output in a log file, ready when its readiness probe
 * answers 200.
 */
public final class ServiceProcess {

    /**
     * How long a service may take to be ready, from its start. The services of a platform start together and are
     * awaited side by side (decision 160), so this is the whole budget of the last of them, on a 2-core machine where
     * the demo data check's platform starts niced beside the journeys' (it once needed more than 300 s); it ends as
     * soon as the service is ready.
     */
    private static final Duration READY_WITHIN = Duration.ofMinutes(10);

    private final String name;
    private final int port;
    private final Path logFile;
    /** The command and environment it was started with, to start it again the same way after a kill. */
    private final ProcessBuilder builder;

    private volatile Process process;

    private ServiceProcess(String name, int port, Path logFile, ProcessBuilder builder, Process process) {
        this.name = name;
        this.port = port;
        this.logFile = logFile;
        this.builder = builder;
        this.process = process;
    }

    static ServiceProcess start(
            String name, Path jar, int port, Map<String, String> environment, List<String> jvmOptions, Path logs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        // Only what we set: a developer's own SENIM_* variables must not reach a local run by accident.
        builder.environment().keySet().removeIf(key -> key.startsWith("SENIM_") || key.startsWith("SPRING_"));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        try {
            Files.createDirectories(logs);
            Path logFile = logs.resolve(name + ".log");
            builder.redirectErrorStream(true).redirectOutput(logFile.toFile());
            return new ServiceProcess(name, port, logFile, builder, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Waits until {@code /actuator/health/readiness} answers 200; fails at once if the JVM ends. */
    void awaitReady(HttpClient http) {
        URI readiness = URI.create(url() + "/actuator/health/readiness");
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with exit code " + process.exitValue() + "; its log "
                        + logFile + ":\n" + tail());
            }
            try {
                // A plain connect first: the HTTP client's attempt on a port nobody listens on yet costs the
                // launcher a few milliseconds of CPU, every 200 ms, for each of the services started together.
                if (listening()) {
                    HttpRequest request = HttpRequest.newBuilder(readiness)
                            .timeout(Duration.ofSeconds(2))
                            .build();
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    if (status == 200) {
                        return;
                    }
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            try {
                Thread.sleep(Duration.ofMillis(200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(
                name + " was not ready within " + READY_WITHIN.toSeconds() + " s; its log " + logFile + ":\n" + tail());
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Kills the JVM at once (SIGKILL): no shutdown hook, nothing drained — what a crash looks like. */
    public void kill() {
        Process running = process;
        running.descendants().forEach(ProcessHandle::destroyForcibly);
        running.destroyForcibly();
        try {
            running.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing " + name, e);
        }
    }

    /** Starts the JVM again with the same command and environment, its output appended to the same log. */
    public void startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + " again", e);
        }
    }

    /** Stops the JVM gracefully (SIGTERM: Spring drains requests), forcibly after a grace period. */
    void stop() {
        ChildProcesses.stopTree(process.toHandle(), Duration.ofSeconds(25));
    }

    private String tail() {
        return ChildProcesses.tail(logFile, 40);
    }
}
