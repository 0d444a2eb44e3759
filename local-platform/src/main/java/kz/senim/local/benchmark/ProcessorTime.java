package kz.senim.local.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by each process of the platform (with its children) between two moments, so that a run says how
 * much of the machine each part took while it was measured, the benchmark's own JVM (load tool, mail catcher,
 * outbox-lag consumer) included: its CPU is taken from the same two cores as the platform's.
 */
final class ProcessorTime {

    private final Map<String, ProcessHandle> processes;
    private final Map<String, Duration> before;
    private final long startedNanos;

    private ProcessorTime(Map<String, ProcessHandle> processes) {
        this.processes = processes;
        this.before = used(processes);
        this.startedNanos = System.nanoTime();
    }

    static ProcessorTime from(Map<String, ProcessHandle> processes) {
        return new ProcessorTime(processes);
    }

    /** What each process used since {@link #from}, in the order of the platform's processes. */
    Interval stop() {
        Map<String, Duration> after = used(processes);
        Map<String, Duration> spent = new LinkedHashMap<>();
        after.forEach((name, total) -> spent.put(name, total.minus(before.getOrDefault(name, Duration.ZERO))));
        return new Interval(Duration.ofNanos(System.nanoTime() - startedNanos), spent);
    }

    /** CPU time per process over a stretch of wall time. */
    record Interval(Duration wall, Map<String, Duration> spent) {

        Duration total() {
            return spent.values().stream().reduce(Duration.ZERO, Duration::plus);
        }

        /** A table row per process: CPU seconds and share of all the CPU the processes used. */
        String table(int cores) {
            StringBuilder out = new StringBuilder("| process | CPU s | share |\n|---|---|---|\n");
            double all = total().toMillis() / 1000.0;
            spent.forEach((name, cpu) -> out.append(String.format(
                    "| %s | %.1f | %.0f %% |%n", name, cpu.toMillis() / 1000.0, 100 * cpu.toMillis() / 1000.0 / all)));
            out.append(String.format(
                    "| **total** | %.1f in %.1f s of wall time | %.0f %% of %d cores |%n",
                    all, wall.toMillis() / 1000.0, 100 * all / (wall.toMillis() / 1000.0 * cores), cores));
            return out.toString();
        }
    }

    private static Map<String, Duration> used(Map<String, ProcessHandle> processes) {
        Map<String, Duration> used = new LinkedHashMap<>();
        processes.forEach((name, root) -> used.put(
                name,
                (root.equals(ProcessHandle.current())
                                ? Stream.of(root)
                                : Stream.concat(Stream.of(root), root.descendants()))
                        .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                        .reduce(Duration.ZERO, Duration::plus)));
        return used;
    }
}
