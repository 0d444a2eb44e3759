package kz.senim.membership.web;

import java.util.List;
import java.util.Map;
import kz.senim.membership.domain.FieldProblem;
import kz.senim.membership.domain.InvalidInput;

/**
 * {@code ?page=&size=&sort=} checked against the sort keys a list offers; {@code sort} is
 * {@code key} or {@code key,desc}. Bad values answer 400 with field errors.
 */
public record PageRequest(int page, int size, String orderBy) {

    public static PageRequest of(
            Integer page, Integer size, String sort, Map<String, String> sortColumns, String defaultSort) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            problems.add(new FieldProblem("page", "page.invalid"));
        }
        if (s < 1 || s > 100) {
            problems.add(new FieldProblem("size", "size.invalid"));
        }
        String requested = sort == null || sort.isBlank() ? defaultSort : sort.strip();
        String[] parts = requested.split(",", -1);
        String column = sortColumns.get(parts[0].strip());
        boolean desc = parts.length > 1 && parts[1].strip().equalsIgnoreCase("desc");
        boolean asc = parts.length == 1 || parts[1].strip().equalsIgnoreCase("asc");
        if (column == null || parts.length > 2 || !(asc || desc)) {
            problems.add(new FieldProblem("sort", "sort.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new PageRequest(p, s, column + (desc ? " desc" : " asc"));
    }

    public int offset() {
        return page * size;
    }
}
