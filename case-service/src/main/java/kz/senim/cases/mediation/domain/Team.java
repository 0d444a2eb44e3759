package kz.senim.cases.mediation.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import kz.senim.cases.school.domain.Actor;

/**
 * The case's mediators, who may mediate it (decided at triage: equality of the parties), and who never will:
 * the mediators a party objected to and those who declared a conflict of interest. Co-mediation by two young
 * mediators is the default; a coordinator mediates alone. Who may join is the {@link Neutrality} policy's
 * question.
 *
 * @param mediatedBy {@code null} until triage decided it
 */
public record Team(MediatedBy mediatedBy, List<Mediator> mediators, Set<String> objected, Set<String> conflicted) {

    public static final Team NONE = new Team(null, List.of(), Set.of(), Set.of());

    public Team {
        mediators = List.copyOf(mediators);
        objected = Set.copyOf(objected);
        conflicted = Set.copyOf(conflicted);
    }

    /** The case work is done by the case's assigned mediators, or the school's coordinators who supervise every case. */
    void requireCaseWorker(Actor actor) {
        if (!actor.coordinator() && !isAssigned(actor.userId())) {
            throw new ActorRefused("case-team-only", "Only the case's mediators or a coordinator do this");
        }
    }

    void requireAssigned(String mediatorId) {
        if (!isAssigned(mediatorId)) {
            throw new MediationRefused("mediator-not-assigned", "The mediator is not assigned to this case");
        }
    }

    public boolean isAssigned(String userId) {
        return mediators.stream().anyMatch(m -> m.userId().equals(userId));
    }

    /** How many mediators the case needs: one coordinator, or the school's number of young mediators. */
    public int required(MediationSettings settings) {
        return mediatedBy == MediatedBy.COORDINATORS ? 1 : settings.mediatorsPerCase();
    }

    public boolean isComplete(MediationSettings settings) {
        return mediators.size() >= required(settings);
    }

    public boolean isEmpty() {
        return mediators.isEmpty();
    }

    /** The young mediators on the team. */
    List<Mediator> peers() {
        return mediators.stream().filter(m -> m.kind() == MediatorKind.PEER).toList();
    }

    List<String> userIds() {
        return mediators.stream().map(Mediator::userId).toList();
    }

    /** From now on the case is mediated by these (the young mediators on it have to leave: not done here). */
    Team mediatedBy(MediatedBy who) {
        return new Team(who, mediators, objected, conflicted);
    }

    Team with(Mediator mediator) {
        List<Mediator> more = new ArrayList<>(mediators);
        more.add(mediator);
        return new Team(mediatedBy, more, objected, conflicted);
    }

    Team without(String userId) {
        return new Team(
                mediatedBy,
                mediators.stream().filter(m -> !m.userId().equals(userId)).toList(),
                objected,
                conflicted);
    }

    /** A party objected to the mediator: they never mediate this case. */
    Team objectedTo(String userId) {
        return new Team(mediatedBy, mediators, add(objected, userId), conflicted);
    }

    /** The mediator declared a conflict of interest: they never mediate this case. */
    Team conflictDeclaredBy(String userId) {
        return new Team(mediatedBy, mediators, objected, add(conflicted, userId));
    }

    private static Set<String> add(Set<String> some, String one) {
        Set<String> more = new LinkedHashSet<>(some);
        more.add(Objects.requireNonNull(one));
        return more;
    }
}
