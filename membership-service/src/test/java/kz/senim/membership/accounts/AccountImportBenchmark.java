package kz.senim.membership.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
    static final String[] FAMILY_B = {"Омарова", "Төлеуов", "Байжанов", "Смағұлова", "Ермеков", "Құрманғали"};

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("senim.keycloak.url", () -> SenimKeycloak.get().baseUrl());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    kz.senim.membership.keycloak.KeycloakUsers keycloak;

    @Test
    void a_school_of_1500_people_with_accounts() {
        // The chunked import first, then the same school list (other surnames, so that no username of the first is
        // a candidate) with each new person made on their own (a Keycloak call for the user, one for its role, a
        // transaction each), as before decision 143: same JVM, same Keycloak, one after the other. The class sheet
        // comes between them, on the chunked school, so that a run cut short still has the new figures.
        accounts.importChunk(Accounts.IMPORT_CHUNK);
        Imported chunked = importSchool(FAMILY_B, "in chunks of " + Accounts.IMPORT_CHUNK);
        // A class sheet of one class (32 pupils) of the chunked school: first as before decision 144 (per pupil:
        // credentials, user, new password, one after the other, straight to Keycloak), then another class through
        // the API as it is now (PDF included).
        List<String> classA =
                jdbc.sql("""
                        select a.user_id from account a join person p on p.user_id = a.user_id
                        where a.school_id = :s and p.grade = 1 and p.class_letter = 'А'
                        """).param("s", chunked.school()).query(String.class).list();
        long started = System.nanoTime();
        for (String userId : classA) {
            if (!keycloak.hasOwnPassword(userId)) {
                keycloak.setPassword(userId, "Bench-" + UUID.randomUUID(), true);
            }
        }
        Duration sheetBefore = Duration.ofNanos(System.nanoTime() - started);
        started = System.nanoTime();
        byte[] pdf = http().post()
                .uri("/api/schools/" + chunked.school() + "/accounts/class-sheets")
                .header("Authorization", districtAdmin())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"grade\":2,\"classLetter\":\"Б\",\"language\":\"kk\"}")
                .retrieve()
                .body(byte[].class);
        Duration sheetNow = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf(
                "BENCHMARK class sheet of %d pupils: %d ms one call after another (before), %d ms now (%d bytes of PDF)"
                        + ", %.2f of the time%n",
                classA.size(),
                sheetBefore.toMillis(),
                sheetNow.toMillis(),
                pdf.length,
                sheetNow.toMillis() / (double) sheetBefore.toMillis());
        assertThat(pdf).isNotEmpty();

        accounts.importChunk(1);
        Imported baseline = importSchool(FAMILY, "one at a time");
        accounts.importChunk(Accounts.IMPORT_CHUNK);
        System.out.printf(
                "BENCHMARK chunked import / one at a time: %.2f of the time%n",
                chunked.took().toMillis() / (double) baseline.took().toMillis());
    }

    record Imported(String school, Duration took) {}

    private Imported importSchool(String[] surnames, String how) {
        // A token per request: one import may outlast an access token (5 minutes).
        String school = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        // Surnames of this import only (a re-run of the benchmark in the same Keycloak would otherwise find every
        // username of the same names taken up to the scheme's hundredth number).
        String tag = tag();
        String[] family =
                java.util.Arrays.stream(surnames).map(name -> name + tag).toArray(String[]::new);
        assertThat(ServiceApi.at(port)
                        .post("/api/schools")
                        .auth(districtAdmin())
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
                    .formatted(i, 1 + i % 11, "АБВ".charAt(i % 3), GIVEN[i % GIVEN.length], family[i % family.length]));
        }
        for (int i = 0; i < PARENTS; i++) {
            csv.append("g%04d,parent,,,p%04d;p%04d,ru,%s,%s,parent%d-%s@example.org\n"
                    .formatted(
                            i, 2 * i, 2 * i + 1, GIVEN[(i + 3) % GIVEN.length], family[i % family.length], i, school));
        }
        for (int i = 0; i < TEACHERS; i++) {
            csv.append("t%04d,teacher,,,,ru,%s,%s,teacher%d-%s@example.org\n"
                    .formatted(i, GIVEN[(i + 5) % GIVEN.length], family[(i + 1) % family.length], i, school));
        }
        RestClient http = http();
        String load = load();
        long started = System.nanoTime();
        java.net.URI location = http.post()
                .uri("/api/schools/" + school + "/accounts/imports")
                .header("Authorization", districtAdmin())
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
                                .header("Authorization", districtAdmin())
                                .retrieve()
                                .body(JsonNode.class),
                        view -> !view.get("status").asString().matches("queued|running"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // The invitations are sent after their accounts' transactions, beside the import: until the last one.
        await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> jdbc.sql("select count(*) from account where school_id = :s and invited_at is not null")
                                .param("s", school)
                                .query(Long.class)
                                .single()
                        == PARENTS + TEACHERS);
        Duration invited = Duration.ofNanos(System.nanoTime() - started);

        int total = PUPILS + PARENTS + TEACHERS;
        System.out.printf(
                "BENCHMARK import of %d people with accounts, %s: %d s, %.1f accounts/s; every invitation sent after"
                        + " %d s; accepted (202) after %d ms; load average before %s, after %s%n",
                total,
                how,
                took.toSeconds(),
                total / (took.toMillis() / 1000.0),
                invited.toSeconds(),
                accepted.toMillis(),
                load,
                load());
        assertThat(report.get("status").asString()).isEqualTo("done");
        assertThat(report.get("result").get("created").size()).isEqualTo(total);
        assertThat(jdbc.sql("select count(*) from account where school_id = :s and status = 'ACTIVE'")
                        .param("s", school)
                        .query(Long.class)
                        .single())
                .isEqualTo(total);
        // Every account has its realm role in Keycloak (made with the user, or mapped after it): a sample of each role.
        for (String externalId : List.of("p0000", "g0000", "t0000")) {
            String userId = jdbc.sql("select user_id from account where school_id = :s and external_id = :e")
                    .param("s", school)
                    .param("e", externalId)
                    .query(String.class)
                    .single();
            String role = externalId.startsWith("p") ? "student" : externalId.startsWith("g") ? "parent" : "teacher";
            String username = jdbc.sql("select username from account where user_id = :u")
                    .param("u", userId)
                    .query(String.class)
                    .single();
            assertThat(SenimKeycloak.get().realmRolesOf(username)).contains(role, "default-roles-senim");
        }
        return new Imported(school, took);
    }

    private static String tag() {
        String letters = "абвгдежзиклмнопрстуфхшыэюяәіңғүұқөһ";
        java.util.Random random = new java.util.Random();
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            tag.append(letters.charAt(random.nextInt(letters.length())));
        }
        return tag.toString();
    }

    private static String districtAdmin() {
        return "Bearer " + SenimKeycloak.get().passwordToken("district-admin", SenimKeycloak.DEMO_PASSWORD);
    }

    private RestClient http() {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory() {
                    {
                        setReadTimeout(Duration.ofMinutes(30));
                    }
                })
                .build();
    }

    /** The machine's load average (1, 5 and 15 minutes), as {@code uptime} prints it. */
    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
