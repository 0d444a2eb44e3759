package kz.senim.cases.mediation.domain;

import java.util.Objects;

/** A mediator assigned to a case. */
public record Mediator(String userId, MediatorKind kind) {

    public Mediator {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
    }
}
