package kz.senim.e2e.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import kz.senim.local.Platform;
import kz.senim.local.PlatformOptions;
import kz.senim.local.ProjectLayout;
import kz.senim.local.api.SenimApi;
import kz.senim.local.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The demo data of {@code ./run-local.sh} is created through the public API, so every change of an API
 * can break it: this creates it on a platform of its own (its own module and JVM, beside the e2e journeys,
 * which use the same demo schools) and looks at it the way the README tells a visitor to.
 */
class DemoDataJourney {

    private static Platform platform;
    private static String summary;

    @BeforeAll
    static void aPlatformWithTheDemoData() {
        yieldTheCpuToTheJourneys();
        platform = Platform.start(
                ProjectLayout.find(),
                PlatformOptions.ephemeral()
                        .withQuickStartJit()
                        .withLogsKeptIn(Path.of("target", "platform-logs").toAbsolutePath()));
        summary = DemoData.create(platform.api());
    }

    /**
     * Under {@code -T2} this check runs beside the journeys, which take about twice as long and so decide when
     * the build ends: this JVM lowers its own CPU priority (nice 10) on every thread before starting the
     * platform, and the platform's processes inherit it (decision 135). On a machine without {@code renice}
     * (or where it is refused) the check runs at normal priority.
     */
    private static void yieldTheCpuToTheJourneys() {
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            List<String> command = new ArrayList<>(List.of("renice", "-n", "10", "-p"));
            threads.map(thread -> thread.getFileName().toString()).forEach(command::add);
            Process renice = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            renice.waitFor();
        } catch (IOException | RuntimeException e) {
            System.out.println("The demo data check runs at normal priority: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void the_demo_data_is_created_with_cases_in_several_states_for_each_school() {
        assertThat(summary).startsWith("2 schools");
        SenimApi api = platform.api();

        assertThat(statusesSeenBy(api, "coordinator.gym1")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(statusesSeenBy(api, "coordinator.sch2")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void each_club_has_members_in_both_statuses_and_a_public_page() {
        SenimApi api = platform.api();
        for (String school : new String[] {"gym1", "sch2"}) {
            JsonNode counts = api.as("coordinator." + school)
                    .get("/api/membership/roster")
                    .expect(200)
                    .json()
                    .get("counts");
            assertThat(counts.get("CERTIFIED").asInt()).isPositive();
            assertThat(counts.get("TRAINEE").asInt()).isPositive();
        }
        api.anonymous().get("/api/schools/demo-gymnasium-1/club?lang=en").expect(200);
        api.anonymous().get("/api/schools/demo-school-2/club?lang=kk").expect(200);
    }

    @Test
    void the_school_year_has_activities_before_and_after_today() {
        JsonNode calendar = platform.api()
                .as("coordinator.gym1")
                .get("/api/activities?from=" + LocalDate.now().minusMonths(6) + "&to="
                        + LocalDate.now().plusMonths(6) + "&size=200")
                .expect(200)
                .json();
        Set<String> statuses = new HashSet<>();
        calendar.get("content")
                .forEach(activity -> statuses.add(activity.get("status").asString()));

        assertThat(calendar.get("totalElements").asInt()).isGreaterThan(20);
        assertThat(statuses).contains("COMPLETED", "SCHEDULED");
    }

    private static Set<String> statusesSeenBy(SenimApi api, String coordinator) {
        Set<String> statuses = new HashSet<>();
        api.as(coordinator)
                .get("/api/cases?size=100")
                .expect(200)
                .json()
                .get("content")
                .forEach(found -> statuses.add(found.get("status").asString()));
        return statuses;
    }
}
