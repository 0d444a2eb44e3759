package kz.senim.training.curriculum.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CurriculumTest {

    final Curriculum defaults = Curriculum.defaultFor("demo-gymnasium-1");

    @Test
    void the_default_curriculum_requires_the_six_documented_modules_and_three_simulations() {
        assertThat(defaults.requiredModules())
                .containsExactlyInAnyOrder(
                        CurriculumModule.FOUNDATIONS_AND_PRINCIPLES,
                        CurriculumModule.ACTIVE_LISTENING,
                        CurriculumModule.I_MESSAGES,
                        CurriculumModule.MEDIATION_PROCEDURE,
                        CurriculumModule.WRITING_AN_AGREEMENT,
                        CurriculumModule.CO_MEDIATION_SIMULATIONS);
        assertThat(defaults.requiredSimulations()).isEqualTo(3);
    }

    @Test
    void a_trainee_who_attended_every_module_and_enough_simulations_is_qualified() {
        assertThat(defaults.progressOf(EnumSet.allOf(CurriculumModule.class), 3).qualified())
                .isTrue();
    }

    @Test
    void one_missing_module_or_simulation_keeps_a_trainee_from_qualifying() {
        EnumSet<CurriculumModule> allButOne = EnumSet.allOf(CurriculumModule.class);
        allButOne.remove(CurriculumModule.I_MESSAGES);

        TraineeProgress missingModule = defaults.progressOf(allButOne, 5);
        assertThat(missingModule.qualified()).isFalse();
        assertThat(missingModule.modulesMissing()).containsExactly(CurriculumModule.I_MESSAGES);
        assertThat(defaults.progressOf(EnumSet.allOf(CurriculumModule.class), 2).qualified())
                .isFalse();
    }

    @Test
    void modules_a_school_does_not_require_do_not_count() {
        Curriculum revised = defaults.revise(Set.of(CurriculumModule.ACTIVE_LISTENING), 0);

        TraineeProgress progress =
                revised.progressOf(Set.of(CurriculumModule.ACTIVE_LISTENING, CurriculumModule.I_MESSAGES), 0);
        assertThat(progress.modulesCompleted()).containsExactly(CurriculumModule.ACTIVE_LISTENING);
        assertThat(progress.qualified()).isTrue();
        assertThat(revised.version()).isEqualTo(1);
    }
}
