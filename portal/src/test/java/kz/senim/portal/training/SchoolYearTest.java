package kz.senim.portal.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class SchoolYearTest {

    @Test
    void a_school_year_runs_from_september_to_august() {
        assertThat(PlanController.schoolYear(LocalDate.of(2026, 9, 1))).isEqualTo("2026-2027");
        assertThat(PlanController.schoolYear(LocalDate.of(2027, 8, 31))).isEqualTo("2026-2027");
        assertThat(PlanController.schoolYear(LocalDate.of(2026, 11, 26))).isEqualTo("2026-2027");
    }

    @Test
    void only_a_well_formed_month_is_taken() {
        assertThat(ActivitiesController.parseMonth("2026-11")).contains(YearMonth.of(2026, 11));
        assertThat(ActivitiesController.parseMonth("2026-13")).isEmpty();
        assertThat(ActivitiesController.parseMonth("../x")).isEmpty();
        assertThat(ActivitiesController.parseMonth(null)).isEmpty();
    }
}
