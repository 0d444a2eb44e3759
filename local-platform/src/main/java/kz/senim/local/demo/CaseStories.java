package kz.senim.local.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kz.senim.local.api.ApiResponse;
import kz.senim.local.api.Caller;
import kz.senim.local.api.SenimApi;

/**
 * The cases, consultations and trust-box conversations of each school, in the states a coordinator
 * meets them: waiting for triage, waiting for consent, in mediation, agreement reached, withdrawn or
 * closed. Every text is fictional and gentle; none of it is ever logged.
 */
final class CaseStories {

    private static final String PEER = "ACCEPT_FOR_PEER_MEDIATION";

    private final SenimApi api;
    private final Directory people;
    private final SchoolCalendar calendar;
    private int cases;
    private int consultations;
    private int conversations;
    private final Set<String> states = new TreeSet<>();

    CaseStories(SenimApi api, Directory people, SchoolCalendar calendar) {
        this.api = api;
        this.people = people;
        this.calendar = calendar;
    }

    /** Demo Gymnasium No. 1: five cases mediated by its young mediator, mediator1.gym1 (10 А). */
    void gymnasium() {
        count(CaseFile.submitted(
                people,
                "teacher",
                "gym1-desk",
                false,
                "NORMAL",
                "ru",
                "Двое семиклассников уже неделю спорят из-за места за партой у окна и перестали разговаривать."
                        + " Предлагаю им встречу с медиатором.",
                "yerasyl",
                "kamila"));

        count(CaseFile.submitted(
                        people,
                        "student2",
                        "gym1-project",
                        false,
                        "LOW",
                        "ru",
                        "Разногласие из-за группового проекта по биологии: мы не договорились, кто какую часть"
                                + " делает, и поссорились в чате.",
                        "student2",
                        "alikhan")
                .triage(PEER, "Ученики одной параллели, без признаков давления: подходит для медиации сверстниками.")
                .assign("mediator1")
                .askForConsent("mediator1")
                .consents("student2"));

        CaseFile photo = CaseFile.submitted(
                        people,
                        "student1",
                        "gym1-photo",
                        false,
                        "NORMAL",
                        "kk",
                        "Сынып чатында саяхат суреті туралы түсінбеушілік болды, енді бір-бірімізбен сөйлеспейміз.",
                        "student1",
                        "madina")
                .triage(PEER, "Құрдастар арасындағы түсінбеушілік; жас медиаторға беруге болады.")
                .assign("mediator1")
                .askForConsent("mediator1")
                .consents("student1")
                .consentNotedByCoordinator("madina");
        String individual =
                photo.session("mediator1", "INDIVIDUAL", calendar.daysFromToday(-4, 14, 30), "214 кабинет", "student1");
        photo.sessionNotes(
                "mediator1",
                individual,
                "Жеке кездесу өтті: тарап достықты қалпына келтіргісі келеді. Келесі қадам — бірлескен кездесу.");
        photo.session("mediator1", "JOINT", calendar.daysFromToday(5, 14, 30), "214 кабинет", "student1", "madina");
        count(photo);

        CaseFile ball = CaseFile.submitted(
                        people,
                        "student1",
                        "gym1-ball",
                        false,
                        "NORMAL",
                        "kk",
                        "Үзілісте сыныптың футбол добын алып, жоғалтып алдық, содан бері ұрысып жүрміз.",
                        "student1",
                        "student2")
                .triage(PEER, "Екі оқушы, қысым белгілері жоқ: жас медиаторға беріледі.")
                .assign("mediator1")
                .askForConsent("mediator1")
                .consents("student1")
                .consents("student2");
        String joint = ball.session(
                "mediator1", "JOINT", calendar.daysFromToday(-3, 15, 0), "214 кабинет", "student1", "student2");
        ball.sessionNotes("mediator1", joint, "Бірлескен кездесу: екі тарап та жаңа доп табуға келісті.");
        Map<String, String> commitments = new LinkedHashMap<>();
        commitments.put("student1", "Ай соңына дейін сыныпқа жаңа доп табуға көмектесемін.");
        commitments.put("student2", "Басқаның затын алмас бұрын рұқсат сұраймын және допты орнына қайтарамын.");
        count(ball.agreement("mediator1", commitments).signs("student1").signs("student2"));

        count(CaseFile.submitted(
                        people,
                        "parent",
                        "gym1-bus",
                        false,
                        "LOW",
                        "ru",
                        "Дочь рассказала о ссоре в автобусе на экскурсии из-за места у окна. Просим помочь им поговорить.",
                        "student1",
                        "sanzhar")
                .triage(PEER, "Ученики разных классов, без признаков давления.")
                .withdrawnBy("student1"));

        consultation(
                "student2",
                "CONSULTATION",
                "mediator1",
                "Как сказать другу, что его шутки меня задевают, и при этом не поссориться?",
                "Попробуй поговорить с ним наедине и начать с «я-сообщения»: «Мне неприятно, когда…»."
                        + " Если хочешь, приходи на встречу клуба в среду — потренируемся вместе.");
        consultation(
                "parent",
                "QUESTION",
                "coordinator",
                "Может ли родитель присутствовать на медиации своего ребёнка?",
                "Медиация проходит между самими учениками, так они сами находят решение. Родители могут прийти"
                        + " на консультацию к педагогу-психологу и на встречу для родителей в декабре.");
        trustBox(
                "Сыныптағы біреу қаламсабымды әзілдеп тығып қояды, маған бұл ұнамайды.",
                "Жазғаныңызға рахмет, бұл туралы айту дұрыс. Қаласаңыз, 214 кабинетке келіңіз немесе осында"
                        + " жазыңыз — шешімді бірге іздейміз.",
                "Рахмет, алдымен өзім сөйлесіп көремін.");
    }

