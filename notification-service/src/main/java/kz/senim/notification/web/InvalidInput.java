package kz.senim.notification.web;

import java.util.List;

/** Input that breaks field rules the annotations cannot express; answers 400 with every field error. */
public class InvalidInput extends RuntimeException {

    public record FieldProblem(String field, String code) {}

    private final List<FieldProblem> problems;

    public InvalidInput(List<FieldProblem> problems) {
        super(problems.size() + " invalid field(s)");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
