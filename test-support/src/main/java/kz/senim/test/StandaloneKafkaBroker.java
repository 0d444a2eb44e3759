package kz.senim.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real KRaft Kafka broker in a child JVM, on a fixed port, that a test can stop and start
 * again with its data intact: what "the broker is down" tests need. Built from the Kafka jars
 * already on the test classpath; the child is killed when the test JVM ends.
 */
public final class StandaloneKafkaBroker implements AutoCloseable {

    /**
     * How long formatting the storage or the broker's start may take. Both end as soon as they are done (about
     * 2 and 10 s on an idle machine); the ceiling is for a 2-core machine whose cores are busy with other
     * tests, where a niced JVM waited more than a minute for its format step (decision 151).
     */
    private static final Duration WITHIN = Duration.ofMinutes(10);

    /** How long a clean stop may take before the broker is killed (about 2 s on an idle machine). */
    public static final Duration CLEAN_STOP_WITHIN = Duration.ofSeconds(15);

    /**
     * How long a kept broker's shutdown hook leaves its owner to stop it: long enough for the owner to stop the
     * broker's clients first (a service is given 25 s), which a broker stopped under them would only slow down.
     */
    private static final Duration OWNER_STOPS_WITHIN = Duration.ofSeconds(40);

    private final int port;
    private final int controllerPort = SmtpServer.freePort();
    private final Path directory;
    private final Path config;
    private final List<String> jvmOptions;
    private Process process;

