package kz.senim.notification.web;

import java.util.List;

/** The one page shape of every Senim list: {@code {"content", "page", "size", "totalElements", "totalPages"}}. */
public record Page<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> Page<T> of(List<T> content, PageParameters request, long total) {
        return new Page<>(
                content, request.page(), request.size(), total, (int) ((total + request.size() - 1) / request.size()));
    }
}
