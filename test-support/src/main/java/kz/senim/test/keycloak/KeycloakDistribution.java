package kz.senim.test.keycloak;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@code keycloak-quarkus-dist} zip and turns it, once per machine, into a ready
 * installation: unpacked and pre-built ({@code kc.sh build}) in a temporary directory, then renamed
 * into the cache, so an interrupted run never leaves a half-made cache behind.
 */
final class KeycloakDistribution {

    static final String ZIP_NAME = "keycloak-quarkus-dist-" + SenimKeycloak.VERSION + ".zip";

    /** Build-time options baked into the cached installation; runs use {@code start --optimized}. */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=true", "--cache=local");

    private static final Logger log = LoggerFactory.getLogger(KeycloakDistribution.class);
    private static final String READY_MARKER = ".senim-ready";

    private KeycloakDistribution() {}

    /** The cached, pre-built installation (made on first use). */
    static Path installation() {
        Path cache = cacheDir();
        if (Files.isRegularFile(cache.resolve(READY_MARKER))) {
            return cache;
        }
        try {
            Files.createDirectories(cache.getParent());
            Path lockFile = cache.getParent().resolve(cache.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (Files.isRegularFile(cache.resolve(READY_MARKER))) {
                    return cache;
                }
                prepare(zip(), cache);
                return cache;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the Keycloak installation in " + cache, e);
        }
    }

    static Path cacheDir() {
        String override = System.getProperty("senim.keycloak.cache");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "senim", "keycloak-" + SenimKeycloak.VERSION);
    }

    /** The zip: on the class path (a test-scoped zip dependency), else in the local Maven repository. */
    static Path zip() {
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.endsWith(ZIP_NAME) && Files.isRegularFile(Path.of(entry))) {
                return Path.of(entry);
            }
        }
        String repo = System.getProperty("maven.repo.local");
        Path repository = repo != null && !repo.isBlank()
                ? Path.of(repo)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        Path zip = repository.resolve(
                Path.of("org", "keycloak", "keycloak-quarkus-dist", SenimKeycloak.VERSION, ZIP_NAME));
        if (Files.isRegularFile(zip)) {
            return zip;
        }
        throw new IllegalStateException("The Keycloak distribution " + ZIP_NAME
                + " is neither on the class path nor at " + zip
                + ". Add the test-scoped dependency org.keycloak:keycloak-quarkus-dist:" + SenimKeycloak.VERSION
                + " (<type>zip</type>) to the module's pom, or run with a Docker engine.");
    }

    private static void prepare(Path zip, Path cache) throws IOException {
        long started = System.nanoTime();
        if (Files.exists(cache)) {
            // A cache without the marker is from an older, broken attempt.
            deleteTree(cache);
        }
        Path tmp = Files.createTempDirectory(cache.getParent(), cache.getFileName() + ".tmp-");
        try {
            unzip(zip, tmp);
            makeScriptsExecutable(tmp.resolve("bin"));
            build(tmp);
            Files.writeString(tmp.resolve(READY_MARKER), SenimKeycloak.VERSION + " " + BUILD_OPTIONS + "\n");
            try {
                Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(tmp, cache);
            }
            log.info(
                    "Keycloak {} unpacked and built into {} in {} ms",
                    SenimKeycloak.VERSION,
                    cache,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } finally {
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
        }
    }

    /** Unpacks the zip, dropping its single top-level folder ({@code keycloak-<version>/}). */
    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path out = target.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Zip entry outside the target folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, out);
                    }
                }
            }
        }
    }

    private static void makeScriptsExecutable(Path bin) throws IOException {
        try (Stream<Path> files = Files.list(bin)) {
            for (Path script : files.filter(f -> f.toString().endsWith(".sh")).toList()) {
                Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(script));
                permissions.addAll(Set.of(
                        PosixFilePermission.OWNER_EXECUTE,
                        PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE));
                Files.setPosixFilePermissions(script, permissions);
            }
        }
    }

    /** {@code kc.sh build} once, so every run can {@code start --optimized} (faster, and read-only here). */
    private static void build(Path home) throws IOException {
        Path logFile = home.resolve("build.log");
        ProcessBuilder builder = KeycloakProcess.command(home.resolve("bin").resolve("kc.sh"), "build");
        builder.command().addAll(BUILD_OPTIONS);
        builder.redirectErrorStream(true).redirectOutput(logFile.toFile());
        Process process = builder.start();
        try {
            // about 40 CPU seconds; the ceiling is for a machine whose two cores other test JVMs keep busy
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                KeycloakProcess.destroyTree(process.toHandle());
                throw new IllegalStateException(
                        "kc.sh build did not finish in 10 min:\n" + KeycloakProcess.tail(logFile));
            }
        } catch (InterruptedException e) {
            KeycloakProcess.destroyTree(process.toHandle());
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during kc.sh build", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    "kc.sh build failed (exit " + process.exitValue() + "):\n" + KeycloakProcess.tail(logFile));
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // Files.walk does not follow symbolic links: a link is deleted, never what it points at.
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", root, e.toString());
        }
    }
}
