package kz.senim.analytics.report.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;

/** The median of a sample, rounded to one decimal; null for an empty sample. */
public final class Median {

    private Median() {}

    public static Double of(Collection<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return BigDecimal.valueOf(median).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
