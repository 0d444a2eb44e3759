package kz.senim.membership.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.keycloak.SenimKeycloak;
import kz.senim.test.keycloak.WithKeycloak;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * A benchmark, not a test of speed (docs/benchmark.md, "Rolling out a school"): a school of 1 500 people — 1 050
 * pupils, 360 parents linked to them, 90 teachers — imported with accounts against the harness's real Keycloak,
 * as the district admin. It prints the time and accounts per second; it asserts only what was created. Its name
 * keeps it out of the normal build: run it with {@code -Dtest=AccountImportBenchmark}.
 */
@SenimIntegrationTest(properties = "senim.membership.mediator-role-sync=false")
@WithKeycloak
class AccountImportBenchmark {

    static final int PUPILS = 1050;
    static final int PARENTS = 360;
    static final int TEACHERS = 90;
    static final String[] GIVEN = {"Айгерим", "Дәулет", "Тимур", "Әлия", "Нұрлан", "Жанар", "Болат", "Сәуле", "Ерлан"};
    static final String[] FAMILY = {"Нұрланова", "Қасымбеков", "Сейтқали", "Әбдікәрімов", "Жұмабаева", "Ысқақұлы"};

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("senim.keycloak.url", () -> SenimKeycloak.get().baseUrl());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_school_of_1500_people_with_accounts() {
        String school = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String token = "Bearer " + SenimKeycloak.get().passwordToken("district-admin", SenimKeycloak.DEMO_PASSWORD);
        assertThat(ServiceApi.at(port)
                        .post("/api/schools")
                        .auth(token)
                        .json("""
                                {"id":"%s","names":{"kk":"Мектеп","ru":"Школа","en":"School"},"city":"Almaty","region":"Almaty"}
                                """.formatted(school))
                        .send()
                        .status())
                .isEqualTo(201);
        StringBuilder csv =
                new StringBuilder("externalId,role,grade,classLetter,guardianOf,language,givenName,familyName,email\n");
        for (int i = 0; i < PUPILS; i++) {
            csv.append("p%04d,student,%d,%s,,kk,%s,%s,\n"
                    .formatted(i, 1 + i % 11, "АБВ".charAt(i % 3), GIVEN[i % GIVEN.length], FAMILY[i % FAMILY.length]));
        }
        for (int i = 0; i < PARENTS; i++) {
            csv.append("g%04d,parent,,,p%04d;p%04d,ru,%s,%s,parent%d@example.org\n"
                    .formatted(i, 2 * i, 2 * i + 1, GIVEN[(i + 3) % GIVEN.length], FAMILY[i % FAMILY.length], i));
        }
        for (int i = 0; i < TEACHERS; i++) {
            csv.append("t%04d,teacher,,,,ru,%s,%s,teacher%d@example.org\n"
                    .formatted(i, GIVEN[(i + 5) % GIVEN.length], FAMILY[(i + 1) % FAMILY.length], i));
        }
        RestClient http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory() {
                    {
                        setReadTimeout(Duration.ofMinutes(30));
                    }
                })
                .build();

        long started = System.nanoTime();
        java.net.URI location = http.post()
                .uri("/api/schools/" + school + "/accounts/imports")
                .header("Authorization", token)
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .retrieve()
                .toBodilessEntity()
                .getHeaders()
                .getLocation();
        Duration accepted = Duration.ofNanos(System.nanoTime() - started);
        // The import runs in the background: from the request until its status says done (a fresh token per look,
        // since the import may outlast one).
        JsonNode report = await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> http.get()
                                .uri(location)
                                .header(
                                        "Authorization",
                                        "Bearer "
                                                + SenimKeycloak.get()
                                                        .passwordToken("district-admin", SenimKeycloak.DEMO_PASSWORD))
                                .retrieve()
                                .body(JsonNode.class),
                        view -> !view.get("status").asString().matches("queued|running"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        int total = PUPILS + PARENTS + TEACHERS;
        System.out.printf(
                "BENCHMARK import of %d people with accounts: %d s, %.1f accounts/s%n",
                total, took.toSeconds(), total / (took.toMillis() / 1000.0));
        System.out.printf("BENCHMARK the import was accepted (202) after %d ms%n", accepted.toMillis());
        assertThat(report.get("status").asString()).isEqualTo("done");
        assertThat(report.get("result").get("created").size()).isEqualTo(total);
        assertThat(jdbc.sql("select count(*) from account where school_id = :s and status = 'ACTIVE'")
                        .param("s", school)
                        .query(Long.class)
                        .single())
                .isEqualTo(total);
    }
}
