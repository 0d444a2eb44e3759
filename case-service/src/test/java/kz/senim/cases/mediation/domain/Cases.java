package kz.senim.cases.mediation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.senim.cases.school.domain.Actor;
import kz.senim.cases.school.domain.SchoolClass;
import kz.senim.cases.school.domain.SchoolDirectory;

/**
 * A small fictional school for the rules: two students of 7A and 7B in conflict, two certified
 * young mediators of 9A and 9B, a coordinator and a parent.
 */
final class Cases {

    static final String SCHOOL = "demo-gymnasium-1";
    static final Instant NOW = Instant.parse("2026-11-26T05:00:00Z");

    static final String ALUA = "student-alua";
    static final String BEKZAT = "student-bekzat";
    static final String MEDIATOR_DANA = "mediator-dana";
    static final String MEDIATOR_ERLAN = "mediator-erlan";
    static final String MEDIATOR_FROM_7A = "mediator-from-7a";
    static final String COORDINATOR = "coordinator-gulnar";
    static final String PARENT_OF_ALUA = "parent-of-alua";
    static final String TEACHER = "teacher-kairat";
    static final String SOMEONE_ELSE = "student-someone";

    static final Actor coordinator = Actor.coordinator(COORDINATOR);
    static final Actor alua = Actor.person(ALUA);
    static final Actor bekzat = Actor.person(BEKZAT);
    static final Actor dana = Actor.person(MEDIATOR_DANA);
    static final Actor erlan = Actor.person(MEDIATOR_ERLAN);

    static final MediatorCandidate danaCandidate =
            MediatorCandidate.certifiedPeer(MEDIATOR_DANA, new SchoolClass(9, "A"));
    static final MediatorCandidate erlanCandidate =
            MediatorCandidate.certifiedPeer(MEDIATOR_ERLAN, new SchoolClass(9, "B"));

    static final Directory directory = new Directory()
            .student(ALUA, new SchoolClass(7, "A"))
            .student(BEKZAT, new SchoolClass(7, "B"))
            .student(MEDIATOR_DANA, new SchoolClass(9, "A"))
            .student(MEDIATOR_ERLAN, new SchoolClass(9, "B"))
            .student(MEDIATOR_FROM_7A, new SchoolClass(7, "A"))
            .guardian(PARENT_OF_ALUA, ALUA);

    /** A plain in-memory school directory: what the read model holds, without a database. */
    static final class Directory implements SchoolDirectory {
        private final Map<String, SchoolClass> classes = new HashMap<>();
        private final Set<String> guardianships = new HashSet<>();

        Directory student(String userId, SchoolClass schoolClass) {
            classes.put(userId, schoolClass);
            return this;
        }

        Directory guardian(String guardian, String student) {
            guardianships.add(guardian + "->" + student);
            return this;
        }

        @Override
        public Optional<SchoolClass> classOf(String userId) {
            return Optional.ofNullable(classes.get(userId));
        }

        @Override
        public boolean isGuardianOf(String guardianUserId, String studentUserId) {
            return guardianships.contains(guardianUserId + "->" + studentUserId);
        }
    }

    static Instant later(int minutes) {
        return NOW.plus(Duration.ofMinutes(minutes));
    }

    static Mediation submitted() {
        return submitted(MediationSettings.DEFAULT);
    }

    static Mediation submitted(MediationSettings settings) {
        return Mediation.submit(
                SCHOOL,
                Channel.ONLINE_FORM,
                Urgency.NORMAL,
                null,
                ALUA,
                List.of(Party.student(ALUA, 7), Party.student(BEKZAT, 7)),
                "We argued about a seat in the classroom",
                settings,
                NOW);
    }

    static Mediation withAdult() {
        return Mediation.submit(
                SCHOOL,
                Channel.ONLINE_FORM,
                Urgency.NORMAL,
                null,
                ALUA,
                List.of(Party.student(ALUA, 7), Party.adult(TEACHER)),
                "A conflict with a teacher",
                MediationSettings.DEFAULT,
                NOW);
    }

    static Mediation triaged() {
        Mediation mediation = submitted();
        mediation.triage(coordinator, TriageDecision.ACCEPT_FOR_PEER_MEDIATION, "Two students, no risk", false, NOW);
        return mediation;
    }

    static Mediation mediatorsAssigned() {
        Mediation mediation = triaged();
        mediation.assign(coordinator, danaCandidate, directory, NOW);
        mediation.assign(coordinator, erlanCandidate, directory, NOW);
        return mediation;
    }

    static Mediation awaitingConsent() {
        Mediation mediation = mediatorsAssigned();
        mediation.askForConsent(dana, NOW);
        return mediation;
    }

    static Mediation inMediation() {
        Mediation mediation = awaitingConsent();
        mediation.answerConsent(alua, ConsentAnswer.given(partyId(mediation, ALUA)), directory, NOW);
        mediation.answerConsent(bekzat, ConsentAnswer.given(partyId(mediation, BEKZAT)), directory, NOW);
        return mediation;
    }

    static Mediation withAgreementWritten() {
        Mediation mediation = inMediation();
        mediation.writeAgreement(
                dana,
                List.of(
                        new Commitment(partyId(mediation, ALUA), "I will ask before taking the seat"),
                        new Commitment(partyId(mediation, BEKZAT), "I will not shout")),
                Cases.NOW);
        return mediation;
    }

    static Mediation agreementReached() {
        Mediation mediation = withAgreementWritten();
        mediation.sign(alua, NOW);
        mediation.sign(bekzat, NOW);
        return mediation;
    }

    static Mediation noAgreement() {
        Mediation mediation = inMediation();
        mediation.recordNoAgreement(dana, NOW);
        return mediation;
    }

    static Mediation followUp() {
        Mediation mediation = agreementReached();
        mediation.followUpDue(NOW.plus(Duration.ofDays(14)));
        return mediation;
    }

    static java.util.UUID partyId(Mediation mediation, String userId) {
        return mediation.parties().stream()
                .filter(p -> p.isUser(userId))
                .findFirst()
                .orElseThrow()
                .id();
    }
}
