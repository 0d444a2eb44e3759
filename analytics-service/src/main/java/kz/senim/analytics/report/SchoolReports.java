package kz.senim.analytics.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import kz.senim.analytics.AnalyticsProperties;
import kz.senim.analytics.report.domain.AnnualReport;
import kz.senim.analytics.report.domain.DistrictReport;
import kz.senim.analytics.report.domain.Fact;
import kz.senim.analytics.report.domain.SchoolReport;
import kz.senim.analytics.report.domain.SchoolYear;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schools' annual reports and the district view, kept once computed until the facts behind them change
 * (docs/analytics.md, "How fast"). Every new fact of a school raises the school's version in the store
 * ({@code school_change}, in the transaction that stores the fact), so a kept school report is used only while its
 * school's version is the one it was computed at, and a new district view computes again only the schools that
 * changed. Every {@code senim.analytics.district-refresh-interval} the school reports behind the district views
 * asked for in the last minutes are brought up to date in the background, so that a request finds few schools or
 * none to compute: it answers the kept view (and its JSON document, serialized once) when no school's version
 * moved since, and otherwise computes the view again from the kept school reports (and any school the background
 * has not reached yet), so an answer always counts every fact stored before it was asked.
 * Keys carry the store generation, so a switched-over rebuild starts afresh. Kept in memory per instance; the
 * versions are in the database, so every instance sees every other's new facts.
 */
@Component
class SchoolReports implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SchoolReports.class);

    /** Beyond this many kept school reports (schools × years asked), everything is forgotten and computed again. */
    private static final int MOST_KEPT = 20_000;

    private static final int SCHOOLS_PER_QUERY = 100;

    /** A district view not asked for this long is no longer refreshed. */
    private static final Duration ASKED_WITHIN = Duration.ofMinutes(10);

    private record Key(int generation, String school, SchoolYear year) {}

    private record Kept(long version, SchoolReport report) {}

    record DistrictKey(int generation, SchoolYear year, int threshold) {}

    /** A district view, its JSON document, what it was computed from and when (System.nanoTime()). */
    record KeptDistrict(
            List<String> schools, Map<String, Long> versions, DistrictReport report, byte[] json, long computedAt) {}

    private final StoredFacts facts;
    private final JsonMapper json;
    private final TaskScheduler scheduler;
    private final Duration interval;
    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();
    private final Map<DistrictKey, KeptDistrict> keptDistricts = new ConcurrentHashMap<>();
    private final Map<DistrictKey, Long> askedAt = new ConcurrentHashMap<>();
    private ScheduledFuture<?> refreshing;

    SchoolReports(StoredFacts facts, JsonMapper json, TaskScheduler scheduler, AnalyticsProperties properties) {
        this.facts = facts;
        this.json = json;
        this.scheduler = scheduler;
        this.interval = properties.districtRefreshInterval();
    }

    /**
     * The district view of the generation's registered schools for the year, as of now: the kept one while no
     * school changed since it was computed (the refresher keeps it so), else brought up to date now.
     */
    KeptDistrict district(int generation, SchoolYear year, int threshold) {
        DistrictKey key = new DistrictKey(generation, year, threshold);
        askedAt.put(key, System.nanoTime());
        KeptDistrict last = keptDistricts.get(key);
        if (last != null
                && last.versions().equals(facts.versions(generation))
                && last.schools().equals(facts.registeredSchools(generation))) {
            return last;
        }
        return refresh(key);
    }

    /** Brings the district view up to date: computes again the schools whose version moved, and the view if any did. */
    synchronized KeptDistrict refresh(DistrictKey key) {
        forgetAllBut(key.generation());
        long started = System.nanoTime();
        List<String> schools = facts.registeredSchools(key.generation());
        Map<String, Long> versions = facts.versions(key.generation());
        KeptDistrict last = keptDistricts.get(key);
        KeptDistrict current;
        if (last != null && last.schools().equals(schools) && last.versions().equals(versions)) {
            current = new KeptDistrict(schools, versions, last.report(), last.json(), started);
        } else {
            DistrictReport report = DistrictReport.of(
                    key.year(), reports(key.generation(), schools, key.year(), versions), key.threshold());
            current = new KeptDistrict(
                    schools, versions, report, json.writeValueAsBytes(ReportDocuments.district(report)), started);
        }
        keptDistricts.put(key, current);
        return current;
    }

    /**
     * Computes again, off the requests, the school reports of the district views asked for whose school's version
     * moved; the view itself (suppression across every school, its JSON document) is computed by the next request.
     */
    private void refreshAsked() {
        long now = System.nanoTime();
        for (DistrictKey key : List.copyOf(askedAt.keySet())) {
            if (now - askedAt.get(key) > ASKED_WITHIN.toNanos()) {
                askedAt.remove(key);
                keptDistricts.remove(key);
                continue;
            }
            try {
                if (facts.live() != key.generation()) {
                    askedAt.remove(key);
                    continue;
                }
                synchronized (this) {
                    reports(
                            key.generation(),
                            facts.registeredSchools(key.generation()),
                            key.year(),
                            facts.versions(key.generation()));
                }
            } catch (RuntimeException e) {
                log.warn("Could not refresh the school reports of {} (retried): {}", key.year(), e.toString());
            }
        }
    }

    private List<SchoolReport> reports(
            int generation, List<String> schools, SchoolYear year, Map<String, Long> versions) {
        if (kept.size() > MOST_KEPT) {
            kept.clear();
        }
        List<String> stale = new ArrayList<>();
        for (String school : schools) {
            Kept k = kept.get(new Key(generation, school, year));
            if (k == null || k.version() != versions.getOrDefault(school, 0L)) {
                stale.add(school);
            }
        }
        for (int from = 0; from < stale.size(); from += SCHOOLS_PER_QUERY) {
            List<String> chunk = stale.subList(from, Math.min(stale.size(), from + SCHOOLS_PER_QUERY));
            // the versions were read before the facts: a report is never kept under a newer version than its facts
            Map<String, List<Fact>> loaded = facts.factsOf(generation, chunk);
            for (String school : chunk) {
                SchoolReport report = AnnualReport.of(school, year, loaded.getOrDefault(school, List.of()));
                kept.put(new Key(generation, school, year), new Kept(versions.getOrDefault(school, 0L), report));
            }
        }
        List<SchoolReport> reports = new ArrayList<>(schools.size());
        for (String school : schools) {
            reports.add(kept.get(new Key(generation, school, year)).report());
        }
        return reports;
    }

    private void forgetAllBut(int generation) {
        kept.keySet().removeIf(key -> key.generation() != generation);
        keptDistricts.keySet().removeIf(key -> key.generation() != generation);
    }

    @Override
    public synchronized void start() {
        refreshing = scheduler.scheduleWithFixedDelay(this::refreshAsked, interval);
    }

    @Override
    public synchronized void stop() {
        if (refreshing != null) {
            refreshing.cancel(false);
            refreshing = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return refreshing != null;
    }
}