    /** Demo School No. 2: a case with a teacher mediated by the coordinator, and peer cases by mediator1.sch2. */
    void school2() {
        CaseFile deadline = CaseFile.submitted(
                        people,
                        "teacher",
                        "sch2-deadline",
                        false,
                        "NORMAL",
                        "ru",
                        "Недопонимание со сроком сдачи проекта: ученик считал, что срок перенесли, и мы оба"
                                + " расстроились после урока.",
                        "student1",
                        "teacher")
                .triage("ACCEPT_FOR_COORDINATOR_MEDIATION", "Одна из сторон — взрослый: ведёт педагог-психолог.")
                .assign("coordinator")
                .askForConsent("coordinator")
                .consents("student1")
                .consents("teacher");
        String talk = deadline.session(
                "coordinator", "JOINT", calendar.daysFromToday(-6, 15, 30), "Кабинет 105", "student1", "teacher");
        deadline.sessionNotes(
                "coordinator", talk, "Совместная встреча: стороны договорились о том, как сообщать о сроках.");
        Map<String, String> commitments = new LinkedHashMap<>();
        commitments.put("teacher", "Буду записывать сроки проектов в электронный дневник и на доске.");
        commitments.put("student1", "Буду уточнять сроки у учителя, если что-то непонятно, и сдам проект до пятницы.");
        count(deadline.agreement("coordinator", commitments).signs("student1").signs("teacher"));

        CaseFile play = CaseFile.submitted(
                        people,
                        "coordinator",
                        "sch2-play",
                        true,
                        "NORMAL",
                        "ru",
                        "Записано после личного обращения: двое восьмиклассников не договорились о ролях в школьном"
                                + " спектакле и обижены друг на друга.",
                        "sofia",
                        "artyom")
                .triage(PEER, "Ученики разных классов, без признаков давления: медиация сверстниками.")
                .assign("mediator1")
                .askForConsent("mediator1")
                .consentNotedByCoordinator("sofia")
                .consentNotedByCoordinator("artyom");
        play.session("mediator1", "JOINT", calendar.daysFromToday(3, 14, 0), "Кабинет 105", "sofia", "artyom");
        count(play);

        CaseFile table = CaseFile.submitted(
                        people,
                        "student1",
                        "sch2-table",
                        false,
                        "LOW",
                        "ru",
                        "Ребята из параллельных классов поспорили из-за очереди к теннисному столу на перемене.",
                        "aliya",
                        "ilyas")
                .triage(PEER, "Бытовой спор без признаков давления.")
                .assign("mediator1")
                .askForConsent("mediator1")
                .consentNotedByCoordinator("aliya")
                .consentNotedByCoordinator("ilyas");
        String meeting = table.session(
                "mediator1", "JOINT", calendar.daysFromToday(-12, 14, 0), "Кабинет 105", "aliya", "ilyas");
        table.sessionNotes("mediator1", meeting, "Стороны выслушали друг друга и решили пока не заключать соглашение.");
        count(table.noAgreement("mediator1").closed("mediator1"));

        count(CaseFile.submitted(
                people,
                "parent",
                "sch2-captain",
                false,
                "NORMAL",
                "ru",
                "Сын рассказал о недопонимании в баскетбольной секции: ребята спорят, кто будет капитаном команды.",
                "student1",
                "miras"));

        consultation(
                "parent",
                "QUESTION",
                "coordinator",
                "Как устроена работа клуба медиации и может ли мой сын в него вступить?",
                "Клуб собирается по четвергам в кабинете 105. Ученики 8–11 классов подают заявку в приложении,"
                        + " затем проходит собеседование и обучение.");
        trustBox(
                "Хочу помириться с подругой после ссоры, но не знаю, как начать разговор.",
                "Спасибо, что написали. Можно начать с короткого сообщения о том, что вам её не хватает. Если"
                        + " хотите, приходите в кабинет 105 по четвергам — подумаем вместе.",
                null);
    }

