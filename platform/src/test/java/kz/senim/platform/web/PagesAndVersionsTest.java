package kz.senim.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import kz.senim.platform.problem.FieldsRefused;
import kz.senim.platform.problem.PreconditionFailed;
import org.junit.jupiter.api.Test;

/** Moved here from membership-service (PagesAndVersionsTest) and training-service (PreconditionFailedTest). */
class PagesAndVersionsTest {

    static final Map<String, String> SORTS = Map.of("grade", "grade", "userId", "user_id");

    @Test
    void a_list_is_sorted_only_by_the_keys_it_offers() {
        assertThat(PageQuery.of(null, null, null, SORTS, "userId")).isEqualTo(new PageQuery(0, 20, "user_id asc"));
        assertThat(PageQuery.of(2, 5, "grade,desc", SORTS, "userId").orderBy()).isEqualTo("grade desc");
        assertThat(PageQuery.of(2, 5, "grade", SORTS, "userId").offset()).isEqualTo(10);
        assertThat(PageQuery.of(Integer.MAX_VALUE, 100, null, SORTS, "userId").offset())
                .isEqualTo(214_748_364_700L);
        for (String sort : List.of("password", ",", "grade,sideways", "grade,asc,again", "grade;drop table person")) {
            assertThatThrownBy(() -> PageQuery.of(0, 10, sort, SORTS, "userId"))
                    .as(sort)
                    .isInstanceOfSatisfying(
                            FieldsRefused.class,
                            e -> assertThat(e.refusals())
                                    .containsExactly(new FieldsRefused.Refusal("sort", "sort.invalid")));
        }
        assertThatThrownBy(() -> PageQuery.of(-1, 0, null, SORTS, "userId"))
                .isInstanceOfSatisfying(
                        FieldsRefused.class, e -> assertThat(e.refusals()).hasSize(2));
    }

    @Test
    void a_list_in_an_order_of_its_own_checks_page_and_size_only() {
        assertThat(PageQuery.of(null, null)).isEqualTo(new PageQuery(0, 20, ""));
        assertThat(PageQuery.of(3, 10).offset()).isEqualTo(30);
        assertThatThrownBy(() -> PageQuery.of(-1, 101))
                .isInstanceOfSatisfying(
                        FieldsRefused.class,
                        e -> assertThat(e.refusals())
                                .containsExactly(
                                        new FieldsRefused.Refusal("page", "page.invalid"),
                                        new FieldsRefused.Refusal("size", "size.invalid")));
    }

    @Test
    void a_page_counts_its_pages() {
        Page<String> page = Page.of(List.of("a", "b"), new PageQuery(0, 2, "x"), 5);
        assertThat(page.totalPages()).isEqualTo(3);
        assertThat(page.map(String::toUpperCase).content()).containsExactly("A", "B");
        assertThat(Page.slice(List.of(1, 2, 3, 4, 5), 2, 2).content()).containsExactly(5);
        assertThat(Page.slice(List.of(1, 2, 3), 5, 2).content()).isEmpty();
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

    @Test
    void no_if_match_or_a_star_or_the_current_etag_lets_the_change_through() {
        assertThatCode(() -> Versions.check(null, 3)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.check("*", 3)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.check("\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.check("W/\"2\", \"3\"", 3)).doesNotThrowAnyException();
    }

    @Test
    void an_etag_that_is_no_version_is_matched_as_it_is_answered() {
        assertThatCode(() -> Versions.check(null, "\"a1b2\"")).doesNotThrowAnyException();
        assertThatCode(() -> Versions.check("*", "\"a1b2\"")).doesNotThrowAnyException();
        assertThatCode(() -> Versions.check("\"a1b2\"", "\"a1b2\"")).doesNotThrowAnyException();
        assertThatCode(() -> Versions.check("W/\"a1b2\"", "\"a1b2\"")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Versions.check("\"a1b3\"", "\"a1b2\"")).isInstanceOf(PreconditionFailed.class);
    }

    @Test
    void a_stale_etag_is_refused() {
        assertThatThrownBy(() -> Versions.check("\"2\"", 3)).isInstanceOf(PreconditionFailed.class);
        assertThatThrownBy(() -> Versions.check("\"13\"", 3)).isInstanceOf(PreconditionFailed.class);
    }
}
