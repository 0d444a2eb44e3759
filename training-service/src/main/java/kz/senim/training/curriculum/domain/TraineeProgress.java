package kz.senim.training.curriculum.domain;

import java.util.Set;

/**
 * A trainee's way through the curriculum: required modules attended and still missing, and
 * simulations attended against those required.
 */
public record TraineeProgress(
        Set<CurriculumModule> modulesCompleted,
        Set<CurriculumModule> modulesMissing,
        int simulationsAttended,
        int simulationsRequired) {

    public TraineeProgress {
        modulesCompleted = Set.copyOf(modulesCompleted);
        modulesMissing = Set.copyOf(modulesMissing);
    }

    /** Every required module attended and at least the required number of simulations. */
    public boolean qualified() {
        return modulesMissing.isEmpty() && simulationsAttended >= simulationsRequired;
    }
}