    /** A consultation or question answered by the advisor the coordinator picks (a young mediator: peer advice). */
    private void consultation(String askerKey, String kind, String advisorKey, String question, String answer) {
        String id = ConfidentialAnswer.expect(
                        people.as(askerKey)
                                .post(
                                        "/api/consultations",
                                        JsonBody.of("kind", kind, "question", question),
                                        "Idempotency-Key",
                                        "demo-consultation-" + askerKey + "-" + kind),
                        200,
                        201)
                .text("/id");
        String path = "/api/consultations/" + id;
        ConfidentialAnswer.expect(
                Eventually.answer(
                        () -> people.as("coordinator")
                                .post(path + "/advisor", JsonBody.of("userId", people.id(advisorKey))),
                        "mediator-not-certified"),
                200);
        ConfidentialAnswer.expect(people.as(advisorKey).post(path + "/answer", JsonBody.of("text", answer)), 200);
        consultations++;
    }

    /**
     * An anonymous message to the trust box, the coordinator's reply and, if given, the sender's answer
     * with their receipt (which is kept only in this method). The coordinator answers the conversation
     * that awaits an answer: on the first start, the only one of the school.
     */
    private void trustBox(String message, String reply, String senderAnswer) {
        Caller sender = api.anonymous();
        String box = "/api/trust-box/schools/" + people.schoolId();
        // case-service takes messages once it knows the school (membership's school-registered).
        String receipt = ConfidentialAnswer.expect(
                        Eventually.until(
                                () -> sender.post(box + "/messages", JsonBody.of("text", message)),
                                response -> response.status() != 404),
                        201)
                .text("/receipt");
        Caller coordinator = people.as("coordinator");
        ApiResponse threads = coordinator.get("/api/trust-box/threads?size=100").expect(200);
        String thread = null;
        for (var line : threads.json().get("content")) {
            if (line.path("awaitingAnswer").asBoolean(false)) {
                thread = line.get("id").asString();
            }
        }
        if (thread == null) {
            throw new IllegalStateException("The trust-box message did not reach the coordinator's list");
        }
        ConfidentialAnswer.expect(
                coordinator.post("/api/trust-box/threads/" + thread + "/replies", JsonBody.of("text", reply)),
                200,
                201);
        if (senderAnswer != null) {
            ConfidentialAnswer.expect(
                    sender.post(box + "/conversation/messages", JsonBody.of("receipt", receipt, "text", senderAnswer)),
                    200,
                    201);
        }
        conversations++;
    }

    private void count(CaseFile file) {
        cases++;
        states.add(file.status());
    }

    int cases() {
        return cases;
    }

    /** The case statuses the demo shows, e.g. {@code [AGREEMENT_REACHED, SUBMITTED]}. */
    Set<String> states() {
        return states;
    }

    int consultations() {
        return consultations;
    }

    int conversations() {
        return conversations;
    }
}
