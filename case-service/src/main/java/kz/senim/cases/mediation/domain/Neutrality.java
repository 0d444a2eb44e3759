package kz.senim.cases.mediation.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.senim.cases.school.domain.SchoolClass;
import kz.senim.cases.school.domain.SchoolDirectory;

/**
 * The neutrality policy (docs/domain.md §3): a mediator is never a party, never from a party's class, never
 * someone a party objected to or who declared a conflict of interest; a young mediator is certified and
 * mediates only what triage left to young mediators.
 *
 * @param parties the parties of the case
 * @param directory the school's classes
 */
public record Neutrality(List<Party> parties, SchoolDirectory directory) {

    public Neutrality {
        parties = List.copyOf(parties);
        Objects.requireNonNull(directory, "directory");
    }

    /** Why the candidate may not join the team (neutrality, equality, certification), or empty when they may. */
    public Optional<MediationRefused> whyNotEligible(Team team, MediatorCandidate candidate) {
        if (team.isAssigned(candidate.userId())) {
            return refusal("mediator-already-assigned", "The mediator is already assigned");
        }
        if (candidate.kind() == MediatorKind.PEER && team.mediatedBy() == MediatedBy.COORDINATORS) {
            return refusal(
                    "peer-mediation-not-allowed",
                    "A case with an adult party or a safeguarding concern is not mediated by students");
        }
        if (candidate.kind() == MediatorKind.PEER && !candidate.certified()) {
            return refusal("mediator-not-certified", "Only certified members mediate");
        }
        if (parties.stream().anyMatch(p -> p.isUser(candidate.userId()))) {
            return refusal("mediator-is-a-party", "A mediator is never a party");
        }
        if (team.conflicted().contains(candidate.userId())) {
            return refusal(
                    "mediator-conflict-of-interest", "The mediator declared a conflict of interest in this case");
        }
        if (team.objected().contains(candidate.userId())) {
            return refusal("mediator-objected-by-party", "A party objected to this mediator");
        }
        Optional<SchoolClass> mediatorClass =
                Optional.ofNullable(candidate.schoolClass()).or(() -> directory.classOf(candidate.userId()));
        if (mediatorClass.isPresent()
                && parties.stream()
                        .map(Party::userId)
                        .filter(Objects::nonNull)
                        .map(directory::classOf)
                        .anyMatch(mediatorClass::equals)) {
            return sameClass();
        }
        return Optional.empty();
    }

    /**
     * Why the person of the directory may not be identified as a party of this case with this team, or empty
     * when they may: each party is listed once, and the team stays neutral toward them.
     */
    public Optional<MediationRefused> whyNotAParty(Team team, String userId) {
        if (parties.stream().anyMatch(p -> p.isUser(userId))) {
            return refusal("party-listed-twice", "Each party is listed once");
        }
        if (team.isAssigned(userId)) {
            return refusal("mediator-is-a-party", "A mediator is never a party");
        }
        Optional<SchoolClass> partyClass = directory.classOf(userId);
        if (partyClass.isPresent()
                && team.mediators().stream()
                        .map(m -> directory.classOf(m.userId()))
                        .anyMatch(partyClass::equals)) {
            return sameClass();
        }
        return Optional.empty();
    }

    private static Optional<MediationRefused> sameClass() {
        return refusal("mediator-in-party-class", "A mediator is never from the same class as a party");
    }

    private static Optional<MediationRefused> refusal(String reason, String rule) {
        return Optional.of(new MediationRefused(reason, rule));
    }
}
