package kz.senim.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local.sh}: the whole platform on this machine, data kept in {@code .local/} between runs,
 * until Ctrl-C. Options: {@code --wipe} starts from empty data (and creates the demo data again),
 * {@code --no-demo} skips the demo data.
 */
public final class LocalPlatform {

    private static final List<String[]> DEMO_LOGINS = List.of(
            new String[] {"coordinator.gym1", "coordinator", "demo-gymnasium-1"},
            new String[] {"mediator1.gym1", "student, mediator (certified)", "demo-gymnasium-1"},
            new String[] {"student1.gym1", "student (applied to the club)", "demo-gymnasium-1"},
            new String[] {"student2.gym1", "student, mediator (trainee)", "demo-gymnasium-1"},
            new String[] {"teacher.gym1", "teacher", "demo-gymnasium-1"},
            new String[] {"parent.gym1", "parent", "demo-gymnasium-1"},
            new String[] {"admin.gym1", "admin", "demo-gymnasium-1"},
            new String[] {"coordinator.sch2", "coordinator", "demo-school-2"},
            new String[] {"mediator1.sch2", "student, mediator (certified)", "demo-school-2"},
            new String[] {"student1.sch2", "student, mediator (trainee)", "demo-school-2"},
            new String[] {"district-admin", "admin (district)", "—"});

    private LocalPlatform() {}

    public static void main(String[] args) throws InterruptedException {
        boolean wipe = List.of(args).contains("--wipe");
        boolean demo = !List.of(args).contains("--no-demo");
        for (String arg : args) {
            if (!arg.equals("--wipe") && !arg.equals("--no-demo")) {
                System.err.println("Unknown option " + arg + "; use --wipe (start from empty data) or --no-demo");
                System.exit(2);
            }
        }
        ProjectLayout project = ProjectLayout.find();
        Path state = project.root().resolve(".local");
        if (wipe) {
            new ProcessLedger(state.resolve("processes")).stopLeftovers();
            Platform.deleteTree(state);
            System.out.println("Wiped " + state);
        }
        long started = System.nanoTime();
        Platform platform;
        try {
            platform = Platform.start(project, PlatformOptions.local(state, demo));
        } catch (IllegalStateException e) {
            System.err.println("\nSenim did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping Senim…");
                            platform.close();
                            System.out.println("Stopped: no process of this run is left.");
                            stopped.countDown();
                        },
                        "senim-local-stop"));
        Duration ready = Duration.ofNanos(System.nanoTime() - started);
        String demoNote = DemoDataStep.run(platform);
        Duration all = Duration.ofNanos(System.nanoTime() - started);
        print(platform, ready, all, demoNote);
        // After the demo data, whose requests should not wait for it: the next start uses what it trains.
        platform.trainAotCaches().thenAccept(trained -> {
            if (!trained.isEmpty()) {
                System.out.println("AOT caches trained for " + String.join(", ", trained)
                        + ": the next start of ./run-local.sh uses them (decision 145).");
            }
        });
        stopped.await();
    }

    private static void print(Platform platform, Duration ready, Duration all, String demoNote) {
        StringBuilder out = new StringBuilder();
        out.append("\n=== Senim is running (ready in ")
                .append(seconds(ready))
                .append(", with demo data ")
                .append(seconds(all))
                .append(") ===\n\n");
        out.append("  Portal (open this)    ").append(platform.portalUrl()).append("\n");
        out.append("  API (gateway)         ").append(platform.gatewayUrl()).append("/api/…\n");
        out.append("  API documentation     ").append(platform.gatewayUrl()).append("/swagger-ui.html\n");
        out.append("  Keycloak (admin: none; realm senim)  ")
                .append(platform.keycloakUrl())
                .append("/realms/senim/account\n");
        out.append("  Caught e-mail         ").append(platform.mailPageUrl()).append("\n");
        out.append("  Data and logs         ")
                .append(platform.options().state())
                .append("\n");
        out.append("  Demo data             ").append(demoNote).append("\n");
        out.append("  AOT caches            ").append(aotNote(platform)).append("\n\n");
        out.append("  Demo logins (password senim-demo; with --no-demo or before the demo data, the roles of the realm"
                + " only; all in keycloak/README.md):\n");
        for (String[] login : DEMO_LOGINS) {
            out.append(String.format("    %-18s %-30s %s%n", login[0], login[1], login[2]));
        }
        out.append(
                        "\n  A token for curl:\n    curl -s -d grant_type=password -d client_id=senim-cli -d username=student1.gym1 \\\n")
                .append("      -d password=senim-demo ")
                .append(platform.keycloakUrl())
                .append("/realms/senim/protocol/openid-connect/token\n\n");
        out.append("  Memory (RSS; PSS splits pages shared between processes):\n");
        ResidentMemory.Usage total = new ResidentMemory.Usage(0, 0);
        for (Map.Entry<String, ResidentMemory.Usage> process : platform.memory().entrySet()) {
            total = new ResidentMemory.Usage(
                    total.rss() + process.getValue().rss(),
                    total.pss() + process.getValue().pss());
            out.append(memoryLine(process.getKey(), process.getValue()));
        }
        out.append(memoryLine("total", total));
        out.append("\n  Ctrl-C stops everything.\n");
        System.out.println(out);
    }

    private static String aotNote(Platform platform) {
        if (!platform.usesAotCaches()) {
            return "none: the JDK " + Runtime.version().feature() + " has no -XX:AOTCacheOutput (25 and later)";
        }
        List<String> used = platform.startedFromAotCache();
        int all = platform.services().size();
        String where = platform.options().aotCaches().toString();
        if (used.size() == all) {
            return "every service started from its own (" + where + ")";
        }
        return used.size() + " of " + all + " services started from theirs; the others' are trained now in the"
                + " background at low priority, for the next start (" + where + ")";
    }

    private static String memoryLine(String name, ResidentMemory.Usage usage) {
        return String.format(
                "    %-24s RSS %7s   PSS %7s%n",
                name, ResidentMemory.megabytes(usage.rss()), ResidentMemory.megabytes(usage.pss()));
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
