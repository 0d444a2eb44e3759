package kz.senim.notification.web;

import java.util.List;

/** The one page shape of every Senim list. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> Page<T> of(List<T> items, PageParameters request, long total) {
        return new Page<>(
                items, request.page(), request.size(), total, (int) ((total + request.size() - 1) / request.size()));
    }
}
