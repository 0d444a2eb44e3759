package kz.senim.membership.domain;

import java.util.List;
import kz.senim.platform.problem.FieldsRefused;

/** The command breaks rules about its own fields; answers 400 listing every problem (the platform's {@link FieldsRefused}). */
public class InvalidInput extends FieldsRefused {

    private final List<FieldProblem> problems;

    public InvalidInput(List<FieldProblem> problems) {
        super(problems.stream()
                .map(p -> new FieldsRefused.Refusal(p.field(), p.code()))
                .toList());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
