package kz.senim.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import kz.senim.notification.delivery.domain.Category;
import kz.senim.platform.problem.FieldsRefused;
import org.junit.jupiter.api.Test;

class PreferenceChangesTest {

    @Test
    void optional_categories_can_be_switched_off_and_on_and_essential_ones_can_be_confirmed() {
        assertThat(PreferenceChanges.check(Map.of("ACTIVITIES", false, "REMINDERS", true, "CASE_WORK", true)))
                .containsEntry(Category.ACTIVITIES, false)
                .containsEntry(Category.REMINDERS, true)
                .containsEntry(Category.CASE_WORK, true);
    }

    @Test
    void every_wrong_entry_is_reported_at_once() {
        Map<String, Boolean> change = new HashMap<>();
        change.put("CASE_PARTICIPATION", false);
        change.put("NEWSLETTER", true);
        change.put("ACTIVITIES", null);

        assertThatThrownBy(() -> PreferenceChanges.check(change))
                .isInstanceOfSatisfying(
                        FieldsRefused.class,
                        e -> assertThat(e.refusals())
                                .extracting(FieldsRefused.Refusal::code)
                                .containsExactlyInAnyOrder(
                                        "category.essential", "category.unknown", "preference.required"));
    }

    @Test
    void an_empty_change_is_refused() {
        assertThatThrownBy(() -> PreferenceChanges.check(Map.of())).isInstanceOf(FieldsRefused.class);
        assertThatThrownBy(() -> PreferenceChanges.check(null)).isInstanceOf(FieldsRefused.class);
    }
}
