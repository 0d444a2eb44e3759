package kz.senim.test.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keycloak's dev-file database right after the realm import, cached beside the installation so that a
 * Keycloak of a later test JVM (or a first {@code ./run-local.sh}) starts from a copy instead of creating
 * the schema and importing the realm again: that part was about half of a start (36 s against 10–19 s on
 * a quiet 2-core machine, more under load), and a build starts Keycloak five times (docs/decisions.md).
 *
 * <p>The template is made once per realm: a Keycloak started on an empty home imports the realm, is
 * stopped politely (so H2 closes its file), and its {@code data/h2} folder is moved into the cache
 * atomically, under a file lock so that parallel JVMs wait for one another instead of each making one.
 * Its name is a digest of the Keycloak version, the build options, the realm file and the values of the
 * environment variables or system properties the realm file's {@code ${NAME}} placeholders can refer to
 * (Keycloak substitutes them at import), so a changed realm never starts from a stale database. Every
 * run works on its own copy; the template is never opened by a Keycloak.
 */
final class KeycloakDatabaseTemplate {

    private static final Logger log = LoggerFactory.getLogger(KeycloakDatabaseTemplate.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(?::[^}]*)?}");
    private static final String DATABASE_FILE = "keycloakdb.mv.db";

    /** System property that turns the template off (every Keycloak then imports the realm itself). */
    static final String DISABLED_PROPERTY = "senim.keycloak.database-template";

    private KeycloakDatabaseTemplate() {}

    /**
     * Copies the realm's template database into {@code home/data/h2}, making the template first if there
     * is none yet; returns whether the home now holds a database. Nothing is copied into a home that has a
     * database already (a kept {@code ./run-local.sh} home), and any failure only costs the time saved: the
     * Keycloak then imports the realm as before.
     *
     * @param coldStart starts a Keycloak on an empty home, waits until it is ready, and returns it
     */
    static boolean copyInto(Path home, Path installation, Path realmFile, Function<Path, KeycloakProcess> coldStart) {
        Path target = home.resolve("data").resolve("h2");
        if (Files.exists(target)) {
            return true;
        }
        if ("false".equalsIgnoreCase(System.getProperty(DISABLED_PROPERTY))) {
            return false;
        }
        try {
            Path template = template(installation, realmFile, coldStart);
            Files.createDirectories(target);
            Files.copy(template.resolve(DATABASE_FILE), target.resolve(DATABASE_FILE));
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("No Keycloak database template ({}); this Keycloak imports the realm itself", e.toString());
            deleteQuietly(target);
            return false;
        }
    }

    private static Path template(Path installation, Path realmFile, Function<Path, KeycloakProcess> coldStart)
            throws IOException {
        Path template = installation.resolveSibling(installation.getFileName() + "-realm-" + key(realmFile));
        if (Files.isRegularFile(template.resolve(DATABASE_FILE))) {
            return template;
        }
        Path lockFile = template.resolveSibling(template.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (Files.isRegularFile(template.resolve(DATABASE_FILE))) {
                return template;
            }
            make(template, coldStart);
            return template;
        }
    }

    private static void make(Path template, Function<Path, KeycloakProcess> coldStart) throws IOException {
        long started = System.nanoTime();
        Path home = Files.createTempDirectory(template.getParent(), template.getFileName() + ".home-");
        Path made = Files.createTempDirectory(template.getParent(), template.getFileName() + ".tmp-");
        try {
            KeycloakProcess keycloak = coldStart.apply(home);
            // SIGTERM and a patient wait: only a Keycloak that shut down by itself has closed its database.
            ProcessHandle process = keycloak.process();
            process.destroy();
            try {
                process.onExit().get(2, TimeUnit.MINUTES);
            } catch (Exception e) {
                keycloak.stop(); // a kept home: this deletes nothing
                throw new IllegalStateException("Keycloak did not stop within 2 minutes; no template made", e);
            }
            Path database = home.resolve("data").resolve("h2").resolve(DATABASE_FILE);
            if (!Files.isRegularFile(database)) {
                throw new IllegalStateException("Keycloak left no database at " + database);
            }
            Files.copy(database, made.resolve(DATABASE_FILE));
            try {
                Files.move(made, template, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(made, template);
            }
            log.info(
                    "Keycloak database template with the realm imported made in {} ({} ms)",
                    template,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } finally {
            KeycloakDistribution.deleteTree(home);
            if (Files.exists(made)) {
                KeycloakDistribution.deleteTree(made);
            }
        }
    }

    /** Digest of what the imported database depends on. */
    static String key(Path realmFile) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] realm = Files.readAllBytes(realmFile);
            digest.update((SenimKeycloak.VERSION + "\n" + KeycloakDistribution.BUILD_OPTIONS + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(realm);
            Matcher placeholders = PLACEHOLDER.matcher(new String(realm, StandardCharsets.UTF_8));
            while (placeholders.find()) {
                String name = placeholders.group(1);
                String value = Optional.ofNullable(System.getenv(name)).orElse(System.getProperty(name));
                if (value != null) {
                    digest.update(("\n" + name + "=" + value).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the realm file " + realmFile, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try {
            KeycloakDistribution.deleteTree(folder);
        } catch (RuntimeException e) {
            log.debug("Could not delete {}", folder, e);
        }
    }
}
