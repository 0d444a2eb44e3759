package kz.senim.training.web;

import java.util.List;

/** The one page shape of every list: {@code ?page=&size=&sort=}. */
public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static final int MAX_SIZE = 200;

    public static <T> PageView<T> of(List<T> content, int page, int size, long total) {
        return new PageView<>(content, page, size, total, size == 0 ? 0 : (int) ((total + size - 1) / size));
    }
}
