package kz.senim.membership.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import kz.senim.membership.domain.FieldProblem;
import kz.senim.membership.domain.InvalidInput;
import org.junit.jupiter.api.Test;

class PagesAndVersionsTest {

    static final Map<String, String> SORTS = Map.of("grade", "grade", "userId", "user_id");

    @Test
    void a_list_is_sorted_only_by_the_keys_it_offers() {
        assertThat(PageRequest.of(null, null, null, SORTS, "userId")).isEqualTo(new PageRequest(0, 20, "user_id asc"));
        assertThat(PageRequest.of(2, 5, "grade,desc", SORTS, "userId").orderBy())
                .isEqualTo("grade desc");
        assertThat(PageRequest.of(2, 5, "grade", SORTS, "userId").offset()).isEqualTo(10);
        for (String sort : List.of("password", ",", "grade,sideways", "grade,asc,again", "grade;drop table person")) {
            assertThatThrownBy(() -> PageRequest.of(0, 10, sort, SORTS, "userId"))
                    .as(sort)
                    .isInstanceOfSatisfying(
                            InvalidInput.class,
                            e -> assertThat(e.problems()).containsExactly(new FieldProblem("sort", "sort.invalid")));
        }
        assertThatThrownBy(() -> PageRequest.of(-1, 0, null, SORTS, "userId"))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void a_page_counts_its_pages() {
        Page<String> page = Page.of(List.of("a", "b"), new PageRequest(0, 2, "x"), 5);
        assertThat(page.totalPages()).isEqualTo(3);
        assertThat(page.map(String::toUpperCase).items()).containsExactly("A", "B");
    }

    @Test
    void only_a_stale_if_match_is_refused() {
        assertThatNoException().isThrownBy(() -> Versions.check(null, 3));
        assertThatNoException().isThrownBy(() -> Versions.check("*", 3));
        assertThatNoException().isThrownBy(() -> Versions.check("\"3\"", 3));
        assertThatNoException().isThrownBy(() -> Versions.check("W/\"2\", \"3\"", 3));
        assertThatThrownBy(() -> Versions.check("\"2\"", 3)).isInstanceOf(PreconditionFailed.class);
        assertThat(Versions.etag(3)).isEqualTo("\"3\"");
    }
}
