package kz.senim.membership.mediatorrole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.keycloak.SenimKeycloak;
import kz.senim.test.keycloak.WithKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Against the harness's real Keycloak: admission gives the demo student the {@code mediator} realm
 * role (a freshly issued token carries it), and leaving the club takes it away again.
 */
@SenimIntegrationTest(properties = "senim.events.resubmission-interval=PT1S")
@WithKeycloak
class MediatorRoleIT {

    static final String SCHOOL = "demo-gymnasium-1";

    /** The service reaches Keycloak's Admin API through this proxy, which a test can switch off. */
    static SwitchableProxy adminApi;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("senim.keycloak.url", () -> {
            if (adminApi == null) {
                adminApi = SwitchableProxy.to(SenimKeycloak.get().baseUrl());
            }
            return adminApi.url();
        });
    }

    @AfterAll
    static void closeProxy() throws Exception {
        if (adminApi != null) {
            adminApi.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void admission_grants_the_mediator_role_and_leaving_removes_it() throws Exception {
        SenimKeycloak keycloak = SenimKeycloak.get();
        ServiceApi api = ServiceApi.at(port);
        String districtAdmin = bearer(keycloak, "district-admin");
        String coordinator = bearer(keycloak, "coordinator.gym1");
        String student = bearer(keycloak, "student2.gym1");
        String coordinatorId = subject(coordinator);
        String studentId = subject(student);
        assertThat(realmRoles(keycloak, "student2.gym1")).doesNotContain("mediator");
        demoSchool(api, districtAdmin, coordinator, coordinatorId);
        person(api, coordinator, studentId, "student", 9);

        admit(api, student, coordinator, coordinatorId);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> realmRoles(keycloak, "student2.gym1").contains("mediator"));
        assertThat(rolesInNextToken(keycloak, "student2.gym1")).contains("student", "mediator");

        assertThat(api.post("/api/membership/members/" + studentId + "/departure")
                        .auth(bearer(keycloak, "student2.gym1"))
                        .send()
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("LEFT");

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !realmRoles(keycloak, "student2.gym1").contains("mediator"));
        assertThat(rolesInNextToken(keycloak, "student2.gym1"))
                .contains("student")
                .doesNotContain("mediator");
        await().atMost(Duration.ofSeconds(60)).until(() -> outstandingRoleChanges() == 0);
    }

    @Test
    void an_admission_while_keycloak_is_unreachable_is_answered_and_the_role_follows_once_it_is_back()
            throws Exception {
        SenimKeycloak keycloak = SenimKeycloak.get();
        ServiceApi api = ServiceApi.at(port);
        String coordinator = bearer(keycloak, "coordinator.gym1");
        String student = bearer(keycloak, "student1.gym1");
        String coordinatorId = subject(coordinator);
        demoSchool(api, bearer(keycloak, "district-admin"), coordinator, coordinatorId);
        person(api, coordinator, subject(student), "student", 10);
        assertThat(realmRoles(keycloak, "student1.gym1")).doesNotContain("mediator");

        adminApi.off();
        try {
            admit(api, student, coordinator, coordinatorId);
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            jdbc.sql("select count(*) from event_publication where listener_id like '%MediatorRole%'"
                                                    + " and status in ('FAILED', 'RESUBMITTED')")
                                            .query(Long.class)
                                            .single()
                                    > 0);
            assertThat(realmRoles(keycloak, "student1.gym1")).doesNotContain("mediator");
        } finally {
            adminApi.on();
        }

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> realmRoles(keycloak, "student1.gym1").contains("mediator"));
        await().atMost(Duration.ofSeconds(60)).until(() -> outstandingRoleChanges() == 0);

        api.post("/api/membership/members/" + subject(student) + "/departure")
                .auth(student)
                .send();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !realmRoles(keycloak, "student1.gym1").contains("mediator"));
    }

    private long outstandingRoleChanges() {
        return jdbc.sql("select count(*) from event_publication where listener_id like '%MediatorRole%'")
                .query(Long.class)
                .single();
    }

    private static void demoSchool(ServiceApi api, String districtAdmin, String coordinator, String coordinatorId) {
        assertThat(api.post("/api/schools")
                        .auth(districtAdmin)
                        .json("""
                                {"id":"%s","names":{"kk":"№1 демо гимназиясы","ru":"Демо-гимназия №1","en":"Demo Gymnasium No. 1"},
                                 "city":"Almaty","region":"Almaty"}
                                """.formatted(SCHOOL))
                        .send()
                        .status())
                .isIn(201, 409);
        ServiceApi.Answer registered =
                api.get("/api/people/" + coordinatorId).auth(coordinator).send();
        if (registered.status() == 404) {
            person(api, coordinator, coordinatorId, "coordinator", null);
        }
    }

    private static void admit(ServiceApi api, String student, String coordinator, String coordinatorId) {
        String application = api.post("/api/membership/applications")
                .auth(student)
                .json("{\"motivation\":\"I want to help\",\"availability\":\"Fridays\"}")
                .send()
                .json()
                .get("id")
                .asString();
        api.post("/api/membership/applications/" + application + "/interview")
                .auth(coordinator)
                .json("{\"at\":\"2026-12-01T10:00:00Z\",\"place\":\"204\",\"interviewerId\":\"%s\"}"
                        .formatted(coordinatorId))
                .send();
        assertThat(api.post("/api/membership/applications/" + application + "/acceptance")
                        .auth(coordinator)
                        .send()
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ACCEPTED");
    }

    private static void person(ServiceApi api, String coordinator, String userId, String role, Integer grade) {
        assertThat(api.post("/api/people")
                        .auth(coordinator)
                        .json("""
                                {"userId":"%s","role":"%s","grade":%s,"classLetter":%s,"language":"kk",
                                 "givenName":"Demo","familyName":"User"}
                                """.formatted(userId, role, grade, grade == null ? "null" : "\"А\""))
                        .send()
                        .status())
                .isEqualTo(201);
    }

    private static String bearer(SenimKeycloak keycloak, String user) {
        return "Bearer " + keycloak.passwordToken(user, SenimKeycloak.DEMO_PASSWORD);
    }

    private static String subject(String bearer) throws Exception {
        return SignedJWT.parse(bearer.substring("Bearer ".length()))
                .getJWTClaimsSet()
                .getSubject();
    }

    /**
     * The realm roles the user holds in Keycloak now, read through the Admin API: polled without logging the
     * user in again and again (the realm's brute-force detection is on).
     */
    private static List<String> realmRoles(SenimKeycloak keycloak, String user) {
        return keycloak.realmRolesOf(user);
    }

    /** The realm roles in a freshly issued token of the user: what the user's next sign-in carries. */
    @SuppressWarnings("unchecked")
    private static List<String> rolesInNextToken(SenimKeycloak keycloak, String user) throws Exception {
        Map<String, Object> access = SignedJWT.parse(keycloak.freshPasswordToken(user, SenimKeycloak.DEMO_PASSWORD))
                .getJWTClaimsSet()
                .getJSONObjectClaim("realm_access");
        return (List<String>) access.get("roles");
    }
}
