package kz.senim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Creates the demo data once per data folder, through the public API, and remembers that it did. */
final class DemoDataStep {

    private DemoDataStep() {}

    static String run(Platform platform) {
        if (!platform.options().demoData()) {
            return "not created (--no-demo)";
        }
        Path marker = platform.options().state().resolve("demo-data-created");
        if (Files.exists(marker)) {
            return "created on an earlier start (--wipe to start over)";
        }
        String summary = kz.senim.local.demo.DemoData.create(platform.api());
        try {
            Files.writeString(marker, Instant.now() + "\n" + summary + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "created now: " + summary;
    }
}
