package kz.senim.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * The one page shape of every list: {@code {"content", "page", "size", "totalElements", "totalPages"}}.
 *
 * @param content this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalElements how many there are in all
 * @param totalPages how many pages of this size there are
 */
public record Page<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> Page<T> of(List<T> content, int page, int size, long total) {
        return new Page<>(content, page, size, total, size <= 0 ? 0 : (int) ((total + size - 1) / size));
    }

    public static <T> Page<T> of(List<T> content, PageQuery query, long total) {
        return of(content, query.page(), query.size(), total);
    }

    /** A page of everything in {@code all} that {@code query} selects (for lists that are filtered in memory). */
    public static <T> Page<T> slice(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = (int) Math.min((long) from + size, all.size());
        return of(all.subList(from, to), page, size, all.size());
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        List<R> mapped = content.stream().<R>map(mapper).toList();
        return new Page<>(mapped, page, size, totalElements, totalPages);
    }
}
