package kz.senim.cases.trustbox.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import kz.senim.cases.trustbox.domain.CaseProposal.Status;
import kz.senim.cases.trustbox.domain.TrustBoxEvent.TrustBoxCaseOpened;
import kz.senim.cases.trustbox.domain.TrustBoxEvent.TrustBoxCaseProposalAnswered;
import kz.senim.cases.trustbox.domain.TrustBoxEvent.TrustBoxCaseProposed;
import org.junit.jupiter.api.Test;

class OpeningAnAnonymousCaseOnlyWithTheSendersAgreementTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    TrustBoxThread thread =
            TrustBoxThread.open("demo-school-1", Receipt.random(new SecureRandom()), "they push me", NOW);

    @Test
    void a_case_is_opened_after_the_coordinator_proposed_it_and_the_sender_agreed() {
        assertThat(thread.proposeCase("coordinator-1", NOW)).singleElement().isInstanceOf(TrustBoxCaseProposed.class);
        assertThat(thread.senderAnswersCaseProposal(true, NOW.plusSeconds(60)))
                .singleElement()
                .isInstanceOfSatisfying(
                        TrustBoxCaseProposalAnswered.class,
                        e -> assertThat(e.agreed()).isTrue());
        UUID caseId = UUID.randomUUID();

        assertThat(thread.caseOpened(caseId, NOW.plusSeconds(120)))
                .singleElement()
                .isInstanceOfSatisfying(
                        TrustBoxCaseOpened.class, e -> assertThat(e.caseId()).isEqualTo(caseId));
        assertThat(thread.caseProposal()).get().satisfies(p -> {
            assertThat(p.status()).isEqualTo(Status.OPENED);
            assertThat(p.caseId()).isEqualTo(caseId);
        });
    }

    @Test
    void no_case_is_opened_without_a_proposal() {
        assertThatThrownBy(() -> thread.caseOpened(UUID.randomUUID(), NOW))
                .isInstanceOfSatisfying(
                        TrustBoxRefused.class, r -> assertThat(r.reason()).isEqualTo("no-case-proposed"));
    }

    @Test
    void no_case_is_opened_before_the_sender_agreed() {
        thread.proposeCase("coordinator-1", NOW);

        assertThatThrownBy(() -> thread.caseOpened(UUID.randomUUID(), NOW))
                .isInstanceOfSatisfying(
                        TrustBoxRefused.class, r -> assertThat(r.reason()).isEqualTo("sender-has-not-agreed"));
    }

    @Test
    void no_case_is_opened_when_the_sender_declined_but_it_may_be_proposed_again() {
        thread.proposeCase("coordinator-1", NOW);
        thread.senderAnswersCaseProposal(false, NOW);

        assertThatThrownBy(() -> thread.caseOpened(UUID.randomUUID(), NOW))
                .isInstanceOfSatisfying(
                        TrustBoxRefused.class, r -> assertThat(r.reason()).isEqualTo("sender-declined"));
        thread.proposeCase("coordinator-2", NOW.plusSeconds(600));
        assertThat(thread.caseProposal().orElseThrow().status()).isEqualTo(Status.PROPOSED);
    }

    @Test
    void a_case_is_opened_once() {
        thread.proposeCase("coordinator-1", NOW);
        thread.senderAnswersCaseProposal(true, NOW);
        thread.caseOpened(UUID.randomUUID(), NOW);

        assertThatThrownBy(() -> thread.caseOpened(UUID.randomUUID(), NOW))
                .isInstanceOfSatisfying(
                        TrustBoxRefused.class, r -> assertThat(r.reason()).isEqualTo("case-already-opened"));
        assertThatThrownBy(() -> thread.proposeCase("coordinator-1", NOW))
                .isInstanceOfSatisfying(
                        TrustBoxRefused.class, r -> assertThat(r.reason()).isEqualTo("case-already-opened"));
    }

    @Test
    void the_sender_answers_a_pending_proposal_once() {
        assertThatThrownBy(() -> thread.senderAnswersCaseProposal(true, NOW))
                .isInstanceOfSatisfying(
                        TrustBoxRefused.class, r -> assertThat(r.reason()).isEqualTo("no-case-proposal-to-answer"));
        thread.proposeCase("coordinator-1", NOW);
        thread.senderAnswersCaseProposal(true, NOW);

        assertThatThrownBy(() -> thread.senderAnswersCaseProposal(false, NOW))
                .isInstanceOfSatisfying(
                        TrustBoxRefused.class, r -> assertThat(r.reason()).isEqualTo("no-case-proposal-to-answer"));
    }

    @Test
    void a_pending_proposal_is_not_proposed_twice() {
        thread.proposeCase("coordinator-1", NOW);

        assertThatThrownBy(() -> thread.proposeCase("coordinator-2", NOW))
                .isInstanceOfSatisfying(
                        TrustBoxRefused.class, r -> assertThat(r.reason()).isEqualTo("case-already-proposed"));
    }

    @Test
    void the_case_is_described_by_what_the_sender_wrote_only() {
        thread.coordinatorAnswers("coordinator-1", "which class?", NOW);
        thread.senderWrites("7B", NOW);

        assertThat(thread.senderText()).contains("they push me", "7B").doesNotContain("which class");
    }
}
