package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.ALUA;
import static kz.senim.cases.mediation.domain.Cases.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The request on its own: whom it names, who is identified later, what the purge leaves. */
class RequestTest {

    private final Party named = new Party(UUID.randomUUID(), null, false, null, "Bekzat from 7B");
    private final Request request = Request.submitted(
            Cases.SCHOOL,
            Channel.ONLINE_FORM,
            Urgency.NORMAL,
            "kk",
            ALUA,
            List.of(Party.student(ALUA, 7), named),
            "We argued",
            NOW);

    @Test
    void a_named_party_identified_keeps_their_place_and_gets_the_directorys_facts() {
        Request identified = request.identified(named.id(), Party.student("student-bekzat", 7));

        Party bekzat = identified.party(named.id());
        assertThat(bekzat.userId()).isEqualTo("student-bekzat");
        assertThat(bekzat.grade()).isEqualTo(7);
        assertThat(identified.parties()).hasSize(2);
        assertThat(identified.hasAdultParty()).isFalse();
        assertThat(request.identified(named.id(), Party.adult("parent-x")).hasAdultParty())
                .isTrue();
    }

    @Test
    void an_unknown_party_is_refused() {
        assertThatThrownBy(() -> request.party(UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        MediationRefused.class, e -> assertThat(e.reason()).isEqualTo("unknown-party"));
    }

    @Test
    void the_purge_removes_the_narrative_and_the_names_and_keeps_the_facts() {
        Request purged = request.purged(Mediation.PURGED);

        assertThat(purged.description()).isNull();
        assertThat(purged.party(named.id()).name()).isEqualTo(Mediation.PURGED);
        assertThat(purged.parties()).extracting(Party::userId).containsExactly(ALUA, null);
        assertThat(purged.submittedAt()).isEqualTo(NOW);
        assertThat(purged.preferredLanguage()).isEqualTo("kk");
    }

    @Test
    void only_a_trust_box_request_has_no_submitter() {
        assertThat(Request.fromTrustBox(Cases.SCHOOL, Urgency.HIGH, "told anonymously", NOW)
                        .submittedBy())
                .isNull();
        assertThatThrownBy(() -> new Request(
                        UUID.randomUUID(),
                        Cases.SCHOOL,
                        Channel.ONLINE_FORM,
                        Urgency.HIGH,
                        null,
                        null,
                        NOW,
                        List.of(),
                        "x"))
                .isInstanceOf(NullPointerException.class);
    }
}
