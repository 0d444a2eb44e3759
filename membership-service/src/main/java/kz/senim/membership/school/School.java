package kz.senim.membership.school;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A school, the tenant everything else belongs to. Its id is a slug (e.g. {@code demo-gymnasium-1})
 * that users carry as their {@code school_id} claim.
 */
public record School(
        String id,
        LocalizedName name,
        String city,
        String region,
        ZoneId timeZone,
        String defaultLanguage,
        Instant registeredAt,
        int yearStartMonth,
        long version) {

    public static final int DEFAULT_YEAR_START_MONTH = 9;

    /** The school's name in the three languages of the platform. */
    public record LocalizedName(String kk, String ru, String en) {}

    public static School register(
            String id,
            LocalizedName name,
            String city,
            String region,
            ZoneId timeZone,
            String defaultLanguage,
            int yearStartMonth,
            Instant now) {
        return new School(id, name, city, region, timeZone, defaultLanguage, now, yearStartMonth, 0);
    }

    /** The school with new names and settings; its id and registration stay. */
    public School change(
            LocalizedName newName,
            String newCity,
            String newRegion,
            ZoneId newTimeZone,
            String newDefaultLanguage,
            int newYearStartMonth) {
        return new School(
                id,
                newName,
                newCity,
                newRegion,
                newTimeZone,
                newDefaultLanguage,
                registeredAt,
                newYearStartMonth,
                version + 1);
    }

    public SchoolUpdated updated(Instant at) {
        return new SchoolUpdated(UUID.randomUUID(), id, at, timeZone.getId(), defaultLanguage, yearStartMonth);
    }

    public SchoolRegistered registered() {
        return new SchoolRegistered(
                UUID.randomUUID(), id, registeredAt, timeZone.getId(), defaultLanguage, yearStartMonth);
    }
}
