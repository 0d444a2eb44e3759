package kz.senim.portal.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kz.senim.portal.cases.CaseAction.Agreeing;
import kz.senim.portal.cases.CaseAction.Involving;
import kz.senim.portal.cases.CaseAction.Meeting;
import kz.senim.portal.cases.CaseAction.Staffing;
import kz.senim.portal.cases.CaseAction.Triaging;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * A case page's form read into its typed action sends the API the body it always sent: the fields the form
 * had, absent ones left out, and nothing that belongs in the path or a header.
 */
class CaseActionsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void triage_sends_the_decision_the_reason_and_whether_there_is_a_concern() {
        CaseAction triage = read("triage", "decision", "ACCEPT_FOR_PEER_MEDIATION", "reason", "two classmates");

        assertThat(triage).isInstanceOf(Triaging.Triage.class);
        assertThat(body(triage))
                .isEqualTo(Map.of(
                        "decision",
                        "ACCEPT_FOR_PEER_MEDIATION",
                        "reason",
                        "two classmates",
                        "safeguardingConcern",
                        false));
        assertThat(body(read("triage", "decision", "ESCALATE", "safeguardingConcern", "on")))
                .isEqualTo(Map.of("decision", "ESCALATE", "safeguardingConcern", true));
    }

    @Test
    void the_families_are_told_by_the_actions_name() {
        assertThat(read("assignment", "userId", "u-1")).isInstanceOf(Staffing.class);
        assertThat(read("conflict-of-interest")).isInstanceOf(Staffing.DeclareConflictOfInterest.class);
        assertThat(read("consent-request")).isInstanceOf(Involving.class);
        assertThat(read("session-cancellation", "sessionId", "s-1")).isEqualTo(new Meeting.Cancel("s-1"));
        assertThat(read("closure")).isInstanceOf(Agreeing.class);
        assertThat(read("legal-hold-release")).isInstanceOf(CaseAction.Holding.Release.class);
        assertThat(CaseAction.read("purge-everything", new LinkedMultiValueMap<>(), local -> local))
                .isEmpty();
    }

    @Test
    void identification_sends_the_person_chosen_and_keeps_the_party_for_the_path() {
        CaseAction identify = read("identification", "partyId", "p-2", "userId", "s-2");

        assertThat(body(identify)).isEqualTo(Map.of("userId", "s-2"));
        assertThat(((Involving.Identify) identify).partyId()).isEqualTo("p-2");
        assertThat(((Involving.Identify) read("identification", "partyId", "p-2", "userId", " ")).nobodyChosen())
                .isTrue();
    }

    @Test
    void consent_and_withdrawal_send_only_what_the_form_had() {
        assertThat(body(read("consent", "partyId", "p-1", "given", "true", "note", " ")))
                .isEqualTo(Map.of("partyId", "p-1", "given", true, "guardian", false));
        assertThat(body(read("consent", "partyId", "p-1", "given", "false", "guardian", "on", "note", "by phone")))
                .isEqualTo(Map.of("partyId", "p-1", "given", false, "guardian", true, "note", "by phone"));
        Involving.Withdraw own = (Involving.Withdraw) read("withdrawal");
        assertThat(own.withNote()).as("a party withdrawing sends no body").isFalse();
        assertThat(body(read("withdrawal", "partyId", "p-1", "note", "moved school")))
                .isEqualTo(Map.of("partyId", "p-1", "note", "moved school"));
    }

    @Test
    void notes_and_the_agreement_keep_their_etag_and_session_out_of_the_body() {
        Meeting.WriteNotes notes = (Meeting.WriteNotes) read("notes", "sessionId", "s-1", "etag", "\"3\"");
        assertThat(body(notes)).isEqualTo(Map.of("notes", ""));
        assertThat(notes.etag()).isEqualTo("\"3\"");

        Agreeing.Write agreement = (Agreeing.Write)
                read("agreement", "etag", "\"4\"", "commitment-p-1", "I will ask first", "commitment-p-2", "Me too");
        assertThat(body(agreement))
                .isEqualTo(Map.of(
                        "commitments",
                        List.of(
                                Map.of("partyId", "p-1", "text", "I will ask first"),
                                Map.of("partyId", "p-2", "text", "Me too"))));
        assertThat(agreement.etag()).isEqualTo("\"4\"");
    }

    @Test
    void a_session_sends_its_participants_and_no_place_when_none_was_typed() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("kind", "JOINT");
        form.add("participants", "p-1");
        form.add("participants", "p-2");

        assertThat(body(CaseAction.read("session", form, local -> local).orElseThrow()))
                .isEqualTo(Map.of("kind", "JOINT", "participants", List.of("p-1", "p-2")));
    }

    private static CaseAction read(String action, String... fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.add(fields[i], fields[i + 1]);
        }
        return CaseAction.read(action, form, local -> local).orElseThrow();
    }

    private Object body(CaseAction action) {
        return json.readValue(json.writeValueAsBytes(action), Object.class);
    }
}
