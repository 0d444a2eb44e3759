package kz.senim.training.web;

/** One field of a request refused by a rule checked outside bean validation; answers 400 like validation. */
public class FieldRefused extends RuntimeException {

    private final String field;
    private final String code;

    public FieldRefused(String field, String code) {
        super(field + " refused: " + code);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
