package kz.senim.test;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives every Awaitility wait of a test JVM that names no limit of its own a generous one (60 s instead of
 * Awaitility's 10 s). A wait ends as soon as its condition holds, so a long ceiling costs nothing when things
 * work, and a busy 2-core machine no longer turns a slow consumer-group join or a first Kafka round trip into
 * a red build. Registered through {@code META-INF/services}, so it applies to every module that has the
 * harness on its test class path.
 */
public final class PatientWaits implements LauncherSessionListener {

    /** The ceiling of a wait that states none. */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(60);

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.setDefaultTimeout(DEFAULT_LIMIT);
    }
}
