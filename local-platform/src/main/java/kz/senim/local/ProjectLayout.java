package kz.senim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where the project is on disk, and the runnable jar of each of its services. */
public record ProjectLayout(Path root) {

    /** The project root: the nearest directory, from the working directory up, holding the realm file. */
    public static ProjectLayout find() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("keycloak").resolve("senim-realm.json"))
                    && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return new ProjectLayout(dir);
            }
        }
        throw new IllegalStateException(
                "Not inside the Senim project: no keycloak/senim-realm.json in " + start + " or above");
    }

    /** The Spring Boot jar a module's build made, e.g. {@code case-service/target/case-service-0.1.0-SNAPSHOT.jar}. */
    public Path jar(String module) {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(file -> {
                        String name = file.getFileName().toString();
                        return name.startsWith(module + "-") && name.endsWith(".jar") && !name.endsWith("-sources.jar");
                    })
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No jar of " + module + " in " + target
                            + ": build first (./mvnw -DskipTests package, or ./run-local.sh which does it)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
