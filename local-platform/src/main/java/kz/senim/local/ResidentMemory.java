package kz.senim.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Memory of processes, read from {@code /proc} (Linux): RSS, and PSS — RSS with each shared page split
 * among the processes that share it, so that the PSS of several processes adds up to what they really
 * hold (PostgreSQL's backends all map the same shared buffers; their RSS added up counts them many times).
 */
public final class ResidentMemory {

    private ResidentMemory() {}

    /** RSS and PSS in bytes. */
    public record Usage(long rss, long pss) {
        Usage plus(Usage other) {
            return new Usage(rss + other.rss, pss + other.pss);
        }
    }

    /** A process and every process it started. */
    public static Usage ofTree(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants())
                .map(ResidentMemory::of)
                .reduce(new Usage(0, 0), Usage::plus);
    }

    /** One process; zeros where {@code /proc} does not say. */
    public static Usage of(ProcessHandle process) {
        Path rollup = Path.of("/proc", Long.toString(process.pid()), "smaps_rollup");
        try (Stream<String> lines = Files.lines(rollup)) {
            long rss = 0;
            long pss = 0;
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("Rss:")) {
                    rss = kilobytes(line);
                } else if (line.startsWith("Pss:")) {
                    pss = kilobytes(line);
                }
            }
            return new Usage(rss, pss);
        } catch (IOException | RuntimeException e) {
            return new Usage(0, 0);
        }
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
    }

    public static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }
}
