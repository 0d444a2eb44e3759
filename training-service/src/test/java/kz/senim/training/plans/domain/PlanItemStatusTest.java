package kz.senim.training.plans.domain;

import static kz.senim.training.plans.domain.PlanItemStatus.ActivityOutcome.CANCELLED;
import static kz.senim.training.plans.domain.PlanItemStatus.ActivityOutcome.COMPLETED;
import static kz.senim.training.plans.domain.PlanItemStatus.ActivityOutcome.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanItemStatusTest {

    @Test
    void an_item_whose_activities_all_took_place_is_done() {
        assertThat(PlanItemStatus.of(false, List.of(COMPLETED, COMPLETED), null))
                .isEqualTo(PlanItemStatus.DONE);
    }

    @Test
    void an_item_with_some_activities_completed_is_partly_done() {
        assertThat(PlanItemStatus.of(false, List.of(COMPLETED, SCHEDULED), null))
                .isEqualTo(PlanItemStatus.PARTLY_DONE);
        assertThat(PlanItemStatus.of(false, List.of(COMPLETED, CANCELLED), null))
                .isEqualTo(PlanItemStatus.PARTLY_DONE);
    }

    @Test
    void an_item_whose_activities_were_all_cancelled_is_cancelled() {
        assertThat(PlanItemStatus.of(false, List.of(CANCELLED), null)).isEqualTo(PlanItemStatus.CANCELLED);
    }

    @Test
    void an_item_with_nothing_completed_yet_is_planned() {
        assertThat(PlanItemStatus.of(false, List.of(SCHEDULED, CANCELLED), null))
                .isEqualTo(PlanItemStatus.PLANNED);
    }

    @Test
    void without_linked_activities_the_reported_status_counts_and_a_cancelled_item_stays_cancelled() {
        assertThat(PlanItemStatus.of(false, List.of(), PlanItemStatus.DONE)).isEqualTo(PlanItemStatus.DONE);
        assertThat(PlanItemStatus.of(false, List.of(), null)).isEqualTo(PlanItemStatus.PLANNED);
        assertThat(PlanItemStatus.of(true, List.of(COMPLETED), null)).isEqualTo(PlanItemStatus.CANCELLED);
    }

    @Test
    void completion_counts_done_fully_partly_done_half_and_leaves_cancelled_items_out() {
        PlanCompletion completion = PlanCompletion.of(List.of(
                PlanItemStatus.DONE, PlanItemStatus.PARTLY_DONE, PlanItemStatus.PLANNED, PlanItemStatus.CANCELLED));

        assertThat(completion.percentage()).isEqualTo(50);
        assertThat(completion.items()).isEqualTo(4);
        assertThat(PlanCompletion.of(List.of()).percentage()).isZero();
    }
}
