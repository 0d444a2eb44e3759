package kz.senim.cases.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import kz.senim.cases.MembershipFeed;
import kz.senim.cases.school.domain.SchoolClass;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The read model of people and club members follows membership-service's events, each applied once. */
@SenimIntegrationTest
class SchoolDirectoryConsumptionIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchoolPeople people;

    final String school = "dir-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_person_moves_class_and_a_redelivered_old_event_does_not_move_them_back() {
        String student = "student-" + UUID.randomUUID();
        UUID registered;
        try (MembershipFeed feed = new MembershipFeed(jdbc)) {
            registered = feed.send("person-registered", school, student, """
                    "userId":"%s","role":"student","grade":7,"classLetter":"A","guardianOf":[],"language":"ru"
                    """.formatted(student));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> people.person(school, student).isPresent());
            feed.send("person-updated", school, student, """
                    "userId":"%s","role":"student","grade":8,"classLetter":"Б","guardianOf":[],"language":"ru"
                    """.formatted(student));
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            people.of(school).classOf(student).equals(java.util.Optional.of(new SchoolClass(8, "Б"))));

            // At-least-once delivery: the same event again; a marker sent after it shows it was consumed.
            feed.send(registered, "person-registered", school, student, """
                    "userId":"%s","role":"student","grade":7,"classLetter":"A","guardianOf":[],"language":"ru"
                    """.formatted(student));
            // Same key, same partition: once the marker is applied, the duplicate before it was consumed.
            String marker = "marker-" + UUID.randomUUID();
            feed.send("person-registered", school, student, """
                    "userId":"%s","role":"student","grade":5,"classLetter":"A","guardianOf":[],"language":"ru"
                    """.formatted(marker));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> people.person(school, marker).isPresent());
        }

        assertThat(people.of(school).classOf(student)).contains(new SchoolClass(8, "Б"));
        assertThat(jdbc.sql("select count(*) from processed_message where consumer = :c and message_id = :id")
                        .param("c", MembershipEvents.CONSUMER)
                        .param("id", registered)
                        .query(Integer.class)
                        .single())
                .isOne();
    }

    @Test
    void a_record_that_can_never_be_applied_goes_to_the_dead_letters_and_the_next_one_is_applied() {
        String key = "key-" + UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        String next = "next-" + UUID.randomUUID();
        try (MembershipFeed feed = new MembershipFeed(jdbc);
                TopicProbe deadLetters = TopicProbe.on(MembershipFeed.TOPIC + ".DLT")) {
            feed.sendRaw(
                    poison,
                    "kz.senim.membership.person-registered.v1",
                    school,
                    key,
                    "{\"schoolId\":\"%s\",\"role\":\"student\"}"
                            .formatted(school)
                            .getBytes(StandardCharsets.UTF_8));
            feed.send("person-registered", school, key, """
                    "userId":"%s","role":"student","grade":6,"classLetter":"A","guardianOf":[],"language":"kk"
                    """.formatted(next));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> people.person(school, next).isPresent());
            ConsumerRecord<String, byte[]> dead = deadLetters.await(
                    r -> poison.toString()
                            .equals(new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)),
                    Duration.ofSeconds(30));
            assertThat(dead.key()).isEqualTo(key);
        }
    }

    @Test
    void a_guardian_link_and_removal_follow_the_directory() {
        String child = "child-" + UUID.randomUUID();
        String parent = "parent-" + UUID.randomUUID();
        try (MembershipFeed feed = new MembershipFeed(jdbc)) {
            feed.student(school, child, 5, "B");
            feed.person(school, parent, "parent", null, null, List.of(child));
            assertThat(people.of(school).isGuardianOf(parent, child)).isTrue();
            assertThat(people.of(school).isGuardianOf(parent, "someone-else")).isFalse();

            feed.send("person-removed", school, parent, "\"userId\":\"%s\"".formatted(parent));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> people.person(school, parent).isEmpty());
        }
        assertThat(people.of(school).isGuardianOf(parent, child)).isFalse();
    }

    @Test
    void only_members_certified_in_their_latest_school_year_mediate() {
        String member = "member-" + UUID.randomUUID();
        try (MembershipFeed feed = new MembershipFeed(jdbc)) {
            feed.student(school, member, 9, "A");
            feed.member("member-admitted", school, member, "TRAINEE");
            assertThat(people.isCertifiedMediator(school, member)).isFalse();
            feed.member("member-certified", school, member, "CERTIFIED");
            assertThat(people.isCertifiedMediator(school, member)).isTrue();
            assertThat(people.certifiedMediators(school))
                    .extracting(SchoolPeople.MediatorLoad::userId)
                    .contains(member);
            feed.member("member-left", school, member, "LEFT");
        }
        assertThat(people.isCertifiedMediator(school, member)).isFalse();
        assertThat(people.certifiedMediators(school))
                .extracting(SchoolPeople.MediatorLoad::userId)
                .doesNotContain(member);
    }
}
