package kz.senim.portal.cases;

import static kz.senim.portal.PortalPages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The case page shows what the API answered for this viewer, read into {@link CaseView}: a party sees their
 * sessions, their agreement and what they may do; a coordinator the triage, the candidates and the legal hold; a
 * guardian only their own consent. Fields the page does not use are ignored.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ShowingACaseTest {

    private static final String SCHOOL = "demo-gymnasium-1";

    private final String caseId = UUID.randomUUID().toString();
    private final String sessionId = UUID.randomUUID().toString();

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @MockitoBean
    GatewayApi api;

    @BeforeEach
    void theSchool() {
        when(api.get(eq("/api/schools/{id}"), any()))
                .thenReturn(new ApiAnswer(200, Map.of("timeZone", "Asia/Almaty"), null, null));
        when(api.get(eq("/api/people/{userId}"), any()))
                .thenThrow(new ApiProblem(404, null, "Not found", "", Map.of()));
    }

    @Test
    void a_party_in_mediation_sees_their_sessions_and_signs_their_own_commitment() throws Exception {
        Map<String, Object> theCase = aCase("IN_MEDIATION");
        theCase.put("channel", "ONLINE_FORM");
        theCase.put("parties", List.of(party("p-1", "s-1", true), party("p-2", "s-2", false)));
        theCase.put("mediators", List.of(Map.of("userId", "m-1", "kind", "PEER")));
        theCase.put(
                "sessions",
                List.of(Map.of(
                        "id",
                        sessionId,
                        "kind",
                        "JOINT",
                        "startsAt",
                        "2026-12-09T14:30:00+05:00",
                        "place",
                        "Room 214",
                        "participants",
                        List.of("p-1", "p-2"),
                        "cancelled",
                        false)));
        theCase.put(
                "agreement",
                Map.of(
                        "commitments",
                        List.of(
                                Map.of("partyId", "p-1", "text", "I will ask before I borrow"),
                                Map.of("partyId", "p-2", "text", "I will not shout")),
                        "signedBy",
                        List.of("p-2"),
                        "inForce",
                        false));
        when(api.get("/api/cases/{id}", caseId)).thenReturn(new ApiAnswer(200, theCase, "\"3\"", null));

        String page = page("s-1", "student");

        assertThat(page)
                .contains("id=\"session-" + sessionId + "\"", "Room 214")
                .contains("I will ask before I borrow", "I will not shout")
                .contains("Not yet in force")
                .contains("id=\"sign\"", "id=\"withdraw\"", "id=\"objection\"")
                .doesNotContain("id=\"consent-yes\"", "id=\"audit-link\"", "id=\"save-notes-");
    }

    @Test
    void a_party_who_signed_is_not_asked_to_sign_again() throws Exception {
        Map<String, Object> theCase = aCase("IN_MEDIATION");
        theCase.put("parties", List.of(party("p-1", "s-1", true), party("p-2", "s-2", false)));
        theCase.put("mediators", List.of());
        theCase.put("sessions", List.of());
        theCase.put(
                "agreement",
                Map.of(
                        "commitments",
                        List.of(Map.of("partyId", "p-1", "text", "a"), Map.of("partyId", "p-2", "text", "b")),
                        "signedBy",
                        List.of("p-1"),
                        "inForce",
                        false));
        when(api.get("/api/cases/{id}", caseId)).thenReturn(new ApiAnswer(200, theCase, "\"3\"", null));

        assertThat(page("s-1", "student")).doesNotContain("id=\"sign\"").contains("id=\"withdraw\"");
    }

    @Test
    void a_coordinator_sees_the_triage_the_candidates_and_the_legal_hold() throws Exception {
        Map<String, Object> theCase = aCase("TRIAGED");
        theCase.put("description", "They argued about a phone");
        theCase.put(
                "triage",
                Map.of(
                        "decision", "ACCEPT_FOR_PEER_MEDIATION",
                        "mediatedBy", "PEER_MEDIATORS",
                        "escalated", false,
                        "reason", "Both asked for help"));
        theCase.put("parties", List.of(party("p-1", "s-1", false), party("p-2", "s-2", false)));
        theCase.put("mediators", List.of());
        theCase.put("sessions", List.of());
        theCase.put("legalHold", false);
        when(api.get("/api/cases/{id}", caseId)).thenReturn(new ApiAnswer(200, theCase, "\"2\"", null));
        when(api.get("/api/cases/{id}/mediator-candidates", caseId))
                .thenReturn(new ApiAnswer(
                        200,
                        List.of(
                                Map.of("userId", "m-1", "openCases", 2, "eligible", true),
                                Map.of(
                                        "userId",
                                        "m-2",
                                        "openCases",
                                        0,
                                        "eligible",
                                        false,
                                        "reason",
                                        "mediator-in-party-class")),
                        null,
                        null));

        String page = page("c-1", "coordinator");

        assertThat(page)
                .contains("They argued about a phone", "Both asked for help")
                .contains("id=\"candidate-m-1\"", "id=\"assign-m-1\"", "id=\"candidate-m-2\"")
                .contains("No: in the same class as a party")
                .doesNotContain("id=\"assign-m-2\"")
                .contains("id=\"audit-link\"", "id=\"escalation\"", "id=\"place-legal-hold\"")
                .doesNotContain("id=\"release-legal-hold\"", "id=\"triage-button\"");
    }

    @Test
    void a_guardian_sees_only_their_own_consent_to_give() throws Exception {
        Map<String, Object> theCase = aCase("AWAITING_CONSENT");
        theCase.put("mediatedBy", "PEER_MEDIATORS");
        theCase.put("guardianConsents", List.of(Map.of("partyId", "p-1")));
        when(api.get("/api/cases/{id}", caseId)).thenReturn(new ApiAnswer(200, theCase, "\"4\"", null));

        String page = page("g-1", "parent");

        assertThat(page)
                .contains("id=\"guardian-consent\"", "id=\"guardian-consent-yes-0\"", "id=\"guardian-mediated-by\"")
                .doesNotContain("id=\"parties\"", "id=\"team\"", "id=\"withdraw\"", "id=\"guardian-answer-0\"");
    }

    private Map<String, Object> aCase(String status) {
        Map<String, Object> theCase = new HashMap<>();
        theCase.put("id", caseId);
        theCase.put("kind", "MEDIATION");
        theCase.put("status", status);
        theCase.put("urgency", "NORMAL");
        theCase.put("submittedAt", "2026-12-01T09:00:00+05:00");
        return theCase;
    }

    private static Map<String, Object> party(String id, String userId, boolean you) {
        return Map.of("id", id, "userId", userId, "adult", false, "grade", 9, "you", you);
    }

    private String page(String userId, String role) throws Exception {
        return mvc.perform(get("/cases/" + caseId + "?lang=en")
                        .with(signedIn(registrations.findByRegistrationId("keycloak"), userId, SCHOOL, role)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
