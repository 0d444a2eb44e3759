package kz.senim.analytics.report.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Small-count suppression with complementary suppression over a table whose values add up along lines.
 *
 * <p>A line is a total and its parts (the first cell is the total): a school's column of a breakdown with the
 * breakdown's total, or an indicator's row across the schools with the district total. Primary suppression hides
 * every value from 1 to {@code threshold - 1}. A line with exactly one hidden cell would give it away by
 * subtraction, so while such a line exists one more of its cells is hidden: the smallest positive part still
 * shown (else the total, else a zero part). When it ends, every line has no hidden cell or at least two.
 */
public final class Suppression {

    /** The cells hidden and why. */
    public record Result(Set<String> primary, Set<String> complementary) {

        public boolean hidden(String cell) {
            return primary.contains(cell) || complementary.contains(cell);
        }
    }

    private Suppression() {}

    public static Result apply(Map<String, Long> values, List<List<String>> lines, int threshold) {
        Set<String> primary = new TreeSet<>();
        values.forEach((cell, value) -> {
            if (value != null && value >= 1 && value < threshold) {
                primary.add(cell);
            }
        });
        Set<String> hidden = new HashSet<>(primary); // only asked whether it holds a cell: its order matters not
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<String> line : lines) {
                long hiddenInLine = line.stream().filter(hidden::contains).count();
                if (hiddenInLine == 1) {
                    hidden.add(complement(line, hidden, values));
                    changed = true;
                }
            }
        }
        Set<String> complementary = new TreeSet<>(hidden);
        complementary.removeAll(primary);
        return new Result(Set.copyOf(primary), Set.copyOf(complementary));
    }

    private static String complement(List<String> line, Set<String> hidden, Map<String, Long> values) {
        Map<String, Long> shownParts = new HashMap<>();
        for (String part : line.subList(1, line.size())) {
            if (!hidden.contains(part)) {
                shownParts.put(part, value(values, part));
            }
        }
        String smallestPositive = null;
        for (String part : line.subList(1, line.size())) {
            Long value = shownParts.get(part);
            if (value != null && value > 0 && (smallestPositive == null || value < shownParts.get(smallestPositive))) {
                smallestPositive = part;
            }
        }
        if (smallestPositive != null) {
            return smallestPositive;
        }
        if (!hidden.contains(line.getFirst())) {
            return line.getFirst();
        }
        return line.subList(1, line.size()).stream()
                .filter(part -> !hidden.contains(part))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("A line with one hidden cell has no other cell: " + line));
    }

    private static long value(Map<String, Long> values, String cell) {
        Long value = values.get(cell);
        return value == null ? 0 : value;
    }
}
