package kz.senim.local.demo;

import static java.time.Month.APRIL;
import static java.time.Month.DECEMBER;
import static java.time.Month.FEBRUARY;
import static java.time.Month.JANUARY;
import static java.time.Month.MARCH;
import static java.time.Month.NOVEMBER;
import static java.time.Month.OCTOBER;
import static java.time.Month.SEPTEMBER;
import static kz.senim.local.demo.ClubActivities.audience;
import static kz.senim.local.demo.ClubActivities.students;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Each club's school year: trainings, simulations, peer lessons, sessions for parents and teachers,
 * the weekly club meetings, the annual plan that links them, the curriculum and some materials. The
 * activities before today are completed with their attendance; the rest are upcoming.
 */
final class YearOfActivities {

    /** The coordinator with the club's young mediator: lessons and meetings the young mediators lead. */
    private static final List<String> WITH_MEDIATOR = List.of("coordinator", "mediator1");

    private YearOfActivities() {}

    /** Demo Gymnasium No. 1 works in Kazakh (sessions for adults in Russian); its trainee is student2. */
    static void gymnasium(ClubActivities club, SchoolCalendar year) {
        var welcomeAt = year.at(SEPTEMBER, 8, 14, 0);
        String adaptation = club.schedule(
                club.activity("ADAPTATION_SUPPORT", "Жаңа оқушыларға арналған бейімделу сағаты", welcomeAt, 45)
                        .forWhom(students(5, 5))
                        .runBy(WITH_MEDIATOR)
                        .in("Акт залы")
                        .withoutRegistration());
        club.held(adaptation, welcomeAt, null, "nurislam");

        var foundationsAt = year.at(SEPTEMBER, 15, 15, 0);
        String foundations =
                club.schedule(club.activity("TRAINING", "Медиация негіздері және жеті қағида", foundationsAt, 90)
                        .places(20)
                        .teaching("FOUNDATIONS_AND_PRINCIPLES"));
        club.held(foundations, foundationsAt, null, "mediator1", "student2");

        var listeningAt = year.at(OCTOBER, 6, 15, 0);
        String listening = club.schedule(club.activity("TRAINING", "Белсенді тыңдау", listeningAt, 90)
                .places(20)
                .teaching("ACTIVE_LISTENING"));
        club.held(listening, listeningAt, null, "mediator1", "student2");

        var lessonAt = year.at(OCTOBER, 20, 10, 0);
        String lesson = club.schedule(club.activity("PEER_LESSON", "Жанжалды қалай дұрыс шешеміз?", lessonAt, 45)
                .forWhom(students(5, 6))
                .runBy(WITH_MEDIATOR)
                .in("12 кабинет")
                .places(30)
                .withoutRegistration());
        club.held(lesson, lessonAt, 26);

        var teachersAt = year.at(NOVEMBER, 5, 15, 0);
        String teachers = club.schedule(
                club.activity("TEACHER_SESSION", "Медиация в школе: как направить конфликт в службу", teachersAt, 60)
                        .forWhom(audience("TEACHERS"))
                        .in("Учительская")
                        .inLanguage("ru"));
        club.held(teachers, teachersAt, null, "teacher");

        var simulationAt = year.at(NOVEMBER, 17, 15, 0);
        String simulation = club.schedule(
                club.activity("SIMULATION", "Симуляция: топтық жоба бойынша келіспеушілік", simulationAt, 90)
                        .places(20)
                        .teaching("MEDIATION_PROCEDURE", "CO_MEDIATION_SIMULATIONS"));
        club.held(simulation, simulationAt, null, "mediator1", "student2");

        String masterClass = club.schedule(club.activity(
                        "MASTER_CLASS", "«Мен-хабарлама»: кінәламай сезім туралы айту", year.at(DECEMBER, 8, 15, 0), 90)
                .forWhom(students(8, 11, "MEDIATORS"))
                .runBy(WITH_MEDIATOR)
                .places(25)
                .teaching("I_MESSAGES"));
        String parents = club.schedule(
                club.activity("PARENT_SESSION", "Медиация — культура примирения", year.at(DECEMBER, 10, 18, 0), 60)
                        .forWhom(audience("PARENTS"))
                        .in("Актовый зал")
                        .places(40)
                        .inLanguage("ru"));
        String agreement = club.schedule(club.activity("TRAINING", "Келісімді жазу", year.at(JANUARY, 19, 15, 0), 90)
                .places(20)
                .teaching("WRITING_AN_AGREEMENT"));
        String friendship =
                club.schedule(club.activity("PEER_LESSON", "Жанжалсыз достық", year.at(FEBRUARY, 9, 10, 0), 45)
                        .forWhom(students(3, 4))
                        .runBy(WITH_MEDIATOR)
                        .in("7 кабинет")
                        .places(30)
                        .withoutRegistration());
        String teamSimulation = club.schedule(club.activity(
                        "SIMULATION",
                        "Симуляция: спорт командасындағы дауды бірлесіп шешу",
                        year.at(MARCH, 16, 15, 0),
                        90)
                .places(20)
                .teaching("CO_MEDIATION_SIMULATIONS"));
        String exchange = club.schedule(club.activity(
                        "EXPERIENCE_EXCHANGE",
                        "№2 демо мектебінің медиация қызметімен тәжірибе алмасу",
                        year.at(APRIL, 14, 15, 0),
                        120)
                .forWhom(audience("COORDINATORS", "MEDIATORS"))
                .runBy(WITH_MEDIATOR)
                .in("Онлайн"));

        var firstMeeting = year.first(DayOfWeek.WEDNESDAY, SEPTEMBER, 15, 30);
        List<String> meetings = club.scheduleWeekly(
                club.activity("CLUB_MEETING", "«Сенім» клубының апталық жиналысы", firstMeeting, 60)
                        .runBy(WITH_MEDIATOR)
                        .withoutRegistration(),
                36);
        weeklyMeetings(club, year, meetings, firstMeeting, "student2");

        club.register("mediator1", masterClass);
        club.register("parent", parents);

        club.planItem(
                "Жас медиаторларды оқыту",
                "Медиатор бағдарламасы бойынша тренингтер, шеберлік сыныбы және симуляциялар",
                year.month(SEPTEMBER),
                List.of(foundations, listening, simulation, masterClass, agreement, teamSimulation));
        club.planItem(
                "Клуб жиналыстары",
                "Апта сайынғы жиналыстар: жоспарлау, жағдаяттарды талдау (қыркүйек)",
                year.month(SEPTEMBER),
                meetings.subList(0, 4));
        club.planItem(
                "Жаңа оқушыларды қолдау",
                "5-сынып оқушыларына бейімделу кезінде қолдау көрсету",
                year.month(SEPTEMBER),
                List.of(adaptation));
        club.planItem(
                "Құрдастарға арналған сабақтар",
                "Жас медиаторлар 1–9 сыныптарға «Жанжалды қалай дұрыс шешеміз?» сабағын өткізеді",
                year.month(OCTOBER),
                List.of(lesson, friendship));
        club.planItem(
                "Педагогтермен жұмыс",
                "Сынып жетекшілеріне медиация қызметі туралы түсіндіру",
                year.month(NOVEMBER),
                List.of(teachers));
        String information = club.planItem(
                "Ақпараттық жұмыс",
                "Жас медиаторлар буклет, жаднама және плакаттар дайындайды",
                year.month(NOVEMBER),
                List.of());
        club.planItem(
                "Ата-аналармен жұмыс",
                "«Медиация — татуласу мәдениеті» жобасы аясында ата-аналарға арналған кездесу",
                year.month(DECEMBER),
                List.of(parents));
        club.planItem(
                "Тәжірибе алмасу",
                "Басқа мектептердің татуластыру қызметтерімен тәжірибе алмасу",
                year.month(APRIL),
                List.of(exchange));
        club.reportPlanItem(information, "PARTLY_DONE");

        club.reviseCurriculum(2);
        club.material(
                "MEMO",
                "Медиацияға қалай өтініш беруге болады",
                "kk",
                students(5, 11),
                "5–11 сынып оқушылары",
                "https://example.org/senim/demo-gymnasium-1/memo-kk.pdf",
                false);
        club.material(
                "BOOKLET", "Медиация — культура примирения", "ru", audience("PARENTS"), "Для родителей", null, true);
    }

