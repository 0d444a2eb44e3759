package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache folders of {@link ServiceAotCache} (decision 145), with real files and, for a failed training, a real
 * JDK process: which folder a jar gets, when a service starts from its cache and when from its jar, and that a
 * training that failed is written down and not tried again.
 */
class ServiceAotCacheTest {

    private static final List<String> OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    private Path root;
    private ServiceAotCache caches;

    @BeforeEach
    void cachesOfThisJdk() {
        assumeTrue(
                Runtime.version().feature() >= ServiceAotCache.FIRST_JDK,
                "the AOT cache is used from JDK " + ServiceAotCache.FIRST_JDK + " on");
        root = dir.resolve("aot");
        caches = ServiceAotCache.forThisJdk(root, OPTIONS).orElseThrow();
    }

    @Test
    void a_jar_keeps_its_folder_and_another_content_or_other_options_get_another() throws IOException {
        Path jar = jar("case-service.jar", "kz/senim/A.class", "one");
        Path sameContent = jar("copy/case-service.jar", "kz/senim/A.class", "one");
        Path rebuilt = jar("rebuilt/case-service.jar", "kz/senim/A.class", "two");

        Path folder = caches.folder("case-service", jar);
        assertThat(folder.getParent()).isEqualTo(root);
        assertThat(folder.getFileName().toString()).matches("case-service-[0-9a-f]{16}");
        assertThat(caches.folder("case-service", jar)).isEqualTo(folder);
        assertThat(caches.folder("case-service", sameContent)).isEqualTo(folder);
        assertThat(caches.folder("case-service", rebuilt)).isNotEqualTo(folder);

        ServiceAotCache otherOptions = ServiceAotCache.forThisJdk(root, List.of("-Xmx512m", "-XX:+UseSerialGC"))
                .orElseThrow();
        assertThat(otherOptions.folder("case-service", jar)).isNotEqualTo(folder);
    }

    @Test
    void without_a_trained_cache_the_service_starts_from_its_jar() throws IOException {
        Path jar = jar("gateway.jar", "kz/senim/G.class", "g");

        ServiceAotCache.Launch launch = caches.launch("gateway", jar);

        assertThat(launch.cached()).isFalse();
        assertThat(launch.jar()).isEqualTo(jar);
        assertThat(launch.jvmOptions()).isEmpty();
    }

    @Test
    void a_cache_is_used_only_with_the_jar_it_was_trained_from_and_a_discarded_one_is_gone() throws IOException {
        Path jar = jar("gateway.jar", "kz/senim/G.class", "g");
        Path folder = caches.folder("gateway", jar);
        Path extracted = folder.resolve("app").resolve("gateway.jar");
        Files.createDirectories(extracted.getParent());
        Files.copy(jar, extracted);
        Files.writeString(folder.resolve("app.aot"), "cache");

        // a cache without its finished extraction (the marker is written last) is not used
        assertThat(caches.launch("gateway", jar).cached()).isFalse();

        Files.writeString(folder.resolve("extracted"), "gateway.jar\n");
        ServiceAotCache.Launch launch = caches.launch("gateway", jar);
        assertThat(launch.cached()).isTrue();
        assertThat(launch.jar()).isEqualTo(extracted);
        assertThat(launch.jvmOptions()).containsExactly("-XX:AOTCache=" + folder.resolve("app.aot"));

        Path rebuilt = jar("rebuilt/gateway.jar", "kz/senim/G.class", "g2");
        assertThat(caches.launch("gateway", rebuilt).cached()).isFalse();

        caches.discard("gateway", jar);
        assertThat(folder).doesNotExist();
        assertThat(caches.launch("gateway", jar).cached()).isFalse();
    }

    @Test
    void a_training_that_fails_is_written_down_not_tried_again_and_old_folders_of_the_module_go() throws IOException {
        Path old = jar("old/portal.jar", "kz/senim/P.class", "old");
        Path oldFolder = caches.folder("portal", old);
        Files.createDirectories(oldFolder);
        Path otherModule = caches.folder("portal-extra", old);
        Files.createDirectories(otherModule);
        // not a Spring Boot jar: `-Djarmode=tools extract` fails in a real JVM
        Path jar = jar("portal.jar", "kz/senim/P.class", "new");
        Path logs = Files.createDirectories(dir.resolve("logs"));
        List<ServiceAotCache.Training> portal = List.of(new ServiceAotCache.Training("portal", jar, Map.of()));

        List<String> trained = caches.trainMissing(portal, logs);

        Path folder = caches.folder("portal", jar);
        assertThat(trained).isEmpty();
        assertThat(folder.resolve("training-failed")).isRegularFile();
        assertThat(Files.readString(folder.resolve("training-failed"))).contains("extracting");
        assertThat(logs.resolve("aot-training-portal.log")).isRegularFile();
        assertThat(oldFolder).as("the folder of the module's older jar").doesNotExist();
        assertThat(otherModule).as("another module's folder").exists();
        assertThat(caches.launch("portal", jar).cached()).isFalse();

        long written =
                Files.getLastModifiedTime(folder.resolve("training-failed")).toMillis();
        assertThat(caches.trainMissing(portal, logs)).isEmpty();
        assertThat(Files.getLastModifiedTime(folder.resolve("training-failed")).toMillis())
                .as("not tried again for the same jar")
                .isEqualTo(written);
    }

    /** A plain jar (no Spring Boot layout) with one entry and a manifest. */
    private Path jar(String name, String entry, String content) throws IOException {
        Path jar = dir.resolve("jars").resolve(name);
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            JarEntry jarEntry = new JarEntry(entry);
            jarEntry.setTime(0);
            out.putNextEntry(jarEntry);
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
