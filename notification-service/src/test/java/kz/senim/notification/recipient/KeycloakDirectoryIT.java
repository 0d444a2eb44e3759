package kz.senim.notification.recipient;

import static kz.senim.notification.Events.CASES;
import static kz.senim.notification.Events.MEMBERSHIP;
import static kz.senim.notification.Events.personRegistered;
import static kz.senim.notification.Events.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import kz.senim.notification.Events;
import kz.senim.notification.Mailbox;
import kz.senim.notification.people.PersonRepository;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.keycloak.SenimKeycloak;
import kz.senim.test.keycloak.WithKeycloak;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** E-mail addresses and languages from the real Keycloak's Admin REST API, and a mail end to end. */
@SenimIntegrationTest
@WithKeycloak
class KeycloakDirectoryIT {

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("senim.keycloak.url", () -> SenimKeycloak.get().baseUrl());
    }

    @Autowired
    RecipientDirectory directory;

    @Autowired
    PersonRepository people;

    @Test
    void a_demo_user_is_found_with_the_email_and_language_of_the_profile() throws Exception {
        Optional<Recipient> coordinator = directory.find(idOf("coordinator.gym1"));
        Optional<Recipient> admin = directory.find(idOf("admin.gym1"));

        assertThat(coordinator).hasValueSatisfying(r -> {
            assertThat(r.email()).isEqualTo("coordinator.gym1@example.org");
            assertThat(r.language()).contains(Locale.of("kk"));
        });
        assertThat(admin).hasValueSatisfying(r -> assertThat(r.language()).contains(Locale.of("en")));
    }

    @Test
    void an_unknown_user_has_no_address() {
        assertThat(directory.find(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void a_new_request_reaches_the_real_coordinators_mailbox_in_the_language_of_the_profile() throws Exception {
        String school = "kc-" + UUID.randomUUID().toString().substring(0, 8);
        String coordinator = idOf("coordinator.gym1");
        publish(MEMBERSHIP, "kz.senim.membership.school-registered.v1", school, school, Events.schoolRegistered("en"));
        // The directory entry says ru; the Keycloak profile (kk) is the user's own, newer choice.
        publish(
                MEMBERSHIP,
                "kz.senim.membership.person-registered.v1",
                coordinator,
                school,
                personRegistered(coordinator, "coordinator", null, "ru"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> people.find(coordinator)
                        .filter(p -> p.schoolId().equals(school))
                        .isPresent());
        UUID caseId = UUID.randomUUID();
        publish(CASES, "kz.senim.cases.request-submitted.v1", caseId.toString(), school, """
                "caseId":"%s","kind":"MEDIATION","channel":"ONLINE_FORM","urgency":"NORMAL","partyCount":2,"adultParty":false""".formatted(caseId));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Mailbox.to("coordinator.gym1@example.org").stream()
                        .anyMatch(m -> Mailbox.plainText(m).contains(caseId.toString())));
        MimeMessage mail = Mailbox.to("coordinator.gym1@example.org").stream()
                .filter(m -> Mailbox.plainText(m).contains(caseId.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(Mailbox.subject(mail)).isEqualTo("Жаңа өтініш назарыңызды қажет етеді");
    }

    private static String idOf(String username) throws Exception {
        SenimKeycloak keycloak = SenimKeycloak.get();
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.adminUri() + "/users?exact=true&username="
                        + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + keycloak.serviceAccountToken())
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            String body =
                    http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            return JsonMapper.builder().build().readTree(body).get(0).get("id").asString();
        }
    }
}
