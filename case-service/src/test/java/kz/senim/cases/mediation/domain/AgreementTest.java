package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.ALUA;
import static kz.senim.cases.mediation.domain.Cases.BEKZAT;
import static kz.senim.cases.mediation.domain.Cases.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The agreement on its own: mutual commitments, one signature per party, in force when all signed. */
class AgreementTest {

    private final Party alua = Party.student(ALUA, 7);
    private final Party bekzat = Party.student(BEKZAT, 7);
    private final List<Party> parties = List.of(alua, bekzat);

    @Test
    void every_party_commits_to_something_and_only_parties_do() {
        assertThatThrownBy(() -> Agreement.write(List.of(new Commitment(alua.id(), "say hello")), parties))
                .isInstanceOfSatisfying(
                        MediationRefused.class, e -> assertThat(e.reason()).isEqualTo("agreement-not-mutual"));
        assertThatThrownBy(() -> Agreement.write(List.of(new Commitment(UUID.randomUUID(), "anything")), parties))
                .isInstanceOfSatisfying(
                        MediationRefused.class, e -> assertThat(e.reason()).isEqualTo("unknown-party"));
    }

    @Test
    void a_party_without_an_account_cannot_sign_so_no_agreement_is_written() {
        Party named = new Party(UUID.randomUUID(), null, false, 7, "A pupil");

        assertThatThrownBy(() -> Agreement.write(
                        List.of(new Commitment(alua.id(), "a"), new Commitment(named.id(), "b")), List.of(alua, named)))
                .isInstanceOfSatisfying(
                        MediationRefused.class, e -> assertThat(e.reason()).isEqualTo("party-cannot-sign"));
    }

    @Test
    void in_force_only_when_every_party_signed_each_once() {
        Agreement written = Agreement.write(
                List.of(new Commitment(alua.id(), "say hello"), new Commitment(bekzat.id(), "give back the seat")),
                parties);

        Agreement half = written.signedBy(alua.id(), NOW);

        assertThat(half.isInForceFor(parties)).isFalse();
        assertThat(half.signedBy(bekzat.id(), NOW).isInForceFor(parties)).isTrue();
        assertThatThrownBy(() -> half.signedBy(alua.id(), NOW))
                .isInstanceOfSatisfying(
                        MediationRefused.class, e -> assertThat(e.reason()).isEqualTo("agreement-already-signed"));
    }

    @Test
    void the_purge_keeps_whose_commitments_and_the_signatures_not_the_words() {
        Agreement signed = Agreement.write(
                        List.of(new Commitment(alua.id(), "say hello"), new Commitment(bekzat.id(), "give it back")),
                        parties)
                .signedBy(alua.id(), NOW);

        Agreement purged = signed.purged(Mediation.PURGED);

        assertThat(purged.commitments()).extracting(Commitment::text).containsOnly(Mediation.PURGED);
        assertThat(purged.commitments()).extracting(Commitment::partyId).containsExactly(alua.id(), bekzat.id());
        assertThat(purged.signatures()).isEqualTo(signed.signatures());
    }
}