    /** Demo School No. 2 works in Russian; its trainee is student1. */
    static void school2(ClubActivities club, SchoolCalendar year) {
        var welcomeAt = year.at(SEPTEMBER, 9, 13, 0);
        String adaptation = club.schedule(
                club.activity("ADAPTATION_SUPPORT", "Адаптация новых учеников: знакомство с клубом", welcomeAt, 45)
                        .forWhom(students(5, 7))
                        .runBy(WITH_MEDIATOR)
                        .in("Библиотека")
                        .withoutRegistration());
        club.held(adaptation, welcomeAt, null, "polina");

        var foundationsAt = year.at(SEPTEMBER, 17, 15, 0);
        String foundations =
                club.schedule(club.activity("TRAINING", "Основы медиации и семь принципов", foundationsAt, 90)
                        .places(15)
                        .teaching("FOUNDATIONS_AND_PRINCIPLES"));
        club.held(foundations, foundationsAt, null, "mediator1", "student1");

        var procedureAt = year.at(OCTOBER, 15, 15, 0);
        String procedure = club.schedule(club.activity("TRAINING", "Процедура медиации шаг за шагом", procedureAt, 90)
                .places(15)
                .teaching("MEDIATION_PROCEDURE"));
        club.held(procedure, procedureAt, null, "mediator1");

        var simulationAt = year.at(NOVEMBER, 12, 15, 0);
        String simulation =
                club.schedule(club.activity("SIMULATION", "Симуляция: спор из-за места в столовой", simulationAt, 90)
                        .places(15)
                        .teaching("CO_MEDIATION_SIMULATIONS"));
        club.held(simulation, simulationAt, null, "mediator1", "student1");

        var lessonAt = year.at(NOVEMBER, 19, 11, 0);
        String lesson = club.schedule(club.activity("PEER_LESSON", "Как правильно разрешить конфликт?", lessonAt, 45)
                .forWhom(students(1, 4))
                .runBy(WITH_MEDIATOR)
                .in("Кабинет 3")
                .places(30)
                .withoutRegistration());
        club.held(lesson, lessonAt, 24);

        String teachers = club.schedule(club.activity(
                        "TEACHER_SESSION",
                        "Медиация в школе: памятка для классных руководителей",
                        year.at(DECEMBER, 3, 15, 30),
                        60)
                .forWhom(audience("TEACHERS"))
                .in("Учительская"));
        String listening =
                club.schedule(club.activity("MASTER_CLASS", "Активное слушание", year.at(DECEMBER, 17, 15, 0), 90)
                        .forWhom(students(7, 11, "MEDIATORS"))
                        .runBy(WITH_MEDIATOR)
                        .places(20)
                        .teaching("ACTIVE_LISTENING"));
        String parents = club.schedule(club.activity(
                        "PARENT_SESSION", "Как говорить с ребёнком о конфликтах", year.at(JANUARY, 28, 18, 30), 60)
                .forWhom(audience("PARENTS"))
                .in("Актовый зал")
                .places(50));
        String exchange = club.schedule(club.activity(
                        "EXPERIENCE_EXCHANGE",
                        "Обмен опытом со службой медиации Демо-гимназии №1",
                        year.at(APRIL, 14, 15, 0),
                        120)
                .forWhom(audience("COORDINATORS", "MEDIATORS"))
                .runBy(WITH_MEDIATOR)
                .in("Онлайн"));

        var firstMeeting = year.first(DayOfWeek.THURSDAY, SEPTEMBER, 14, 0);
        List<String> meetings = club.scheduleWeekly(
                club.activity("CLUB_MEETING", "Встреча клуба «Сенім»", firstMeeting, 60)
                        .runBy(WITH_MEDIATOR)
                        .withoutRegistration(),
                35);
        weeklyMeetings(club, year, meetings, firstMeeting, "student1");

        club.register("parent", parents);
        club.register("teacher", teachers);

        club.planItem(
                "Обучение юных медиаторов",
                "Тренинги, мастер-класс и симуляции по программе медиатора",
                year.month(SEPTEMBER),
                List.of(foundations, procedure, simulation, listening));
        club.planItem(
                "Встречи клуба",
                "Еженедельные встречи: планирование и разбор ситуаций (сентябрь)",
                year.month(SEPTEMBER),
                meetings.subList(0, 4));
        club.planItem(
                "Поддержка новых учеников",
                "Знакомство новых учеников со службой медиации",
                year.month(SEPTEMBER),
                List.of(adaptation));
        club.planItem(
                "Уроки для сверстников",
                "Юные медиаторы проводят занятия «Как правильно разрешить конфликт?»",
                year.month(NOVEMBER),
                List.of(lesson));
        club.planItem(
                "Работа с педагогами",
                "Разъяснительная встреча для классных руководителей",
                year.month(DECEMBER),
                List.of(teachers));
        club.planItem(
                "Работа с родителями",
                "Встреча для родителей в рамках проекта «Медиация — культура примирения»",
                year.month(JANUARY),
                List.of(parents));
        club.planItem(
                "Обмен опытом",
                "Обмен опытом со службами примирения других школ",
                year.month(APRIL),
                List.of(exchange));

        club.material(
                "POSTER",
                "Семь принципов медиации",
                "ru",
                students(5, 11),
                "Ученики 5–11 классов",
                "https://example.org/senim/demo-school-2/poster-ru.pdf",
                false);
    }

