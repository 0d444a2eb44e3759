package kz.senim.notification.preference;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kz.senim.notification.delivery.domain.Category;
import kz.senim.notification.web.InvalidInput;

/** Reads a preference change; unknown categories and switching off essential mail are field errors. */
final class PreferenceChanges {

    private PreferenceChanges() {}

    static Map<Category, Boolean> check(Map<String, Boolean> requested) {
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        Map<Category, Boolean> changes = new EnumMap<>(Category.class);
        if (requested == null || requested.isEmpty()) {
            throw new InvalidInput(List.of(new InvalidInput.FieldProblem("email", "preferences.required")));
        }
        requested.forEach((name, email) -> {
            String field = "email." + name;
            Category category = category(name);
            if (category == null) {
                problems.add(new InvalidInput.FieldProblem(field, "category.unknown"));
            } else if (email == null) {
                problems.add(new InvalidInput.FieldProblem(field, "preference.required"));
            } else if (category.essential() && !email) {
                problems.add(new InvalidInput.FieldProblem(field, "category.essential"));
            } else {
                changes.put(category, email);
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
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
