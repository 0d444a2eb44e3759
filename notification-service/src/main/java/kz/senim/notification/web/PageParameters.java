package kz.senim.notification.web;

import java.util.ArrayList;
import java.util.List;

/** {@code ?page=} (from 0) and {@code ?size=} (1–100); bad values answer 400 with field errors. */
public record PageParameters(int page, int size) {

    public static PageParameters of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        if (p < 0) {
            problems.add(new InvalidInput.FieldProblem("page", "page.invalid"));
        }
        if (s < 1 || s > 100) {
            problems.add(new InvalidInput.FieldProblem("size", "size.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new PageParameters(p, s);
    }

    public int offset() {
        return page * size;
    }
}
