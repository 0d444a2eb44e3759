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
    void the_receipt_is_shown_once_and_the_same_post_again_sends_nothing() throws Exception {
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
    void switching_the_language_keeps_the_receipt_in_a_post_body_and_sends_nothing() throws Exception {
        when(api.post(eq("/api/trust-box/schools/{school}/messages"), any(), eq("demo-gymnasium-1")))
                .thenReturn(new ApiAnswer(201, Map.of("receipt", RECEIPT), null, null));
        MvcResult form =
                mvc.perform(get("/schools/demo-gymnasium-1/trust-box?lang=kk")).andReturn();
        String sent = mvc.perform(post("/schools/demo-gymnasium-1/trust-box/messages")
                        .param("text", "something happened")
                        .param("form", hidden(form.getResponse().getContentAsString(), "form"))
                        .param("lang", "kk"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the switcher on the receipt page is a form posting the receipt back, not a link that loses it
        assertThat(sent)
                .contains("id=\"language-switch\"", "action=\"/schools/demo-gymnasium-1/trust-box/receipt\"")
                .contains("name=\"receipt\" value=\"" + RECEIPT + "\"")
                .doesNotContain("?lang=ru");

        MvcResult inRussian = mvc.perform(post("/schools/demo-gymnasium-1/trust-box/receipt")
                        .param("receipt", RECEIPT)
                        .param("lang", "ru"))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(inRussian.getResponse().getContentAsString())
                .contains("<html lang=\"ru\"", "id=\"receipt\"", RECEIPT);
        assertThat(inRussian.getResponse().getHeaders("Set-Cookie")).isEmpty();
        assertThat(inRussian.getResponse().getHeader("Cache-Control")).contains("no-store");
        verify(api, times(1)).post(eq("/api/trust-box/schools/{school}/messages"), any(), anyString());

        // a made-up "receipt" is not shown as one
        mvc.perform(post("/schools/demo-gymnasium-1/trust-box/receipt")
                        .param("receipt", "<b>not one</b>")
                        .param("lang", "ru"))
                .andExpect(status().is3xxRedirection());
        // a message being typed survives the switch too, and nothing is sent
        String typed = mvc.perform(post("/schools/demo-gymnasium-1/trust-box")
                        .param("text", "half a message")
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(typed).contains("<html lang=\"en\"", "half a message</textarea>", "data-carry=\"#text\"");
        verify(api, times(1)).post(eq("/api/trust-box/schools/{school}/messages"), any(), anyString());
    }

    @Test
    void the_conversation_survives_the_language_switch_with_the_reply_being_typed() throws Exception {
        when(api.post(eq("/api/trust-box/schools/{school}/conversation"), any(), anyString()))
                .thenReturn(new ApiAnswer(
                        200,
                        Map.of(
                                "messages",
                                List.of(Map.of(
                                        "author", "SENDER",
                                        "text", "first words",
                                        "writtenAt", "2026-11-26T10:00:00+05:00"))),
                        null,
                        null));
        String page = mvc.perform(post("/schools/demo-gymnasium-1/trust-box/conversation")
                        .param("receipt", RECEIPT)
                        .param("lang", "kk"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"language-switch\"", "action=\"/schools/demo-gymnasium-1/trust-box/conversation\"")
                .contains("data-carry=\"#text\"");
        String switched = mvc.perform(post("/schools/demo-gymnasium-1/trust-box/conversation")
                        .param("receipt", RECEIPT)
                        .param("text", "a reply half written")
                        .param("lang", "ru"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(switched).contains("<html lang=\"ru\"", "first words", "a reply half written</textarea>");
    }

    @Test
    void the_language_links_keep_the_pages_query_but_never_a_posted_field() throws Exception {
        when(api.get(eq("/api/trust-box/threads?page={page}&size={size}"), any(), any()))
                .thenReturn(new ApiAnswer(
                        200, Map.of("content", List.of(), "totalElements", 0, "totalPages", 3, "page", 2), null, null));
        String page = mvc.perform(get("/trust-box/threads?page=2&lang=kk")
                        .with(signedIn(
                                registrations.findByRegistrationId("keycloak"),
                                "c-1",
                                "demo-gymnasium-1",
                                "coordinator")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("href=\"/trust-box/threads?page=2&amp;lang=ru\"");
    }

    @Test
    void a_wrong_receipt_is_answered_calmly_and_too_many_ask_to_wait() throws Exception {
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
    void the_sender_reads_the_conversation_and_answers_a_proposal_with_the_receipt_in_hidden_fields_only()
            throws Exception {
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
    void a_coordinator_sees_the_thread_and_the_way_to_the_opened_case() throws Exception {
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
    void a_student_is_refused_the_inbox_on_a_page_in_their_language_with_their_menu() throws Exception {
        when(api.get(eq("/api/trust-box/threads?page={page}&size={size}"), any(), any()))
                .thenThrow(new ApiProblem(403, null, "Forbidden", "", Map.of()));
        String page = mvc.perform(get("/trust-box/threads?lang=kk")
                        .with(signedIn(
                                registrations.findByRegistrationId("keycloak"), "s-1", "demo-gymnasium-1", "student")))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("<html lang=\"kk\"", "href=\"/notifications\"")
                .doesNotContain("id=\"threads\"");
    }

    @Test
    void a_coordinators_reply_goes_to_the_api_and_back_to_the_thread() throws Exception {
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
