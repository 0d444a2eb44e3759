package kz.senim.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import kz.senim.contracts.EventContracts;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import kz.senim.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** A freshly registered school for one test, with helpers to fill its directory and act as its people. */
public final class TestSchool {

    public static final String TOPIC = "senim.membership.v1";

    public final ServiceApi api;
    public final String id;
    public final String coordinatorId;

    private TestSchool(ServiceApi api, String id) {
        this.api = api;
        this.id = id;
        this.coordinatorId = "coord-" + id;
    }

    /** Registers a new school (as a district admin) and its coordinator in the directory. */
    public static TestSchool register(ServiceApi api) {
        String id = "school-" + UUID.randomUUID().toString().substring(0, 8);
        ServiceApi.Answer created = api.post("/api/schools")
                .auth(TestJwts.user().roles("admin").bearer())
                .json("""
                        {"id":"%s","names":{"kk":"Мектеп","ru":"Школа","en":"School"},"city":"Almaty","region":"Almaty"}
                        """.formatted(id))
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        TestSchool school = new TestSchool(api, id);
        school.registerPerson(school.coordinatorId, "coordinator", null, null);
        return school;
    }

    public String coordinator() {
        return TestJwts.user(coordinatorId).roles("coordinator").school(id).bearer();
    }

    public String admin() {
        return TestJwts.user("admin-" + id).roles("admin").school(id).bearer();
    }

    public static String as(String userId, String school, String... roles) {
        return TestJwts.user(userId).roles(roles).school(school).bearer();
    }

    /** A token of the student, after registering them in the directory with the grade. */
    public String student(String userId, int grade) {
        registerPerson(userId, "student", grade, "А");
        return as(userId, id, "student");
    }

    /** Registers the student and takes them through application, interview and acceptance; their token. */
    public String admit(String userId, int grade) {
        String student = student(userId, grade);
        String application = api.post("/api/membership/applications")
                .auth(student)
                .json("{\"motivation\":\"m\",\"availability\":\"a\"}")
                .send()
                .json()
                .get("id")
                .asString();
        api.post("/api/membership/applications/" + application + "/interview")
                .auth(coordinator())
                .json("{\"at\":\"2026-12-01T10:00:00Z\",\"place\":\"204\",\"interviewerId\":\"%s\"}"
                        .formatted(coordinatorId))
                .send();
        ServiceApi.Answer accepted = api.post("/api/membership/applications/" + application + "/acceptance")
                .auth(coordinator())
                .send();
        assertThat(accepted.json().get("status").asString()).as(accepted.body()).isEqualTo("ACCEPTED");
        return student;
    }

    public ServiceApi.Answer registerPerson(String userId, String role, Integer grade, String classLetter) {
        ServiceApi.Answer answer = api.post("/api/people")
                .auth(coordinator())
                .json("""
                        {"userId":"%s","role":"%s","grade":%s,"classLetter":%s,"language":"kk",
                         "givenName":"Test","familyName":"Person"}
                        """.formatted(userId, role, grade, classLetter == null ? "null" : "\"" + classLetter + "\""))
                .send();
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer;
    }

    /** Every event of this school on the topic, after waiting until {@code expected} have arrived. */
    public List<ConsumerRecord<String, byte[]>> events(int expected) {
        try (TopicProbe probe = TopicProbe.on(TOPIC)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<ConsumerRecord<String, byte[]>> mine = List.of();
            while (System.nanoTime() < deadline) {
                mine = probe.collect(r -> id.equals(header(r, "ce_schoolid")), Duration.ofMillis(500));
                if (mine.size() >= expected) {
                    break;
                }
            }
            return mine;
        }
    }

    /** Every event's payload conforms to the schema of its ce_type. */
    public static void assertConformToTheirSchemas(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            EventContracts.assertConforms(header(record, "ce_type"), record.value());
        }
    }

    public static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> header(r, "ce_type")).toList();
    }

    /** Posts a CSV file, which {@link ServiceApi} does not send. */
    public static ServiceApi.Answer postCsv(int port, String path, String bearer, String csv) {
        return RestClient.create("http://localhost:" + port)
                .post()
                .uri(path)
                .header("Authorization", bearer)
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .exchange((request, response) -> new ServiceApi.Answer(
                        response.getStatusCode().value(),
                        response.getHeaders(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
