package kz.senim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import kz.senim.test.ChildProcesses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's AOT cache (JEP 483, 514, 515) of each service of a kept local platform (decision 145): classes
 * read, parsed, linked and profiled once in a training run, mapped from a file at every later start.
 *
 * <p>Each service has a folder {@code <root>/<module>-<key>/}: the jar extracted the way Spring Boot documents
 * it ({@code -Djarmode=tools extract}: the application's jar and {@code lib/}, since the JDK caches only classes
 * of the class path, not of Spring Boot's nested jars) and the cache {@code app.aot}. The key is a digest of the
 * jar's entries (name, size, CRC), the JDK's version and home, and the services' JVM options: a rebuilt jar,
 * another JDK or other options gives another folder, the old one is deleted, and the service starts from its
 * jar until the new cache is trained. A training run is the service started once more beside the platform,
 * with the platform's environment, at the lowest CPU priority, ending once its Spring context is refreshed
 * ({@code -Dspring.context.exit=onRefresh}); the JVM writes the cache as it ends. Before JDK 25 there is no
 * {@code -XX:AOTCacheOutput}: nothing is extracted or trained and the services start as before.
 */
final class ServiceAotCache {

    /** The first JDK with one-step training ({@code -XX:AOTCacheOutput}, JEP 514). */
    static final int FIRST_JDK = 25;

    private static final Logger log = LoggerFactory.getLogger(ServiceAotCache.class);
    private static final String CACHE = "app.aot";
    private static final String FAILED = "training-failed";
    /** A training that takes longer is stopped and tried again at the next start (not written down as failed). */
    private static final Duration TRAINING_WITHIN = Duration.ofMinutes(30);
    /** The exit value {@link #run} gives for a process it stopped: not the process's own failure. */
    private static final int STOPPED = Integer.MIN_VALUE;

    private final Path root;
    private final List<String> jvmOptions;
    private volatile boolean stopping;
    private volatile Process training;

    private ServiceAotCache(Path root, List<String> jvmOptions) {
        this.root = root;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** The caches under {@code root} for services started with {@code jvmOptions}; empty before JDK 25. */
    static Optional<ServiceAotCache> forThisJdk(Path root, List<String> jvmOptions) {
        if (Runtime.version().feature() < FIRST_JDK) {
            return Optional.empty();
        }
        return Optional.of(new ServiceAotCache(root, jvmOptions));
    }

    /** How one service is started: extra JVM options and the jar to run. */
    record Launch(List<String> jvmOptions, Path jar, boolean cached) {}

    /** From the extracted jar with its cache when it is trained for this very jar, JDK and options; else the jar. */
    Launch launch(String module, Path jar) {
        Path folder = folder(module, jar);
        Path cache = folder.resolve(CACHE);
        Optional<Path> extracted = extractedJar(folder);
        if (Files.isRegularFile(cache) && extracted.isPresent()) {
            return new Launch(List.of("-XX:AOTCache=" + cache), extracted.get(), true);
        }
        return new Launch(List.of(), jar, false);
    }

    /**
     * Forgets the cache of a service that ended before it was ready when started with it: it is trained again
     * after this start, from its jar.
     */
    void discard(String module, Path jar) {
        Platform.deleteTree(folder(module, jar));
    }

    /** One service to train: its module, jar and environment (that of the running platform). */
    record Training(String module, Path jar, Map<String, String> environment) {}

    /**
     * Trains, one after the other at the lowest priority, each service without a cache for its jar, until
     * {@link #stop()}. A failed training is written down ({@code training-failed}, its log beside) and not
     * tried again for that jar; the service starts from its jar as before.
     *
     * @return the modules trained now
     */
    List<String> trainMissing(List<Training> services, Path logs) {
        List<String> trained = new ArrayList<>();
        for (Training service : services) {
            Path folder = folder(service.module(), service.jar());
            if (stopping) {
                break;
            }
            if (Files.isRegularFile(folder.resolve(CACHE)) || Files.exists(folder.resolve(FAILED))) {
                continue;
            }
            long started = System.nanoTime();
            try {
                deleteOtherKeys(service.module(), folder);
                if (train(service, folder, logs.resolve("aot-training-" + service.module() + ".log"))) {
                    trained.add(service.module());
                    log.info(
                            "AOT cache of {} trained in {} ms",
                            service.module(),
                            Duration.ofNanos(System.nanoTime() - started).toMillis());
                }
            } catch (Stopped e) {
                // tried again at the next start
            } catch (IOException | RuntimeException e) {
                if (!stopping) {
                    failed(folder, e.toString());
                }
            }
        }
        return trained;
    }

    /** Ends a training under way (the platform stops); what it had written is not kept. */
    void stop() {
        stopping = true;
        Process running = training;
        if (running != null) {
            ChildProcesses.stopTree(running.toHandle(), Duration.ofSeconds(5));
        }
    }

    private boolean train(Training service, Path folder, Path logFile) throws IOException {
        Path jar = extract(service, folder, logFile);
        Path output = folder.resolve(CACHE + ".tmp");
        Files.deleteIfExists(output);
        // the JDK's intermediate file, left behind by a training that was stopped
        Files.deleteIfExists(folder.resolve(CACHE + ".tmp.config"));
        List<String> command = new ArrayList<>(lowestPriority());
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-XX:AOTCacheOutput=" + output);
        command.add("-Dspring.context.exit=onRefresh");
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(key -> key.startsWith("SENIM_") || key.startsWith("SPRING_"));
        builder.environment().putAll(service.environment());
        // The refresh binds no port (the web server starts with the lifecycle, after it), but none is shared anyway.
        builder.environment().put("SERVER_PORT", "0");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        int exit = run(builder);
        if (exit != 0 || !Files.isRegularFile(output)) {
            if (exit == STOPPED) {
                log.info("The training of {} was stopped; it is tried again at the next start", service.module());
            } else if (!stopping) {
                failed(folder, "the training run failed (exit " + exit + "); its log: " + logFile);
            }
            Files.deleteIfExists(output);
            return false;
        }
        try {
            Files.move(output, folder.resolve(CACHE), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(output, folder.resolve(CACHE), StandardCopyOption.REPLACE_EXISTING);
        }
        return true;
    }

    /** The jar extracted into {@code folder/app} ({@code -Djarmode=tools extract}), once per key. */
    private Path extract(Training service, Path folder, Path logFile) throws IOException {
        Optional<Path> done = extractedJar(folder);
        if (done.isPresent()) {
            return done.get();
        }
        Path app = folder.resolve("app");
        Platform.deleteTree(app);
        Files.createDirectories(folder);
        Files.writeString(logFile, "");
        List<String> command = new ArrayList<>(lowestPriority());
        command.addAll(List.of(
                java(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Djarmode=tools",
                "-jar",
                service.jar().toString(),
                "extract",
                "--destination",
                app.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        int exit = run(builder);
        if (exit == STOPPED) {
            throw new Stopped();
        }
        if (exit != 0) {
            throw new IllegalStateException("extracting " + service.jar() + " failed; its log: " + logFile);
        }
        Files.writeString(folder.resolve("extracted"), service.jar().getFileName() + "\n");
        return extractedJar(folder)
                .orElseThrow(
                        () -> new IllegalStateException("no jar in " + app + " after extracting " + service.jar()));
    }

    private int run(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        training = process;
        try {
            if (stopping) {
                ChildProcesses.stopTree(process.toHandle(), Duration.ofSeconds(5));
            }
            if (!process.waitFor(TRAINING_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                log.info(
                        "A training step took more than {} min (a busy machine): stopped", TRAINING_WITHIN.toMinutes());
                ChildProcesses.stopTree(process.toHandle(), Duration.ofSeconds(5));
                return STOPPED;
            }
            return stopping ? STOPPED : process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ChildProcesses.stopTree(process.toHandle(), Duration.ofSeconds(5));
            return STOPPED;
        } finally {
            training = null;
        }
    }

    /** The extracted application jar, once the extraction finished (its marker written last). */
    private static Optional<Path> extractedJar(Path folder) {
        if (!Files.isRegularFile(folder.resolve("extracted"))) {
            return Optional.empty();
        }
        try {
            Path jar = folder.resolve("app")
                    .resolve(Files.readString(folder.resolve("extracted")).trim());
            return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void failed(Path folder, String why) {
        log.warn("No AOT cache for {} (it starts from its jar; delete the folder to try again): {}", folder, why);
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(FAILED), why + "\n");
        } catch (IOException e) {
            log.warn("Could not write down the failed training in {}: {}", folder, e.toString());
        }
    }

    /** Deletes the folders of this module made for other jars, JDKs or options. */
    private void deleteOtherKeys(String module, Path keep) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> folders = Files.list(root)) {
            for (Path other : folders.toList()) {
                String name = other.getFileName().toString();
                if (!other.equals(keep)
                        && name.startsWith(module + "-")
                        && name.substring(module.length() + 1).matches("[0-9a-f]{16}")) {
                    Platform.deleteTree(other);
                }
            }
        }
    }

    Path folder(String module, Path jar) {
        return root.resolve(module + "-" + key(jar));
    }

    /** A digest of the jar's entries (names, sizes, CRCs: its content without reading it all), JDK and options. */
    private String key(Path jar) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, Runtime.version().toString());
            update(digest, System.getProperty("java.vm.version", ""));
            update(digest, System.getProperty("java.home", ""));
            jvmOptions.forEach(option -> update(digest, option));
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    update(digest, entry.getName() + ' ' + entry.getSize() + ' ' + entry.getCrc());
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + jar, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A step stopped from outside (the platform stops, or it took too long): not a failure of the service. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private static void update(MessageDigest digest, String value) {
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code nice -n 19} where there is one: a training never takes CPU the platform or the developer wants. */
    private static List<String> lowestPriority() {
        for (String nice : List.of("/usr/bin/nice", "/bin/nice")) {
            if (Files.isExecutable(Path.of(nice))) {
                return List.of(nice, "-n", "19");
            }
        }
        return List.of();
    }
}
