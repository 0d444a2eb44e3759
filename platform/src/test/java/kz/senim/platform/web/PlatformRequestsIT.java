package kz.senim.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/** What the platform gives every service for requests: 412, field refusals, pages, Idempotency-Key, typed values. */
@SenimIntegrationTest(properties = "spring.kafka.listener.auto-startup=false")
class PlatformRequestsIT {

    @LocalServerPort
    int port;

    ServiceApi api;
    String student;

    @BeforeEach
    void connect() {
        api = ServiceApi.at(port);
        student = TestJwts.user().roles("student").school("demo-gymnasium-1").bearer();
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }

    @Test
    void a_stale_if_match_answers_412_and_the_current_one_passes() {
        ServiceApi.Answer stale = api.request(HttpMethod.PUT, "/api/paints/1")
                .auth(student)
                .header("If-Match", "\"2\"")
                .language("ru")
                .json("{\"colour\":\"red\"}")
                .send();
        ServiceApi.Answer current = api.request(HttpMethod.PUT, "/api/paints/1")
                .auth(student)
                .header("If-Match", "W/\"1\", \"3\"")
                .json("{\"colour\":\"red\"}")
                .send();

        assertThat(stale.problem(412).get("title").asString()).isEqualTo("Уже изменено");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.headers().getETag()).isEqualTo("\"4\"");
    }

    @Test
    void fields_refused_by_a_services_rule_answer_400_with_every_field() {
        JsonNode problem = api.request(HttpMethod.PUT, "/api/paints/1")
                .auth(student)
                .json("{\"colour\":\"green\"}")
                .send()
                .problem(400);

        assertThat(problem.get("type").asString()).isEqualTo("https://senim.kz/problems/validation");
        assertThat(fields(problem)).containsExactly("colour", "id");
        assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("size.invalid");
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("must be between 1 and 100");
    }

    @Test
    void a_list_answers_the_one_page_shape() {
        JsonNode page = api.get("/api/numbers?page=2&size=20&sort=value,desc")
                .auth(student)
                .send()
                .json();

        assertThat(page.get("content").valueStream().map(JsonNode::asInt)).containsExactly(5, 4, 3, 2, 1);
        assertThat(page.get("page").asInt()).isEqualTo(2);
        assertThat(page.get("size").asInt()).isEqualTo(20);
        assertThat(page.get("totalElements").asLong()).isEqualTo(45);
        assertThat(page.get("totalPages").asInt()).isEqualTo(3);
        assertThat(api.get("/api/numbers")
                        .auth(student)
                        .send()
                        .json()
                        .get("content")
                        .size())
                .isEqualTo(PageQuery.DEFAULT_SIZE);
    }

    @Test
    void bad_paging_answers_400_naming_each_parameter() {
        JsonNode all = api.get("/api/numbers?page=-1&size=101&sort=secret")
                .auth(student)
                .send()
                .problem(400);
        JsonNode direction =
                api.get("/api/numbers?sort=value,sideways").auth(student).send().problem(400);
        JsonNode notANumber =
                api.get("/api/numbers?size=many").auth(student).send().problem(400);

        assertThat(fields(all)).containsExactlyInAnyOrder("page", "size", "sort");
        assertThat(fields(direction)).containsExactly("sort");
        assertThat(fields(notANumber)).containsExactly("size");
    }

    @Test
    void a_parameter_that_does_not_convert_is_named() {
        JsonNode path = api.get("/api/counts/three").auth(student).send().problem(400);
        JsonNode query =
                api.get("/api/counts/3?times=often").auth(student).send().problem(400);

        assertThat(fields(path)).containsExactly("count");
        assertThat(path.get("errors").get(0).get("code").asString()).isEqualTo("typeMismatch");
        assertThat(fields(query)).containsExactly("times");
        assertThat(api.get("/api/counts/3?times=2").auth(student).send().json().asInt())
                .isEqualTo(6);
    }

    @Test
    void a_constraint_violated_in_a_validated_service_answers_400_with_the_field_not_500() {
        JsonNode problem = api.post("/api/reservations?seats=11")
                .auth(student)
                .language("ru")
                .send()
                .problem(400);

        assertThat(fields(problem)).containsExactly("seats");
        assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("Max");
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("должно быть не больше 10");
    }

    @Test
    void a_json_value_of_the_wrong_type_is_named_by_its_path() {
        JsonNode top = api.post("/api/orders")
                .auth(student)
                .json("{\"count\":\"many\",\"lines\":[]}")
                .send()
                .problem(400);
        JsonNode nested = api.post("/api/orders")
                .auth(student)
                .json("{\"count\":1,\"lines\":[{\"amount\":1},{\"amount\":\"x\"}]}")
                .send()
                .problem(400);

        assertThat(fields(top)).containsExactly("count");
        assertThat(fields(nested)).containsExactly("lines[1].amount");
        assertThat(nested.get("type").asString()).isEqualTo("https://senim.kz/problems/validation");
    }

    @Test
    void errors_inside_a_body_validated_with_a_header_name_the_body_fields() {
        JsonNode problem = api.post("/api/signed-greetings")
                .auth(student)
                .header("X-Signature", "toolong")
                .json("{\"word\":\"far too long\"}")
                .send()
                .problem(400);

        assertThat(fields(problem)).containsExactlyInAnyOrder("signature", "word", "language");
    }

    @Test
    void a_missing_required_header_is_named() {
        JsonNode problem = api.post("/api/signed-greetings")
                .auth(student)
                .json("{\"word\":\"hi\",\"language\":\"kk\"}")
                .send()
                .problem(400);

        assertThat(fields(problem)).containsExactly("X-Signature");
    }

    @Test
    void a_retried_creation_answers_the_first_resource_and_keys_are_per_caller() {
        String text = "note-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String other =
                TestJwts.user().roles("student").school("demo-gymnasium-1").bearer();

        JsonNode first = api.post("/api/notes")
                .auth(student)
                .header("Idempotency-Key", key)
                .json(text)
                .send()
                .json();
        JsonNode retried = api.post("/api/notes")
                .auth(student)
                .header("Idempotency-Key", key)
                .json(text)
                .send()
                .json();
        JsonNode otherCaller = api.post("/api/notes")
                .auth(other)
                .header("Idempotency-Key", key)
                .json(text)
                .send()
                .json();

        assertThat(retried.get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(otherCaller.get("id").asString())
                .isNotEqualTo(first.get("id").asString());
        assertThat(api.get("/api/notes/count?text=" + text)
                        .auth(student)
                        .send()
                        .json()
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void text_postgresql_cannot_store_is_refused_naming_the_field() {
        JsonNode nul = api.post("/api/greetings")
                .auth(student)
                .json("{\"word\":\"a\\u0000b\",\"language\":\"kk\"}")
                .send()
                .problem(400);
        JsonNode loneSurrogate = api.post("/api/greetings")
                .auth(student)
                .json("{\"word\":\"ab\",\"language\":\"k\\ud800\"}")
                .send()
                .problem(400);

        assertThat(fields(nul)).containsExactly("word");
        assertThat(nul.get("errors").get(0).get("code").asString()).isEqualTo("text.unstorable");
        assertThat(fields(loneSurrogate)).containsExactly("language");
        assertThat(api.post("/api/greetings")
                        .auth(student)
                        .json("{\"word\":\"\\ud83d\\ude00\",\"language\":\"kk\"}")
                        .send()
                        .status())
                .as("a whole character outside the BMP is fine")
                .isEqualTo(200);
    }

    @Test
    void a_refusal_because_of_who_acts_answers_403_with_its_reason() {
        JsonNode problem =
                api.post("/api/paints/1/withdrawal").auth(student).send().problem(403);

        assertThat(problem.get("reason").asString()).isEqualTo("only-the-painter-withdraws");
        assertThat(problem.get("detail").asString()).isEqualTo("Only the painter withdraws");
    }

    @Test
    void a_key_is_scoped_to_one_kind_of_resource() {
        String text = "kinds-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        JsonNode note = api.post("/api/notes")
                .auth(student)
                .header("Idempotency-Key", key)
                .json(text)
                .send()
                .json();
        ServiceApi.Answer memo = api.post("/api/notes?kind=memo")
                .auth(student)
                .header("Idempotency-Key", key)
                .json(text)
                .send();
        JsonNode memoAgain = api.post("/api/notes?kind=memo")
                .auth(student)
                .header("Idempotency-Key", key)
                .json(text)
                .send()
                .json();

        assertThat(memo.status()).isEqualTo(201);
        assertThat(memo.json().get("id").asString()).isNotEqualTo(note.get("id").asString());
        assertThat(memoAgain.get("id").asString())
                .isEqualTo(memo.json().get("id").asString());
        assertThat(api.get("/api/notes/count?text=" + text)
                        .auth(student)
                        .send()
                        .json()
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void two_racing_requests_with_one_key_create_once() throws Exception {
        String text = "race-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Callable<ServiceApi.Answer> create = () -> api.post("/api/notes?pause=500")
                .auth(student)
                .header("Idempotency-Key", key)
                .json(text)
                .send();

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(2)) {
            List<Future<ServiceApi.Answer>> answers = callers.invokeAll(List.of(create, create));
            for (Future<ServiceApi.Answer> answer : answers) {
                statuses.add(answer.get().status());
            }
        }

        // Usually both pass the look-up before either commits, and the later one is refused; should one
        // start after the other committed, it answers the first note instead. Either way: one note.
        assertThat(statuses).containsAnyOf(201).allMatch(status -> status == 201 || status == 409);
        assertThat(api.get("/api/notes/count?text=" + text)
                        .auth(student)
                        .send()
                        .json()
                        .asInt())
                .isEqualTo(1);
    }
}