    private StandaloneKafkaBroker(int port, Path directory, List<String> jvmOptions) {
        this.port = port;
        this.directory = directory;
        this.jvmOptions = List.copyOf(jvmOptions);
        try {
            Files.createDirectories(directory);
            config = directory.resolve("server.properties");
            Files.writeString(config, """
                    process.roles=broker,controller
                    node.id=1
                    controller.quorum.voters=1@127.0.0.1:%2$d
                    listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                    advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                    controller.listener.names=CONTROLLER
                    listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                    inter.broker.listener.name=PLAINTEXT
                    log.dirs=%3$s
                    # as many as each service gives its own topic: a topic that a consumer's subscription creates
                    # before its producer starts would otherwise have fewer, unnoticed for minutes
                    num.partitions=3
                    auto.create.topics.enable=true
                    offsets.topic.replication.factor=1
                    offsets.topic.num.partitions=1
                    transaction.state.log.replication.factor=1
                    transaction.state.log.min.isr=1
                    transaction.state.log.num.partitions=3
                    share.coordinator.state.topic.replication.factor=1
                    share.coordinator.state.topic.min.isr=1
                    group.initial.rebalance.delay.ms=0
                    """.formatted(
                    port, controllerPort, directory.resolve("data").toString().replace('\\', '/')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Formats the storage and starts the broker; returns once it accepts connections. Its data is temporary, so
     * the broker is killed when the JVM ends.
     */
    public static StandaloneKafkaBroker start() {
        try {
            StandaloneKafkaBroker broker =
                    launch(SmtpServer.freePort(), Files.createTempDirectory("senim-kafka-"), List.of());
            AfterSpringShutdown.run("senim-standalone-kafka-stop", broker::close);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A broker on the given port, keeping its data in the given folder (formatted on first use). Its owner stops it
     * with {@link #shutDown} once the broker's clients are stopped; one that is still running
     * {@link #OWNER_STOPS_WITHIN} after the JVM began to end is stopped cleanly then, so that no broker outlives
     * its JVM and the next start on the data recovers nothing.
     */
    public static StandaloneKafkaBroker start(int port, Path directory) {
        return start(port, directory, List.of());
    }

    /** As {@link #start(int, Path)}, with {@code jvmOptions} added to the broker JVM's own. */
    public static StandaloneKafkaBroker start(int port, Path directory, List<String> jvmOptions) {
        StandaloneKafkaBroker broker = launch(port, directory, jvmOptions);
        AfterSpringShutdown.run("senim-standalone-kafka-stop", () -> {
            long deadline = System.nanoTime() + OWNER_STOPS_WITHIN.toNanos();
            while (broker.running() && System.nanoTime() < deadline) {
                sleep();
            }
            broker.shutDown(CLEAN_STOP_WITHIN);
        });
        return broker;
    }

    private static StandaloneKafkaBroker launch(int port, Path directory, List<String> jvmOptions) {
        StandaloneKafkaBroker broker = new StandaloneKafkaBroker(port, directory, jvmOptions);
        if (!Files.exists(directory.resolve("data").resolve("meta.properties"))) {
            broker.run(
                            "kafka.tools.StorageTool",
                            "format",
                            "-t",
                            UUID.randomUUID().toString(),
                            "-c",
                            broker.config.toString())
                    .waitFor(WITHIN, broker.directory.resolve("kafka.tools.StorageTool.log"));
        }
        broker.startAgain();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The broker's JVM while it runs. */
    public synchronized java.util.Optional<ProcessHandle> process() {
        return java.util.Optional.ofNullable(process).map(Process::toHandle);
    }

    /** Kills the broker: clients see a broker that does not answer at all. */
    public synchronized void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
            awaitPort(false);
        }
    }

    /**
     * Stops the broker as an operator would (SIGTERM): it closes its logs and leaves the controller cleanly, so
     * the next start on the same data skips the recovery of an unclean shutdown (measured on a 2-core machine:
     * the port open 4.3 s after the start instead of 13.6 s; the stop itself takes about 2 s). Forcibly after
     * {@code grace}. What a platform whose data is kept uses; {@link #stop()} is the crash a fault test wants.
     */
    public synchronized void shutDown(Duration grace) {
        if (process != null) {
            ChildProcesses.stopTree(process.toHandle(), grace);
            process = null;
            awaitPort(false);
        }
    }

    private synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts the broker again on the same port with the same data. */
    public synchronized void startAgain() {
        if (process == null) {
            process = run("kafka.Kafka", config.toString()).process;
            awaitPort(true);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Child run(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(
                "-Xms64m"); // grows as needed: a whole 384 MB heap from the start was mostly untouched (decision 136)
        command.add("-Xmx384m");
        command.add("-XX:+UseSerialGC");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath());
        command.add(mainClass);
        command.addAll(List.of(args));
        try {
            Process child = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve(mainClass + ".log").toFile())
                    .start();
            return new Child(child);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + mainClass, e);
        }
    }

    /**
     * The Kafka jars' classpath: the JVM's own, or, when running inside a tool that loads the project
     * in a class loader of its own (Maven's exec:java), that loader's jars.
     */
    private static String classpath() {
        List<String> entries = new ArrayList<>();
        for (ClassLoader loader = StandaloneKafkaBroker.class.getClassLoader();
                loader != null;
                loader = loader.getParent()) {
            if (loader instanceof java.net.URLClassLoader urls) {
                for (java.net.URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (java.net.URISyntaxException | IllegalArgumentException ignored) {
                        // not a file: nothing a child JVM could load
                    }
                }
            }
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(java.io.File.pathSeparator, entries);
    }

    private void awaitPort(boolean open) {
        Instant deadline = Instant.now().plus(WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (accepts() == open) {
                return;
            }
            if (open && process != null && !process.isAlive()) {
                throw new IllegalStateException("Standalone Kafka broker ended (exit " + process.exitValue()
                        + ") before it accepted connections; see " + directory.resolve("kafka.Kafka.log"));
            }
            sleep();
        }
        throw new IllegalStateException("Standalone Kafka broker did not " + (open ? "start" : "stop") + " within "
                + WITHIN.toMinutes() + " min; see logs in " + directory);
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Child(Process process) {
        void waitFor(Duration within, Path log) {
            try {
                if (!process.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(
                            "Kafka storage format did not end within " + within.toMinutes() + " min; see " + log);
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(
                            "Kafka storage format failed (exit " + process.exitValue() + "); see " + log);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
