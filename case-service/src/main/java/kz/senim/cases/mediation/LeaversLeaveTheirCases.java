package kz.senim.cases.mediation;

import kz.senim.cases.directory.PersonLeftTheSchool;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A mediator who left the school is taken off its open cases (issue 13). */
@Component
class LeaversLeaveTheirCases {

    private final Mediations mediations;

    LeaversLeaveTheirCases(Mediations mediations) {
        this.mediations = mediations;
    }

    @EventListener
    void on(PersonLeftTheSchool left) {
        mediations.mediatorLeftTheSchool(left.schoolId(), left.userId());
    }
}
