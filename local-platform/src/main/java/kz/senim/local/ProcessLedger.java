package kz.senim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.senim.test.ChildProcesses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes a local run started, one line each ({@code pid start-instant name}), so that a run
 * ended without its shutdown hook (killed with SIGKILL, a crashed terminal) leaves nothing behind: the
 * next start stops what is still running from the previous one. A process is matched by id and start
 * time, so a recycled process id is never touched.
 */
final class ProcessLedger {

    private static final Logger log = LoggerFactory.getLogger(ProcessLedger.class);

    private final Path file;

    ProcessLedger(Path file) {
        this.file = file;
    }

    /** Stops every process of an earlier run that is still alive, then starts an empty ledger. */
    void stopLeftovers() {
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] parts = line.split(" ", 3);
                    if (parts.length < 3) {
                        continue;
                    }
                    long pid = Long.parseLong(parts[0]);
                    Instant started = Instant.parse(parts[1]);
                    Optional<ProcessHandle> alive = ProcessHandle.of(pid)
                            .filter(ProcessHandle::isAlive)
                            .filter(handle -> handle.info()
                                    .startInstant()
                                    .map(started::equals)
                                    .orElse(false));
                    alive.ifPresent(handle -> {
                        log.warn("Stopping {} (pid {}), left running by an earlier run", parts[2], pid);
                        ChildProcesses.stopTree(handle, Duration.ofSeconds(20));
                    });
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Could not read the process ledger {}: {}", file, e.toString());
            }
        }
        write("", StandardOpenOption.TRUNCATE_EXISTING);
    }

    void record(String name, ProcessHandle process) {
        process.info()
                .startInstant()
                .ifPresent(
                        started -> write(process.pid() + " " + started + " " + name + "\n", StandardOpenOption.APPEND));
    }

    /** After a clean stop nothing is left to remember. */
    void clear() {
        write("", StandardOpenOption.TRUNCATE_EXISTING);
    }

    private synchronized void write(String text, StandardOpenOption mode) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> describe(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
