package kz.senim.cases.trustbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import kz.senim.cases.trustbox.domain.TrustBoxEvent.TrustBoxSafetyConcernFlagged;
import org.junit.jupiter.api.Test;

class FlaggingASafetyConcernTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    TrustBoxThread thread =
            TrustBoxThread.open("demo-school-1", Receipt.random(new SecureRandom()), "someone hurts me", NOW);

    @Test
    void a_coordinators_flag_is_recorded_with_who_and_when_and_announced_without_text() {
        var events = thread.flagSafetyConcern("coordinator-1", NOW.plusSeconds(60));

        assertThat(thread.safetyConcerns()).singleElement().satisfies(c -> {
            assertThat(c.coordinatorId()).isEqualTo("coordinator-1");
            assertThat(c.flaggedAt()).isEqualTo(NOW.plusSeconds(60));
        });
        assertThat(events).singleElement().isInstanceOfSatisfying(TrustBoxSafetyConcernFlagged.class, e -> {
            assertThat(e.threadId()).isEqualTo(thread.id());
            assertThat(e.schoolId()).isEqualTo("demo-school-1");
            assertThat(e.occurredAt()).isEqualTo(NOW.plusSeconds(60));
        });
    }

    @Test
    void every_coordinators_flag_is_kept() {
        thread.flagSafetyConcern("coordinator-1", NOW.plusSeconds(60));
        thread.flagSafetyConcern("coordinator-2", NOW.plusSeconds(120));

        assertThat(thread.safetyConcerns())
                .extracting(SafetyConcern::coordinatorId)
                .containsExactly("coordinator-1", "coordinator-2");
    }

    @Test
    void flagging_adds_no_message_to_the_conversation() {
        thread.flagSafetyConcern("coordinator-1", NOW.plusSeconds(60));

        assertThat(thread.messages()).hasSize(1);
    }
}