    /**
     * The weekly meetings: the ones held are completed with the young mediators' attendance (the
     * trainee's from the last month, since they were admitted); the ones in the autumn and winter
     * holidays are cancelled.
     */
    private static void weeklyMeetings(
            ClubActivities club, SchoolCalendar year, List<String> ids, OffsetDateTime first, String trainee) {
        LocalDate autumnBreak = year.at(OCTOBER, 28, 0, 0).toLocalDate();
        LocalDate winterBreak = year.at(DECEMBER, 30, 0, 0).toLocalDate();
        OffsetDateTime traineeFrom = year.daysFromToday(-30, 0, 0);
        for (int week = 0; week < ids.size(); week++) {
            OffsetDateTime startsAt = first.plusWeeks(week);
            LocalDate day = startsAt.toLocalDate();
            if (withinThreeDays(day, autumnBreak) || withinThreeDays(day, winterBreak)) {
                club.cancel(ids.get(week));
            } else if (startsAt.isAfter(traineeFrom)) {
                club.held(ids.get(week), startsAt, null, "mediator1", trainee);
            } else {
                club.held(ids.get(week), startsAt, null, "mediator1");
            }
        }
    }

    private static boolean withinThreeDays(LocalDate day, LocalDate holiday) {
        return !day.isBefore(holiday.minusDays(3)) && !day.isAfter(holiday.plusDays(3));
    }
}
