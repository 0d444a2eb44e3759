package kz.senim.training.curriculum.domain;

/** The documented default modules of the young mediators' curriculum; activities are tagged with them. */
public enum CurriculumModule {
    FOUNDATIONS_AND_PRINCIPLES,
    ACTIVE_LISTENING,
    I_MESSAGES,
    MEDIATION_PROCEDURE,
    WRITING_AN_AGREEMENT,
    CO_MEDIATION_SIMULATIONS
}
