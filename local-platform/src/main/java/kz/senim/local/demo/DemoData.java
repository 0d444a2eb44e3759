package kz.senim.local.demo;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import kz.senim.local.api.SenimApi;

/**
 * The demo data of a local run, created through the public API (never SQL), as the demo users of
 * {@code keycloak/senim-realm.json} would: two fictional schools, each with its club profile, people
 * directory, young mediators (certified and trainee), a school year of activities with its annual
 * plan, and cases, consultations and trust-box conversations in several states.
 */
public final class DemoData {

    private DemoData() {}

    /**
     * Only the first school and its people directory: what a run needs that sends requests as the demo
     * users of demo-gymnasium-1 (the benchmark).
     */
    public static void registerFirstSchoolWithItsPeople(SenimApi api) {
        DemoSchool gymnasium = DemoSchool.gymnasium();
        SchoolsAndClubs.register(api, gymnasium);
        Directory.imported(api, gymnasium);
    }

    /** A case and one of its sessions. */
    public record CaseWithSession(String caseId, String sessionId) {}

    /**
     * After {@link #registerFirstSchoolWithItsPeople}: a case of the gymnasium between a teacher and a student,
     * mediated by the coordinator, with a joint session two days from now (the fault suite's restore check).
     */
    public static CaseWithSession caseWithASession(SenimApi api, String requestKey) {
        Directory gym1 = Directory.imported(api, DemoSchool.gymnasium());
        CaseFile file = CaseFile.submitted(
                        gym1,
                        "teacher",
                        requestKey,
                        false,
                        "NORMAL",
                        "ru",
                        "Недопонимание из-за срока сдачи проекта; обе стороны хотят поговорить.",
                        "student1",
                        "teacher")
                .triage("ACCEPT_FOR_COORDINATOR_MEDIATION", "Одна из сторон — взрослый: ведёт педагог-психолог.")
                .assign("coordinator")
                .askForConsent("coordinator")
                .consents("student1")
                .consents("teacher");
        String session = file.session(
                "coordinator",
                "JOINT",
                new SchoolCalendar(Instant.now()).daysFromToday(2, 15, 30),
                "Кабинет 214",
                "student1",
                "teacher");
        return new CaseWithSession(file.id(), session);
    }

    /** Creates the demo data and returns a one-line summary of what exists now. */
    public static String create(SenimApi api) {
        SchoolCalendar calendar = new SchoolCalendar(Instant.now());
        DemoSchool gymnasium = DemoSchool.gymnasium();
        DemoSchool school2 = DemoSchool.school2();
        SchoolsAndClubs.register(api, gymnasium);
        SchoolsAndClubs.register(api, school2);

        Directory gym1 = Directory.imported(api, gymnasium);
        Directory sch2 = Directory.imported(api, school2);
        SchoolsAndClubs.describeClub(
                gym1,
                new SchoolsAndClubs.ClubFacts(
                        "214",
                        20,
                        JsonBody.texts(
                                "Әр сәрсенбі, 15:30–16:30",
                                "Каждую среду, 15:30–16:30",
                                "Every Wednesday, 15:30–16:30"),
                        JsonBody.texts("Дс–Жм, 14:00–16:00", "Пн–Пт, 14:00–16:00", "Mon–Fri, 14:00–16:00")));
        SchoolsAndClubs.describeClub(
                sch2,
                new SchoolsAndClubs.ClubFacts(
                        "105",
                        15,
                        JsonBody.texts(
                                "Әр бейсенбі, 14:00–15:00",
                                "Каждый четверг, 14:00–15:00",
                                "Every Thursday, 14:00–15:00"),
                        JsonBody.texts("Сс, Бс, 13:00–15:00", "Вт, Чт, 13:00–15:00", "Tue, Thu, 13:00–15:00")));
        // Grades 1-4 of the gymnasium need a guardian's consent too; demo-school-2 keeps it off.
        SchoolsAndClubs.settleCaseSettings(gym1, 5);
        SchoolsAndClubs.settleCaseSettings(sch2, null);

        Membership gym1Club = new Membership(gym1, calendar);
        gym1Club.certify("mediator1", 60);
        gym1Club.admit("student2", 35);
        gym1Club.leaveOpen("student1");
        Membership sch2Club = new Membership(sch2, calendar);
        sch2Club.certify("mediator1", 62);
        sch2Club.admit("student1", 33);

        ClubActivities gym1Year = new ClubActivities(gym1, calendar, "kk", "214 кабинет");
        YearOfActivities.gymnasium(gym1Year, calendar);
        ClubActivities sch2Year = new ClubActivities(sch2, calendar, "ru", "Кабинет 105");
        YearOfActivities.school2(sch2Year, calendar);

        CaseStories gym1Cases = new CaseStories(api, gym1, calendar);
        gym1Cases.gymnasium();
        CaseStories sch2Cases = new CaseStories(api, sch2, calendar);
        sch2Cases.school2();

        Set<String> states = new TreeSet<>(gym1Cases.states());
        states.addAll(sch2Cases.states());
        return ("2 schools, %d people, %d members (%d certified), %d activities, %d plan items, %d materials,"
                        + " %d cases in %d states, %d consultations, %d trust-box conversations")
                .formatted(
                        gym1.size() + sch2.size(),
                        gym1Club.members() + sch2Club.members(),
                        gym1Club.certified() + sch2Club.certified(),
                        gym1Year.activities() + sch2Year.activities(),
                        gym1Year.planItems() + sch2Year.planItems(),
                        gym1Year.materials() + sch2Year.materials(),
                        gym1Cases.cases() + sch2Cases.cases(),
                        states.size(),
                        gym1Cases.consultations() + sch2Cases.consultations(),
                        gym1Cases.conversations() + sch2Cases.conversations());
    }
}
