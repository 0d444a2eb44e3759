package kz.senim.membership.domain;

/**
 * One invalid field of a command, found by a domain rule rather than by the request's format.
 *
 * @param field the field, e.g. {@code grade} or {@code rows[3].grade}
 * @param code a message key, e.g. {@code person.grade.required}
 */
public record FieldProblem(String field, String code) {

    public FieldProblem inRow(int row) {
        return new FieldProblem("rows[" + row + "]." + field, code);
    }
}
