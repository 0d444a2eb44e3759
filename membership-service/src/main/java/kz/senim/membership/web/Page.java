package kz.senim.membership.web;

import java.util.List;
import java.util.function.Function;

/**
 * The one page shape of every list: {@code ?page=} (from 0) and {@code ?size=} (1–100) choose it.
 *
 * @param items this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalItems how many there are in all
 * @param totalPages how many pages of this size there are
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(
                items, request.page(), request.size(), total, (int) ((total + request.size() - 1) / request.size()));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
