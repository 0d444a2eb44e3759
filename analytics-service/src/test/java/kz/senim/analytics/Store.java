package kz.senim.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.senim.analytics.generation.GenerationConsumers;
import kz.senim.analytics.generation.Generations;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import org.springframework.stereotype.Component;

/** Test access to the service under test: reports as CSV maps, and waiting for the live store to catch up. */
@Component
public class Store {

    public static final String DISTRICT_ADMIN = TestJwts.user().roles("admin").bearer();

    private final GenerationConsumers consumers;
    private final Generations generations;

    Store(GenerationConsumers consumers, Generations generations) {
        this.consumers = consumers;
        this.generations = generations;
    }

    /** Waits until the live generation has read every record sent so far (redeliveries included). */
    public void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> consumers.caughtUp(consumers.groupOf(generations.live())));
    }

    /** The school report as indicator → value, read from its CSV. */
    public static Map<String, String> report(int port, String school, String year, String bearer) {
        ServiceApi.Answer answer = ServiceApi.at(port)
                .get("/api/reports/schools/" + school + "/years/" + year + "/report.csv")
                .auth(bearer)
                .send();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Map<String, String> values = new LinkedHashMap<>();
        answer.body().lines().skip(1).forEach(line -> {
            String[] cells = line.split(",", -1);
            values.put(cells[2], cells[3]);
        });
        return values;
    }
}
