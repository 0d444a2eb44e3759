package kz.senim.test;

/**
 * Registers a JVM shutdown hook that runs only after Spring Boot's own shutdown hook has closed
 * the cached test contexts, so that no context closes against a database or broker that is already
 * gone (which would make it wait out connection timeouts before the JVM can exit).
 */
public final class AfterSpringShutdown {

    private static final String SPRING_HOOK = "SpringApplicationShutdownHook";

    private AfterSpringShutdown() {}

    public static void run(String name, Runnable stop) {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            awaitSpringHook();
                            stop.run();
                        },
                        name));
    }

    private static void awaitSpringHook() {
        // Hooks start together; give Spring's a moment to appear before deciding there is none.
        long deadline = System.nanoTime() + 300_000_000L;
        while (springHooks().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        for (Thread thread : springHooks()) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static java.util.List<Thread> springHooks() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> SPRING_HOOK.equals(thread.getName()))
                .toList();
    }
}
