package kz.senim.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A reader of the published district view who subtracts: from every row (the schools add up to the district) and
 * every column of every published sum (the parts add up to their total), any line with exactly one hidden cell
 * gives that cell away — and a value recovered that way may give away the next. Fails if any hidden value falls.
 */
final class DistrictAttack {

    private DistrictAttack() {}

    static void assertNothingHiddenCanBeRecovered(JsonNode district) {
        Map<String, Long> known = new HashMap<>();
        Set<String> hidden = new HashSet<>();
        Set<String> suppressedRows = new HashSet<>();
        List<String> columns = new ArrayList<>();
        district.get("schools").forEach(s -> columns.add(s.asString()));
        columns.add("#district");
        for (JsonNode row : district.get("indicators")) {
            String key = row.get("key").asString();
            for (String column : columns) {
                JsonNode value = column.equals("#district")
                        ? row.get("district")
                        : row.get("schools").get(column);
                String cell = key + "@" + column;
                if (value.isNumber()) {
                    known.put(cell, value.asLong());
                } else if (value.isString()) {
                    hidden.add(cell);
                    suppressedRows.add(key);
                }
            }
        }
        List<List<String>> lines = new ArrayList<>();
        for (JsonNode row : district.get("indicators")) {
            String key = row.get("key").asString();
            if (!key.startsWith("cases.") && !key.startsWith("trustBox.") || key.contains("median")) {
                continue;
            }
            List<String> line = new ArrayList<>();
            line.add(key + "@#district");
            district.get("schools").forEach(s -> line.add(key + "@" + s.asString()));
            lines.add(line);
        }
        for (JsonNode sum : district.get("sums")) {
            for (String column : columns) {
                List<String> line = new ArrayList<>();
                line.add(sum.get("total").asString() + "@" + column);
                sum.get("parts").forEach(p -> line.add(p.asString() + "@" + column));
                lines.add(line);
            }
        }
        boolean learned = true;
        while (learned) {
            learned = false;
            for (List<String> line : lines) {
                List<String> unknown =
                        line.stream().filter(c -> !known.containsKey(c)).toList();
                if (unknown.size() != 1) {
                    continue;
                }
                String cell = unknown.getFirst();
                long partsKnown = line.subList(1, line.size()).stream()
                        .filter(known::containsKey)
                        .mapToLong(known::get)
                        .sum();
                long value = cell.equals(line.getFirst()) ? partsKnown : known.get(line.getFirst()) - partsKnown;
                assertThat(hidden)
                        .as("%s recovered as %d from %s", cell, value, line)
                        .doesNotContain(cell);
                known.put(cell, value);
                learned = true;
            }
        }
        assertThat(suppressedRows).as("the attack had something to try").isNotEmpty();
    }
}
