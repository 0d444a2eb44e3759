package kz.senim.cases.mediation.domain;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A party of a conflict: a person of the school directory (with a Keycloak user id) or a named
 * person without an account. The name of such a person is confidential and is never put into
 * events.
 *
 * @param userId the Keycloak subject id, or {@code null} for a person without an account
 * @param adult true for a teacher, parent or any other adult
 * @param grade the student's grade, or {@code null} when unknown or an adult
 * @param name the name of a person without an account, or {@code null}
 */
public record Party(UUID id, String userId, boolean adult, Integer grade, String name) {

    public Party {
        Objects.requireNonNull(id, "id");
        if (userId == null && (name == null || name.isBlank())) {
            throw new IllegalArgumentException("a party is a user of the school or a named person");
        }
        if (adult && grade != null) {
            throw new IllegalArgumentException("an adult has no grade");
        }
    }

    public static Party student(String userId, int grade) {
        return new Party(UUID.randomUUID(), userId, false, grade, null);
    }

    public static Party adult(String userId) {
        return new Party(UUID.randomUUID(), userId, true, null, null);
    }

    public Optional<String> user() {
        return Optional.ofNullable(userId);
    }

    public boolean isUser(String someone) {
        return userId != null && userId.equals(someone);
    }

    /** Below the grade from which a school asks a guardian to consent as well. */
    public boolean needsGuardianConsent(MediationSettings settings) {
        return !adult
                && settings.guardianConsentBelowGrade() != null
                && (grade == null || grade < settings.guardianConsentBelowGrade());
    }

    /** The user ids of those of {@code some} who have an account. */
    static List<String> userIdsOf(Collection<Party> some) {
        return some.stream().map(Party::userId).filter(Objects::nonNull).toList();
    }
}
