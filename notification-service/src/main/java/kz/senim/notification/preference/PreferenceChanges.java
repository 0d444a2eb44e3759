package kz.senim.notification.preference;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kz.senim.notification.delivery.domain.Category;
import kz.senim.platform.problem.FieldsRefused;

/** Reads a preference change; unknown categories and switching off essential mail are field errors. */
final class PreferenceChanges {

    private PreferenceChanges() {}

    static Map<Category, Boolean> check(Map<String, Boolean> requested) {
        List<FieldsRefused.Refusal> refusals = new ArrayList<>();
        Map<Category, Boolean> changes = new EnumMap<>(Category.class);
        if (requested == null || requested.isEmpty()) {
            throw new FieldsRefused(List.of(new FieldsRefused.Refusal("email", "preferences.required")));
        }
        requested.forEach((name, email) -> {
            String field = "email." + name;
            Category category = category(name);
            if (category == null) {
                refusals.add(new FieldsRefused.Refusal(field, "category.unknown"));
            } else if (email == null) {
                refusals.add(new FieldsRefused.Refusal(field, "preference.required"));
            } else if (category.essential() && !email) {
                refusals.add(new FieldsRefused.Refusal(field, "category.essential"));
            } else {
                changes.put(category, email);
            }
        });
        if (!refusals.isEmpty()) {
            throw new FieldsRefused(refusals);
        }
        return changes;
    }

    private static Category category(String name) {
        try {
            return Category.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
