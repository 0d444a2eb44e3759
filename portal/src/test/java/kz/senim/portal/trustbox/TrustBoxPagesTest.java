package kz.senim.portal.trustbox;

import static kz.senim.portal.PortalPages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.test.web.servlet.MvcResult;

/**
 * The trust box's pages against a stand-in API: the sender's pages keep no session and no cookie, show the
 * receipt once (a form posted again shows no receipt and sends nothing), and take a wrong receipt calmly.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TrustBoxPagesTest {

    private static final String RECEIPT = "7KQM-3XRD-ABCD-EFGH-JKMN";

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @MockitoBean
    GatewayApi api;

    @BeforeEach
    void schools() {
        when(api.get(eq("/api/schools/{id}"), any()))
                .thenReturn(new ApiAnswer(200, Map.of("timeZone", "Asia/Almaty"), null, null));
        when(api.get(eq("/api/schools/{school}/club?lang={lang}"), any(), any()))
                .thenReturn(new ApiAnswer(200, Map.of("name", "Senim"), null, null));
    }

    @Test
    void theReceiptIsShownOnceAndTheSamePostAgainSendsNothing() throws Exception {
        when(api.post(eq("/api/trust-box/schools/{school}/messages"), any(), eq("demo-gymnasium-1")))
                .thenReturn(new ApiAnswer(201, Map.of("receipt", RECEIPT), null, null));
        MvcResult form = mvc.perform(get("/schools/demo-gymnasium-1/trust-box?lang=kk"))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(form.getResponse().getHeaders("Set-Cookie")).isEmpty();
        assertThat(form.getRequest().getSession(false)).isNull();
        String token = hidden(form.getResponse().getContentAsString(), "form");

        MvcResult sent = mvc.perform(post("/schools/demo-gymnasium-1/trust-box/messages")
                        .param("text", "something happened")
                        .param("form", token)
                        .param("lang", "kk"))
                .andExpect(status().isOk())
                .andReturn();
        String page = sent.getResponse().getContentAsString();
        assertThat(page).contains(RECEIPT).contains("data-copy=\"#receipt\"").contains("data-print");
        assertThat(page).contains("lang=\"kk\"");
        assertThat(sent.getResponse().getHeaders("Set-Cookie")).isEmpty();
        assertThat(sent.getResponse().getHeader("Cache-Control")).contains("no-store");

        String again = mvc.perform(post("/schools/demo-gymnasium-1/trust-box/messages")
                        .param("text", "something happened")
                        .param("form", token)
                        .param("lang", "kk"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(again).doesNotContain(RECEIPT).contains("trust-box-form");
        verify(api, times(1)).post(eq("/api/trust-box/schools/{school}/messages"), any(), anyString());
    }

    @Test
    void aWrongReceiptIsAnsweredCalmlyAndTooManyAskToWait() throws Exception {
        when(api.post(eq("/api/trust-box/schools/{school}/conversation"), any(), anyString()))
                .thenThrow(new ApiProblem(404, null, "Not found", "", Map.of()))
                .thenThrow(new ApiProblem(429, "too-many-requests", "Too many", "", Map.of()));
        String wrong = mvc.perform(post("/schools/demo-gymnasium-1/trust-box/conversation")
                        .param("receipt", "0000-0000-0000-0000-0000")
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(wrong).contains("id=\"wrong-receipt\"").doesNotContain("0000-0000");
        String waiting = mvc.perform(post("/schools/demo-gymnasium-1/trust-box/conversation")
                        .param("receipt", "0000-0000-0000-0000-0000")
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(waiting).contains("id=\"too-many\"");
    }

    @Test
    void theSenderReadsTheConversationAndAnswersAProposalWithTheReceiptInHiddenFieldsOnly() throws Exception {
        Map<String, Object> conversation = Map.of(
                "messages",
                List.of(
                        Map.of("author", "SENDER", "text", "first words", "writtenAt", "2026-11-26T10:00:00+05:00"),
                        Map.of("author", "COORDINATOR", "text", "an answer", "writtenAt", "2026-11-26T11:00:00+05:00")),
                "caseProposal",
                "PROPOSED");
        when(api.post(eq("/api/trust-box/schools/{school}/conversation"), any(), anyString()))
                .thenReturn(new ApiAnswer(200, conversation, null, null));
        MvcResult read = mvc.perform(post("/schools/demo-gymnasium-1/trust-box/conversation")
                        .param("receipt", RECEIPT)
                        .param("lang", "ru"))
                .andExpect(status().isOk())
                .andReturn();
        String page = read.getResponse().getContentAsString();
        assertThat(page).contains("first words", "an answer", "id=\"agree-case\"", "id=\"decline-case\"");
        assertThat(page).contains("name=\"receipt\" value=\"" + RECEIPT + "\"");
        assertThat(page).doesNotContain("?receipt=", "receipt=" + RECEIPT + "&");
        assertThat(read.getResponse().getHeaders("Set-Cookie")).isEmpty();
    }

    @Test
    void aCoordinatorSeesTheThreadAndTheWayToTheOpenedCase() throws Exception {
        UUID thread = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        when(api.get("/api/trust-box/threads/{id}", thread))
                .thenReturn(new ApiAnswer(
                        200,
                        Map.of(
                                "id", thread.toString(),
                                "openedAt", "2026-11-26T10:00:00+05:00",
                                "messages",
                                        List.of(Map.of(
                                                "author", "SENDER",
                                                "text", "first words",
                                                "writtenAt", "2026-11-26T10:00:00+05:00")),
                                "safetyConcerns",
                                        List.of(Map.of(
                                                "coordinatorId", "c-1", "flaggedAt", "2026-11-26T10:05:00+05:00")),
                                "caseProposal",
                                        Map.of(
                                                "status", "OPENED",
                                                "proposedBy", "c-1",
                                                "proposedAt", "2026-11-26T10:10:00+05:00",
                                                "answeredAt", "2026-11-26T10:20:00+05:00",
                                                "caseId", caseId.toString())),
                        null,
                        null));
        String page = mvc.perform(get("/trust-box/threads/" + thread)
                        .with(signedIn(
                                registrations.findByRegistrationId("keycloak"),
                                "c-1",
                                "demo-gymnasium-1",
                                "coordinator")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("first words", "href=\"/cases/" + caseId + "\"", "id=\"safety-concerns\"");
        assertThat(page).contains("name=\"_csrf\"");
    }

    @Test
    void aCoordinatorsReplyGoesToTheApiAndBackToTheThread() throws Exception {
        UUID thread = UUID.randomUUID();
        when(api.post(eq("/api/trust-box/threads/{id}/replies"), any(), eq(thread)))
                .thenReturn(new ApiAnswer(200, Map.of(), null, null));
        mvc.perform(post("/trust-box/threads/" + thread + "/replies")
                        .param("text", "we hear you")
                        .with(csrf())
                        .with(signedIn(
                                registrations.findByRegistrationId("keycloak"),
                                "c-1",
                                "demo-gymnasium-1",
                                "coordinator")))
                .andExpect(status().is3xxRedirection());
        verify(api).post("/api/trust-box/threads/{id}/replies", Map.of("text", "we hear you"), thread);
    }

    private static String hidden(String html, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(m.find()).as("hidden field %s", name).isTrue();
        return m.group(1);
    }
}
