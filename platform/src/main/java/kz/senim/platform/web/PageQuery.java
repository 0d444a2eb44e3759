package kz.senim.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.senim.platform.problem.FieldsRefused;
import org.jspecify.annotations.Nullable;

/**
 * {@code ?page=&size=&sort=} checked against the sort keys a list offers: {@code page} from 0,
 * {@code size} 1–{@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}), {@code sort} is {@code key} or
 * {@code key,asc|desc}. Bad values throw {@link FieldsRefused} naming the parameter (codes
 * {@code page.invalid}, {@code size.invalid}, {@code sort.invalid}).
 *
 * @param orderBy the SQL order of the chosen sort key, e.g. {@code family_name desc}; safe to put in SQL
 *     because it is built only from the columns a list offers; empty for a list in an order of its own
 */
public record PageQuery(int page, int size, String orderBy) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /**
     * {@code ?page=&size=} of a list that keeps one order of its own and takes no {@code sort} (an inbox,
     * unread first); its repository orders it, and {@link #orderBy()} is empty.
     */
    public static PageQuery of(@Nullable Integer page, @Nullable Integer size) {
        List<FieldsRefused.Refusal> refusals = new ArrayList<>();
        PageQuery query = checked(page, size, refusals);
        if (!refusals.isEmpty()) {
            throw new FieldsRefused(refusals);
        }
        return query;
    }

    /**
     * @param sortColumns the sort keys a list offers, each with its SQL column
     * @param defaultSort the sort when none is asked for, e.g. {@code name} or {@code registeredAt,desc}
     */
    public static PageQuery of(
            @Nullable Integer page,
            @Nullable Integer size,
            @Nullable String sort,
            Map<String, String> sortColumns,
            String defaultSort) {
        List<FieldsRefused.Refusal> refusals = new ArrayList<>();
        PageQuery paged = checked(page, size, refusals);
        String requested = sort == null || sort.isBlank() ? defaultSort : sort.strip();
        String[] parts = requested.split(",", -1);
        String column = sortColumns.get(parts[0].strip());
        boolean desc = parts.length == 2 && parts[1].strip().equalsIgnoreCase("desc");
        boolean asc = parts.length == 1 || parts[1].strip().equalsIgnoreCase("asc");
        if (column == null || parts.length > 2 || !(asc || desc)) {
            refusals.add(new FieldsRefused.Refusal("sort", "sort.invalid"));
        }
        if (!refusals.isEmpty()) {
            throw new FieldsRefused(refusals);
        }
        return new PageQuery(paged.page(), paged.size(), column + (desc ? " desc" : " asc"));
    }

    private static PageQuery checked(
            @Nullable Integer page, @Nullable Integer size, List<FieldsRefused.Refusal> refusals) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            refusals.add(new FieldsRefused.Refusal("page", "page.invalid"));
        }
        if (s < 1 || s > MAX_SIZE) {
            refusals.add(new FieldsRefused.Refusal("size", "size.invalid"));
        }
        return new PageQuery(p, s, "");
    }

    /** The rows before this page; a long, so that a far page is an empty page, not an overflow. */
    public long offset() {
        return (long) page * size;
    }
}
