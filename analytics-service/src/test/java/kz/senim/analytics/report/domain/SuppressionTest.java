package kz.senim.analytics.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Random district tables of small and large counts; an attacker subtracts along every row and every sum's column,
 * using what it recovers for the next subtraction, and never learns a hidden value.
 */
class SuppressionTest {

    static final SchoolYear YEAR = new SchoolYear(2026);

    @RepeatedTest(300)
    void no_hidden_value_can_be_recovered_by_subtraction(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<SchoolReport> schools = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int s = 0; s < count; s++) {
            schools.add(school("school-" + s, random));
        }

        DistrictReport district = DistrictReport.of(YEAR, schools, 5);

        attack(district);
    }

    @Test
    void one_small_value_in_a_line_takes_the_smallest_other_with_it() {
        Map<String, Long> values = Map.of("t", 12L, "a", 2L, "b", 4L + 6L, "c", 0L);
        Suppression.Result result = Suppression.apply(values, List.of(List.of("t", "a", "b", "c")), 5);

        assertThat(result.primary()).containsExactly("a");
        assertThat(result.complementary()).containsExactly("b");
    }

    static SchoolReport school(String id, Random random) {
        Map<String, Number> indicators = new LinkedHashMap<>();
        Indicators.keys().forEach(k -> indicators.put(k, 0L));
        for (Indicators.Sum sum : Indicators.suppressedSums()) {
            List<String> parts = Indicators.keys().stream().filter(sum::isPart).toList();
            long total = 0;
            if (sum.partPrefix().equals("cases.byChannel.") || sum.partPrefix().equals("cases.byUrgency.")) {
                // the same total as byKind: split the already chosen total
                total = indicators.get("cases.requested").longValue();
                long left = total;
                for (int i = 0; i < parts.size(); i++) {
                    long part = i == parts.size() - 1 ? left : random.nextLong(left + 1);
                    indicators.put(parts.get(i), part);
                    left -= part;
                }
                continue;
            }
            for (String part : parts) {
                long value = random.nextInt(3) == 0
                        ? 0
                        : random.nextInt(4) == 0 ? 5 + random.nextInt(20) : 1 + random.nextInt(4);
                indicators.put(part, value);
                total += value;
            }
            indicators.put(sum.total(), total);
        }
        for (String key : Indicators.keys()) {
            if (Indicators.suppressed(key)
                    && !Indicators.MEDIANS.contains(key)
                    && Indicators.suppressedSums().stream()
                            .noneMatch(s -> s.total().equals(key) || s.isPart(key))) {
                indicators.put(key, (long) random.nextInt(9));
            }
        }
        return new SchoolReport(id, YEAR, ZoneId.of("Asia/Almaty"), Instant.EPOCH, Instant.EPOCH, indicators, Map.of());
    }

    static void attack(DistrictReport district) {
        Map<String, Long> known = new HashMap<>();
        Map<String, Long> hidden = new HashMap<>();
        List<List<String>> lines = new ArrayList<>();
        List<String> columns = new ArrayList<>(district.schools());
        columns.add(DistrictReport.DISTRICT);
        for (DistrictReport.Row row : district.rows()) {
            if (!Indicators.suppressed(row.key()) || Indicators.MEDIANS.contains(row.key())) {
                continue;
            }
            List<String> line = new ArrayList<>();
            line.add(row.key() + "@" + DistrictReport.DISTRICT);
            put(known, hidden, line.getFirst(), row.district());
            row.schools().forEach((school, cell) -> {
                line.add(row.key() + "@" + school);
                put(known, hidden, row.key() + "@" + school, cell);
            });
            lines.add(line);
        }
        for (DistrictReport.Sum sum : district.sums()) {
            for (String column : columns) {
                List<String> line = new ArrayList<>();
                line.add(sum.total() + "@" + column);
                sum.parts().forEach(p -> line.add(p + "@" + column));
                lines.add(line);
            }
        }
        boolean learned = true;
        while (learned) {
            learned = false;
            for (List<String> line : lines) {
                List<String> unknown =
                        line.stream().filter(c -> !known.containsKey(c)).toList();
                if (unknown.size() == 1) {
                    String cell = unknown.getFirst();
                    long parts = line.subList(1, line.size()).stream()
                            .filter(known::containsKey)
                            .mapToLong(known::get)
                            .sum();
                    long value = cell.equals(line.getFirst()) ? parts : known.get(line.getFirst()) - parts;
                    assertThat(hidden).as("%s recovered from %s", cell, line).doesNotContainKey(cell);
                    known.put(cell, value);
                    learned = true;
                }
            }
        }
        // every small count is hidden
        hidden.keySet().forEach(cell -> assertThat(known).doesNotContainKey(cell));
        known.forEach((cell, value) -> assertThat(value)
                .as(cell)
                .satisfiesAnyOf(v -> assertThat(v).isZero(), v -> assertThat(v).isGreaterThanOrEqualTo(5)));
    }

    private static void put(Map<String, Long> known, Map<String, Long> hidden, String cell, DistrictReport.Cell value) {
        if (value.hidden() == null) {
            known.put(cell, value.value().longValue());
        } else {
            hidden.put(cell, value.value().longValue());
        }
    }
}
