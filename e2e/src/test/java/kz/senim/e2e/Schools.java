package kz.senim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kz.senim.local.api.Caller;
import kz.senim.local.api.SenimApi;

/**
 * The two demo schools and their people, set up through the public API as the district admin and the
 * school admins would: registering a school and a person again answers 409 and changes nothing, so
 * any journey may ask for a school at any time, in any order.
 */
final class Schools {

    static final String GYMNASIUM_1 = "demo-gymnasium-1";
    static final String SCHOOL_2 = "demo-school-2";

    private static final Set<String> READY = ConcurrentHashMap.newKeySet();

    private Schools() {}

    /** Demo Gymnasium No. 1: student1 and student2 share class 9А, mediator1 is in 10Б; one mediator per case. */
    static void gymnasium1(SenimApi api) {
        prepare(api, GYMNASIUM_1, () -> {
            register(
                    api,
                    Map.of(
                            "id", GYMNASIUM_1,
                            "names",
                                    Map.of(
                                            "kk",
                                            "№1 демо гимназиясы",
                                            "ru",
                                            "Демо-гимназия №1",
                                            "en",
                                            "Demo Gymnasium No. 1"),
                            "city", "Almaty",
                            "region", "Almaty",
                            "timeZone", "Asia/Almaty",
                            "defaultLanguage", "kk"));
            Caller admin = api.as("admin.gym1");
            person(api, admin, "coordinator.gym1", "coordinator", null, null, List.of(), "kk", "Saule", "Temirbekova");
            person(api, admin, "student1.gym1", "student", 9, "А", List.of(), "kk", "Aruzhan", "Seitkaliyeva");
            person(api, admin, "student2.gym1", "student", 9, "А", List.of(), "ru", "Daniyar", "Zhaksylykov");
            person(api, admin, "mediator1.gym1", "student", 10, "Б", List.of(), "kk", "Aigerim", "Nurtasova");
            person(api, admin, "teacher.gym1", "teacher", null, null, List.of(), "ru", "Marat", "Abdikarimov");
            person(
                    api,
                    admin,
                    "parent.gym1",
                    "parent",
                    null,
                    null,
                    List.of(api.as("student1.gym1").userId()),
                    "ru",
                    "Gulnara",
                    "Seitkaliyeva");
            oneMediatorPerCase(api.as("coordinator.gym1"));
        });
    }

    /**
     * The journeys assign one mediator to each case, so the school has one per case (the default is two) from
     * its setup on, rather than each journey changing it and changing it back while others run beside it.
     */
    private static void oneMediatorPerCase(Caller coordinator) {
        var current = coordinator.get("/api/cases/settings").expect(200);
        if (current.json().get("mediatorsPerCase").asInt() == 1) {
            return;
        }
        var json = current.json();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("mediatorsPerCase", 1);
        var guardian = json.get("guardianConsentBelowGrade");
        settings.put("guardianConsentBelowGrade", guardian == null || guardian.isNull() ? null : guardian.asInt());
        settings.put("followUpDays", json.get("followUpDays").asInt());
        settings.put("retentionDays", json.get("retentionDays").asInt());
        settings.put("timeZone", json.get("timeZone").asString());
        coordinator
                .put("/api/cases/settings", settings, "If-Match", current.etag())
                .expect(200);
    }

    /** Demo School 2: student1 and mediator1 share class 9A (mediator1 is not a club member here). */
    static void school2(SenimApi api) {
        prepare(api, SCHOOL_2, () -> {
            register(
                    api,
                    Map.of(
                            "id", SCHOOL_2,
                            "names", Map.of("kk", "№2 демо мектебі", "ru", "Демо-школа №2", "en", "Demo School No. 2"),
                            "city", "Astana",
                            "region", "Astana",
                            "timeZone", "Asia/Almaty",
                            "defaultLanguage", "ru"));
            Caller admin = api.as("admin.sch2");
            person(api, admin, "coordinator.sch2", "coordinator", null, null, List.of(), "ru", "Asel", "Zhumabayeva");
            person(api, admin, "student1.sch2", "student", 9, "A", List.of(), "ru", "Timur", "Kassymbekov");
            person(api, admin, "mediator1.sch2", "student", 9, "A", List.of(), "en", "Dana", "Yessentayeva");
            person(api, admin, "teacher.sch2", "teacher", null, null, List.of(), "kk", "Zhanar", "Tulegenova");
            person(
                    api,
                    admin,
                    "parent.sch2",
                    "parent",
                    null,
                    null,
                    List.of(api.as("student1.sch2").userId()),
                    "ru",
                    "Nurlan",
                    "Kassymbekov");
        });
    }

    private static synchronized void prepare(SenimApi api, String school, Runnable setUp) {
        if (READY.contains(school)) {
            return;
        }
        setUp.run();
        READY.add(school);
    }

    private static void register(SenimApi api, Map<String, Object> school) {
        var answer = api.as("district-admin").post("/api/schools", school).expect(201, 409);
        if (answer.status() == 409) {
            assertThat(answer.text("/reason")).isEqualTo("school-already-exists");
        }
    }

    private static void person(
            SenimApi api,
            Caller admin,
            String username,
            String role,
            Integer grade,
            String classLetter,
            List<String> guardianOf,
            String language,
            String givenName,
            String familyName) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("userId", api.as(username).userId());
        entry.put("role", role);
        entry.put("grade", grade);
        entry.put("classLetter", classLetter);
        entry.put("guardianOf", guardianOf);
        entry.put("language", language);
        entry.put("givenName", givenName);
        entry.put("familyName", familyName);
        var answer = admin.post("/api/people", entry).expect(201, 409);
        if (answer.status() == 409) {
            assertThat(answer.text("/reason")).isEqualTo("person-already-registered");
        }
    }
}
