package kz.senim.cases.mediation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

final class Refusals {

    /** Asserts that a rule refuses the command with the given reason, and that nothing changed. */
    static void refused(Mediation mediation, ThrowingCallable command, String reason) {
        Mediation.State before = mediation.state();
        assertThatThrownBy(command)
                .isInstanceOfSatisfying(
                        MediationRefused.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(mediation.state()).isEqualTo(before);
    }

    private Refusals() {}
}
