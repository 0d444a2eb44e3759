package kz.senim.cases.audit.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One line of the audit trail: who did what to which object of a school, and when. It never
 * holds the content it is about, so reading the trail reveals nothing confidential.
 *
 * @param actorId the Keycloak subject id of the actor; {@code null} for the anonymous trust box
 * @param subjectType what kind of object was read or changed, e.g. {@code CASE}
 * @param subjectId the id of that object
 */
public record AuditEntry(
        UUID id,
        String schoolId,
        Instant occurredAt,
        String actorId,
        Action action,
        String subjectType,
        String subjectId) {

    public enum Action {
        /** Confidential content (a narrative, session notes, agreement terms, a trust-box message) was shown. */
        READ_CONFIDENTIAL,
        /** The object was changed. */
        CHANGE
    }

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(action, "action");
        schoolId = required(schoolId, "schoolId");
        subjectType = required(subjectType, "subjectType");
        subjectId = required(subjectId, "subjectId");
        if (actorId != null && actorId.isBlank()) {
            throw new IllegalArgumentException("actorId is blank; use null for an anonymous actor");
        }
    }

    public Optional<String> actor() {
        return Optional.ofNullable(actorId);
    }

    public boolean isAnonymous() {
        return actorId == null;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
