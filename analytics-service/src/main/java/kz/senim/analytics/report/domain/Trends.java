package kz.senim.analytics.report.domain;

import static kz.senim.analytics.report.domain.EventTypes.*;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Month by month counts of a few key indicators of a school's year, in the school's time zone (docs/analytics.md,
 * "Month by month"). Each series adds up to its indicator: {@code requests} to {@code cases.requested},
 * {@code casesOpened} to {@code cases.accepted}, {@code agreements} to {@code cases.agreementsReached},
 * {@code activities} to the sum of {@code activities.*.held}. Like the report, the counts depend only on the set of
 * facts, not on their order of arrival.
 *
 * @param months the year's months ({@code YYYY-MM}), in order
 * @param series series name → month → count
 */
public record Trends(List<String> months, Map<String, Map<String, Long>> series) {

    /** Each series and the indicator its months add up to. */
    public static final Map<String, String> TOTALS = totals();

    public Trends {
        months = List.copyOf(months);
        Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
        series.forEach((name, byMonth) -> copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(byMonth))));
        series = Collections.unmodifiableMap(copy);
    }

    public static Trends of(SchoolReport report, List<Fact> unordered) {
        List<Fact> facts = unordered.stream().sorted(Fact.CHRONOLOGICAL).toList();
        ZoneId zone = report.zone();
        Instant from = report.from();
        Instant to = report.to();
        List<String> months = new ArrayList<>();
        YearMonth first = YearMonth.from(from.atZone(zone));
        YearMonth last = YearMonth.from(to.atZone(zone).minusNanos(1));
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        Map<String, Map<String, Long>> series = new LinkedHashMap<>();
        TOTALS.keySet().forEach(name -> {
            Map<String, Long> zeros = new LinkedHashMap<>();
            months.forEach(m -> zeros.put(m, 0L));
            series.put(name, zeros);
        });
        Counter count = (name, at) -> {
            if (!at.isBefore(from) && at.isBefore(to)) {
                series.get(name).merge(YearMonth.from(at.atZone(zone)).toString(), 1L, Long::sum);
            }
        };

        Map<UUID, Fact> requests = new LinkedHashMap<>();
        facts.stream()
                .filter(f -> f.type().equals(REQUEST_SUBMITTED) && f.subject() != null)
                .forEach(f -> requests.putIfAbsent(f.subject(), f));
        requests.values().forEach(f -> count.add("requests", f.occurredAt()));

        Set<UUID> opened = new HashSet<>();
        facts.stream()
                .filter(f -> f.type().equals(REQUEST_TRIAGED) && f.subject() != null)
                .filter(f -> f.get("decision") != null && f.get("decision").startsWith("ACCEPT_"))
                .filter(f -> !f.occurredAt().isBefore(from) && f.occurredAt().isBefore(to))
                .filter(f -> opened.add(f.subject()))
                .forEach(f -> count.add("casesOpened", f.occurredAt()));

        Set<UUID> agreed = new HashSet<>();
        facts.stream()
                .filter(f -> f.type().equals(AGREEMENT_SIGNED) && f.subject() != null)
                .filter(f -> !f.occurredAt().isBefore(from) && f.occurredAt().isBefore(to))
                .filter(f -> agreed.add(f.subject()))
                .forEach(f -> count.add("agreements", f.occurredAt()));

        Map<UUID, List<Fact>> byActivity = facts.stream()
                .filter(f -> f.subject() != null
                        && (f.type().equals(ACTIVITY_COMPLETED) || f.type().equals(ACTIVITY_CANCELLED)))
                .collect(Collectors.groupingBy(Fact::subject, LinkedHashMap::new, Collectors.toList()));
        for (List<Fact> history : byActivity.values()) {
            Optional<Fact> latest = history.stream().reduce((a, b) -> b);
            if (latest.isPresent() && latest.get().type().equals(ACTIVITY_COMPLETED)) {
                Fact completed = latest.get();
                count.add(
                        "activities",
                        completed.attribute("startsAt").map(Instant::parse).orElse(completed.occurredAt()));
            }
        }
        return new Trends(months, series);
    }

    /** The total of a series over the year. */
    public long total(String name) {
        return series.getOrDefault(name, Map.of()).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    @FunctionalInterface
    private interface Counter {
        void add(String series, Instant at);
    }

    private static Map<String, String> totals() {
        Map<String, String> totals = new LinkedHashMap<>();
        totals.put("requests", "cases.requested");
        totals.put("casesOpened", "cases.accepted");
        totals.put("agreements", "cases.agreementsReached");
        totals.put("activities", "activities.*.held");
        return Collections.unmodifiableMap(totals);
    }
}
