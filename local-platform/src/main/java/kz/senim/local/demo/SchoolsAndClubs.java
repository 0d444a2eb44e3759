package kz.senim.local.demo;

import java.util.List;
import java.util.Map;
import kz.senim.local.api.Caller;
import kz.senim.local.api.SenimApi;

/**
 * The schools (registered by the district admin), their clubs' profiles (kept by the coordinator) and
 * the case settings of each school.
 */
final class SchoolsAndClubs {

    private SchoolsAndClubs() {}

    static void register(SenimApi api, DemoSchool school) {
        api.as("district-admin")
                .post(
                        "/api/schools",
                        JsonBody.of(
                                "id", school.id(),
                                "names", school.names(),
                                "city", school.city(),
                                "region", school.city(),
                                "timeZone", SchoolCalendar.ZONE.getId(),
                                "defaultLanguage", school.language()))
                .expect(201, 409);
    }

    /** The club profile; its leader must already be a coordinator in the directory. */
    static void describeClub(Directory people, ClubFacts facts) {
        Caller coordinator = people.as("coordinator");
        String path = "/api/schools/" + people.schoolId() + "/club/profile";
        String etag = coordinator.get(path).expect(200).etag();
        Map<String, Object> leader = JsonBody.of(
                "userId", people.id("coordinator"),
                "title", JsonBody.texts("Педагог-психолог", "Педагог-психолог", "Pedagogue-psychologist"),
                "officeRoom", facts.room(),
                "contacts",
                        List.of(JsonBody.of(
                                "kind", "email", "value", people.school().username("coordinator") + "@example.org")),
                "officeHours", facts.officeHours());
        coordinator
                .put(
                        path,
                        JsonBody.of(
                                "name",
                                        JsonBody.texts(
                                                "«Сенім» медиация клубы",
                                                "Клуб медиации «Сенім»",
                                                "Senim mediation club"),
                                "goals",
                                        JsonBody.texts(
                                                "Мектептегі жанжалдардың алдын алу; оқушылар арасында өзара түсіністік пен"
                                                        + " құрметті нығайту.",
                                                "Профилактика конфликтов в школе; укрепление взаимопонимания и уважения"
                                                        + " между учениками.",
                                                "Prevent conflicts at school; strengthen mutual understanding and respect"
                                                        + " among students."),
                                "tasks",
                                        JsonBody.texts(
                                                "Медиация әдістерін үйрету; нақты жанжалдарды медиация арқылы шешуге"
                                                        + " көмектесу; жанжалсыз қарым-қатынас дағдыларын дамыту.",
                                                "Обучать методам медиации; помогать разрешать реальные конфликты через"
                                                        + " медиацию; развивать навыки бесконфликтного общения.",
                                                "Teach mediation methods; help resolve real conflicts through mediation;"
                                                        + " develop skills of conflict-free communication."),
                                "leaders", List.of(leader),
                                "socialLinks",
                                        List.of(JsonBody.of(
                                                "network",
                                                "website",
                                                "url",
                                                "https://example.org/senim/" + people.schoolId() + "/gallery")),
                                "admissionGradeFrom", 8,
                                "admissionGradeTo", 11,
                                "capacity", facts.capacity(),
                                "meetingPlace",
                                        JsonBody.texts(
                                                facts.room() + " кабинет",
                                                "Кабинет " + facts.room(),
                                                "Room " + facts.room()),
                                "meetingRhythm", facts.rhythm()),
                        "If-Match",
                        etag)
                .expect(200);
    }

    /** One mediator per case keeps the demo readable with one certified young mediator per school. */
    static void settleCaseSettings(Directory people, Integer guardianConsentBelowGrade) {
        Caller coordinator = people.as("coordinator");
        String etag = coordinator.get("/api/cases/settings").expect(200).etag();
        coordinator
                .put(
                        "/api/cases/settings",
                        JsonBody.of(
                                "mediatorsPerCase", 1,
                                "guardianConsentBelowGrade", guardianConsentBelowGrade,
                                "followUpDays", 14,
                                "retentionDays", 365,
                                "timeZone", SchoolCalendar.ZONE.getId()),
                        "If-Match",
                        etag)
                .expect(200);
    }

    /** What differs between the two clubs. */
    record ClubFacts(String room, int capacity, Map<String, Object> rhythm, Map<String, Object> officeHours) {}
}
