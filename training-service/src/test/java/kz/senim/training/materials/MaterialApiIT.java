package kz.senim.training.materials;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import kz.senim.contracts.EventContracts;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TopicProbe;
import kz.senim.training.Trainings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Booklets, memos and posters: uploads checked by their bytes, stored in PostgreSQL, returned intact. */
@SenimIntegrationTest(properties = "senim.materials.max-file-bytes=200000")
class MaterialApiIT {

    @LocalServerPort
    int port;

    ServiceApi api;
    String school;
    String coordinator;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        api = ServiceApi.at(port);
        school = Trainings.newSchool();
        coordinator = Trainings.bearer("coord-" + UUID.randomUUID(), school, "coordinator");
    }

    @Test
    void an_uploaded_pdf_is_returned_byte_identical_and_publishing_it_is_an_event_that_fits_its_schema()
            throws Exception {
        String id = create("[\"STUDENTS\"]", null);
        byte[] pdf = pdf(150_000);

        HttpResponse<String> uploaded = upload(id, "application/pdf", pdf);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);

        ServiceApi.Answer published = api.post("/api/materials/" + id + "/publication")
                .auth(coordinator)
                .send();
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");

        HttpResponse<byte[]> download = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/materials/" + id + "/file"))
                        .header("Authorization", Trainings.bearer("s-" + UUID.randomUUID(), school, "student"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        try (TopicProbe probe = TopicProbe.on("senim.training.v1")) {
            ConsumerRecord<String, byte[]> record = probe.await(r -> id.equals(r.key()), Duration.ofSeconds(30));
            EventContracts.assertConforms("kz.senim.training.material-published.v1", record.value());
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("Memo on I-messages");
        }
    }

    @Test
    void a_file_that_is_not_what_it_claims_or_is_too_large_is_refused_with_a_field_error() throws Exception {
        String id = create("[\"STUDENTS\"]", null);

        HttpResponse<String> html = upload(id, "application/pdf", "<html><script>alert(1)</script>".getBytes());
        assertThat(html.statusCode()).isEqualTo(400);
        assertThat(html.body()).contains("\"field\":\"file\"").contains("File.unsupported-type");

        HttpResponse<String> mismatch = upload(id, "image/png", pdf(1000));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("File.type-mismatch");

        HttpResponse<String> large = upload(id, "application/pdf", pdf(200_001));
        assertThat(large.statusCode()).isEqualTo(400);
        assertThat(large.body()).contains("File.too-large");
        assertThat(large.headers().firstValue("Content-Type")).contains("application/problem+json");

        assertThat(api.get("/api/materials/" + id)
                        .auth(coordinator)
                        .send()
                        .json()
                        .get("hasFile")
                        .asBoolean())
                .isFalse();
        api.post("/api/materials/" + id + "/publication")
                .auth(coordinator)
                .send()
                .problem(409);
    }

    @Test
    void a_published_material_reaches_its_audience_only_and_drafts_stay_with_the_coordinators() {
        String forParents = create("[\"PARENTS\"]", "https://example.org/memo.pdf");
        String draft = create("[\"PARENTS\"]", "https://example.org/draft.pdf");
        api.post("/api/materials/" + forParents + "/publication")
                .auth(coordinator)
                .send();
        String parent = Trainings.bearer("p-" + UUID.randomUUID(), school, "parent");
        String student = Trainings.bearer("s-" + UUID.randomUUID(), school, "student");

        JsonNode parentList = api.get("/api/materials").auth(parent).send().json();
        assertThat(parentList.get("content").valueStream().map(m -> m.get("id").asString()))
                .containsExactly(forParents);
        assertThat(api.get("/api/materials")
                        .auth(student)
                        .send()
                        .json()
                        .get("totalElements")
                        .asInt())
                .isZero();
        api.get("/api/materials/" + forParents).auth(student).send().problem(404);
        api.get("/api/materials/" + draft).auth(parent).send().problem(404);
        assertThat(api.get("/api/materials")
                        .auth(coordinator)
                        .send()
                        .json()
                        .get("totalElements")
                        .asInt())
                .isEqualTo(2);
    }

    private String create(String groups, String link) {
        ServiceApi.Answer answer = api.post("/api/materials")
                .auth(coordinator)
                .json("""
                        {"kind":"MEMO","title":"Memo on I-messages","language":"kk",
                         "audience":{"groups":%s},"audienceNote":"Everyone in grades 5-9"%s}
                        """.formatted(groups, link == null ? "" : ",\"link\":\"" + link + "\""))
                .send();
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    private HttpResponse<String> upload(String id, String type, byte[] content) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/materials/" + id + "/file"))
                        .header("Authorization", coordinator)
                        .header("Content-Type", type)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A PDF-looking file of the given size with random bytes after the header, every byte value included. */
    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }
}
