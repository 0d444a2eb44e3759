package kz.senim.analytics.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kz.senim.analytics.report.domain.AnnualReport;
import kz.senim.analytics.report.domain.DistrictReport;
import kz.senim.analytics.report.domain.Fact;
import kz.senim.analytics.report.domain.SchoolReport;
import kz.senim.analytics.report.domain.SchoolYear;
import org.springframework.stereotype.Component;

/**
 * The schools' annual reports and the district view, each kept once computed until the facts behind it change.
 * Every new fact of a school raises the school's version in the store ({@code school_change}, in the transaction
 * that stores the fact), so a kept report is used only while its school's version is the one it was computed at:
 * a district view computes again only the schools that changed, and answers the view it computed last while no
 * school changed. Keys carry the store generation, so a switched-over rebuild starts afresh. Kept in memory per
 * instance; the versions are in the database, so every instance sees every other's new facts.
 */
@Component
class SchoolReports {

    /** Beyond this many kept school reports (schools × years asked), everything is forgotten and computed again. */
    private static final int MOST_KEPT = 20_000;

    private static final int SCHOOLS_PER_QUERY = 100;

    private record Key(int generation, String school, SchoolYear year) {}

    private record Kept(long version, SchoolReport report) {}

    private record DistrictKey(int generation, SchoolYear year, int threshold) {}

    private record KeptDistrict(List<String> schools, Map<String, Long> versions, DistrictReport report) {}

    private final StoredFacts facts;
    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();
    private final Map<DistrictKey, KeptDistrict> keptDistricts = new ConcurrentHashMap<>();

    SchoolReports(StoredFacts facts) {
        this.facts = facts;
    }

    /** The district view of the generation's registered schools for the year. */
    DistrictReport district(int generation, SchoolYear year, int threshold) {
        forgetAllBut(generation);
        List<String> schools = facts.registeredSchools(generation);
        Map<String, Long> versions = facts.versions(generation);
        DistrictKey key = new DistrictKey(generation, year, threshold);
        KeptDistrict last = keptDistricts.get(key);
        if (last != null && last.schools().equals(schools) && last.versions().equals(versions)) {
            return last.report();
        }
        DistrictReport report = DistrictReport.of(year, reports(generation, schools, year, versions), threshold);
        keptDistricts.put(key, new KeptDistrict(schools, versions, report));
        return report;
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
}
