package kz.senim.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import kz.senim.platform.problem.FieldsRefused;
import org.junit.jupiter.api.Test;

class SchoolYearTest {

    @Test
    void a_school_year_is_written_as_one_year_and_the_next() {
        assertThat(SchoolYear.parse("2026-2027")).isEqualTo(new SchoolYear(2026));
        assertThat(new SchoolYear(2026)).hasToString("2026-2027");
        assertThat(SchoolYear.containing(LocalDate.of(2027, 8, 31), 9)).hasToString("2026-2027");
        assertThat(SchoolYear.containing(LocalDate.of(2027, 9, 1), 9)).hasToString("2027-2028");
    }

    @Test
    void anything_else_is_refused_naming_the_field() {
        for (String text :
                new String[] {"2026-2030", "2026-2028", "2026-2026", "2026", "26-27", "1999-2000", "", null}) {
            assertThatThrownBy(() -> SchoolYear.of(text, "year"))
                    .as(text)
                    .isInstanceOfSatisfying(
                            FieldsRefused.class,
                            e -> assertThat(e.refusals())
                                    .containsExactly(new FieldsRefused.Refusal("year", SchoolYear.FORMAT_CODE)));
        }
    }
}
