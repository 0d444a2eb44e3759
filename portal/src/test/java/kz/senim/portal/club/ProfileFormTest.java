package kz.senim.portal.club;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The profile form speaks the API's field names, and what it does not edit goes back unchanged. */
class ProfileFormTest {

    private static final Map<String, Object> PROFILE = Map.of(
            "name", Map.of("kk", "Сенім", "ru", "Сеним", "en", "Senim"),
            "goals", Map.of("kk", "Мақсат", "ru", "Цель", "en", "Goal"),
            "tasks", Map.of("kk", "Міндет", "ru", "Задача", "en", "Task"),
            "principles",
                    List.of(Map.of(
                            "principle", "VOLUNTARINESS",
                            "title", Map.of("kk", "t", "ru", "t", "en", "t"),
                            "text", Map.of("kk", "x", "ru", "x", "en", "x"))),
            "leaders",
                    List.of(Map.of(
                            "userId",
                            "coord-1",
                            "title",
                            Map.of("kk", "Психолог", "ru", "Психолог", "en", "Psychologist"),
                            "officeRoom",
                            "204",
                            "contacts",
                            List.of(Map.of("kind", "phone", "value", "+7 700 000 00 00")))),
            "socialLinks", List.of(Map.of("network", "instagram", "url", "https://instagram.com/senim")),
            "admissionGradeFrom", 8,
            "admissionGradeTo", 11,
            "capacity", 20);

    @Test
    void a_profile_read_and_saved_untouched_is_the_same_profile() {
        Map<String, String> form = new HashMap<>();
        ProfileController.flatten(PROFILE, "\"3\"").forEach((k, v) -> form.put(k, v == null ? "" : String.valueOf(v)));
        form.put("leaders[1].userId", "");
        form.put("socialLinks[1].url", "");

        Map<String, Object> body = ProfileController.body(form, PROFILE);

        assertThat(form).containsEntry("etag", "\"3\"").containsEntry("name.ru", "Сеним");
        assertThat(body.get("name")).isEqualTo(Map.of("kk", "Сенім", "ru", "Сеним", "en", "Senim"));
        assertThat(body.get("socialLinks"))
                .isEqualTo(List.of(Map.of("network", "instagram", "url", "https://instagram.com/senim")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> leaders = (List<Map<String, Object>>) body.get("leaders");
        assertThat(leaders).hasSize(1);
        assertThat(leaders.get(0))
                .containsEntry("userId", "coord-1")
                .containsEntry("officeRoom", "204")
                .containsEntry("contacts", List.of(Map.of("kind", "phone", "value", "+7 700 000 00 00")));
        assertThat(body.get("principles"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(1);
        assertThat(body).containsEntry("capacity", "20").containsEntry("admissionGradeFrom", "8");
    }

    @Test
    void the_roster_offers_the_years_around_the_one_shown() {
        assertThat(RosterController.yearsAround("2025-2026"))
                .containsExactly("2023-2024", "2024-2025", "2025-2026", "2026-2027");
        assertThat(RosterController.yearsAround("next year")).isEmpty();
    }
}
