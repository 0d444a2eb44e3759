package kz.senim.cases.mediation.domain;

import java.util.Objects;
import kz.senim.cases.school.domain.SchoolClass;

/**
 * Someone proposed as a mediator of a case, as the school directory and the club roster know them.
 *
 * @param certified true for a CERTIFIED member of the club this school year (coordinators need not be)
 * @param schoolClass the student's class, or {@code null} for an adult
 */
public record MediatorCandidate(String userId, MediatorKind kind, boolean certified, SchoolClass schoolClass) {

    public MediatorCandidate {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
    }

    public static MediatorCandidate certifiedPeer(String userId, SchoolClass schoolClass) {
        return new MediatorCandidate(userId, MediatorKind.PEER, true, schoolClass);
    }

    public static MediatorCandidate coordinator(String userId) {
        return new MediatorCandidate(userId, MediatorKind.COORDINATOR, false, null);
    }
}
