package kz.senim.platform.problem;

import java.util.List;

/**
 * A service's own rules refuse fields of a request (rules bean validation cannot express): answers
 * 400 in the validation shape, one error per {@link Refusal}, whose {@code code} is also the message
 * key of the error's text. Domain code may throw it or extend it: it is plain Java.
 */
public class FieldsRefused extends RuntimeException {

    /**
     * One refused field.
     *
     * @param field the field, e.g. {@code grade} or {@code rows[3].grade}
     * @param code a stable code and message key, e.g. {@code person.grade.required}
     */
    public record Refusal(String field, String code) {}

    private final List<Refusal> refusals;

    public FieldsRefused(List<Refusal> refusals) {
        super(refusals.size() + " refused field(s)");
        this.refusals = List.copyOf(refusals);
    }

    public FieldsRefused(String field, String code) {
        this(List.of(new Refusal(field, code)));
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
