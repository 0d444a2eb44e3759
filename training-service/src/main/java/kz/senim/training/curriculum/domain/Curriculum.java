package kz.senim.training.curriculum.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a school requires of a trainee before they are qualified: a set of modules to attend and a
 * number of co-mediation simulations.
 */
public record Curriculum(
        String schoolId, Set<CurriculumModule> requiredModules, int requiredSimulations, long version) {

    public static final int DEFAULT_REQUIRED_SIMULATIONS = 3;

    public Curriculum {
        requiredModules = requiredModules.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(requiredModules));
        if (requiredSimulations < 0) {
            throw new IllegalArgumentException("requiredSimulations must not be negative");
        }
    }

    /** Every documented module and three simulations, until the school's coordinators change it. */
    public static Curriculum defaultFor(String schoolId) {
        return new Curriculum(schoolId, EnumSet.allOf(CurriculumModule.class), DEFAULT_REQUIRED_SIMULATIONS, 0);
    }

    public Curriculum revise(Set<CurriculumModule> modules, int simulations) {
        return new Curriculum(schoolId, modules, simulations, version + 1);
    }

    /** How far a trainee is, given the modules of the activities they attended and their simulations. */
    public TraineeProgress progressOf(Set<CurriculumModule> modulesAttended, int simulationsAttended) {
        EnumSet<CurriculumModule> done = EnumSet.noneOf(CurriculumModule.class);
        done.addAll(modulesAttended);
        done.retainAll(requiredModules);
        EnumSet<CurriculumModule> missing = EnumSet.noneOf(CurriculumModule.class);
        missing.addAll(requiredModules);
        missing.removeAll(done);
        return new TraineeProgress(done, missing, simulationsAttended, requiredSimulations);
    }
}
