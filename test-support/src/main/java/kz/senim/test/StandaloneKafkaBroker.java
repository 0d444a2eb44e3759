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

    private final int port;
    private final int controllerPort = SmtpServer.freePort();
    private final Path directory;
    private final Path config;
    private Process process;

    private StandaloneKafkaBroker(int port, Path directory) {
        this.port = port;
        this.directory = directory;
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

    /** Formats the storage and starts the broker; returns once it accepts connections. */
    public static StandaloneKafkaBroker start() {
        try {
            return start(SmtpServer.freePort(), Files.createTempDirectory("senim-kafka-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broker on the given port, keeping its data in the given folder (formatted on first use). */
    public static StandaloneKafkaBroker start(int port, Path directory) {
        StandaloneKafkaBroker broker = new StandaloneKafkaBroker(port, directory);
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
        AfterSpringShutdown.run("senim-standalone-kafka-stop", broker::close);
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
