package kz.senim.cases;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.senim.contracts.EventContracts;
import kz.senim.test.Infrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plays membership-service in tests: sends its person-* and member-* events to
 * {@code senim.membership.v1} as CloudEvents (each payload checked against its agreed schema), and
 * waits until case-service's read model has applied them.
 */
public final class MembershipFeed implements AutoCloseable {

    public static final String TOPIC = "senim.membership.v1";

    private final JdbcClient jdbc;
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    Infrastructure.kafka().bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());

    public MembershipFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** membership-service registered the school (the trust box takes messages only for known schools). */
    public void school(String school) {
        send("school-registered", school, school, "\"timeZone\":\"Asia/Almaty\",\"defaultLanguage\":\"kk\"");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from school where id = :s")
                                .param("s", school)
                                .query(Integer.class)
                                .single()
                        == 1);
    }

    public void student(String school, String userId, int grade, String letter) {
        person(school, userId, "student", grade, letter, List.of());
    }

    public void person(
            String school, String userId, String role, Integer grade, String letter, List<String> guardianOf) {
        send("person-registered", school, userId, """
                "userId":"%s","role":"%s","grade":%s,"classLetter":%s,"guardianOf":[%s],"language":"kk"
                """.formatted(
                        userId,
                        role,
                        grade,
                        letter == null ? "null" : "\"" + letter + "\"",
                        guardianOf.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(","))));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from person where school_id = :s and user_id = :u and role = :r")
                                .param("s", school)
                                .param("u", userId)
                                .param("r", role)
                                .query(Integer.class)
                                .single()
                        == 1);
    }

    /** A student of the school who is a certified member of the club this year. */
    public void certifiedMediator(String school, String userId, int grade, String letter) {
        student(school, userId, grade, letter);
        member("member-certified", school, userId, "CERTIFIED");
    }

    public void member(String what, String school, String userId, String status) {
        send(what, school, userId, """
                "userId":"%s","schoolYear":"2025-2026","status":"%s"
                """.formatted(userId, status));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql(
                                        "select count(*) from club_member where school_id = :s and user_id = :u and status = :st")
                                .param("s", school)
                                .param("u", userId)
                                .param("st", status)
                                .query(Integer.class)
                                .single()
                        == 1);
    }

    public UUID send(String what, String school, String key, String fields) {
        return send(UUID.randomUUID(), what, school, key, fields);
    }

    public UUID send(UUID id, String what, String school, String key, String fields) {
        String type = "kz.senim.membership." + what + ".v1";
        byte[] payload =
                """
                {"eventId":"%s","schoolId":"%s","occurredAt":"%s",%s}
                """.formatted(id, school, Instant.now(), fields.strip()).getBytes(StandardCharsets.UTF_8);
        EventContracts.assertConforms(type, payload);
        return sendRaw(id, type, school, key, payload);
    }

    /** Sends any bytes as the given type, unchecked: for records a consumer must survive. */
    public UUID sendRaw(UUID id, String type, String school, String key, byte[] payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, payload);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id.toString());
        header(record, "ce_type", type);
        header(record, "ce_source", "/membership-service");
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", key);
        header(record, "ce_schoolid", school);
        header(record, "content-type", "application/json");
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
