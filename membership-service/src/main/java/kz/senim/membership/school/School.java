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
        long version) {

    /** The school's name in the three languages of the platform. */
    public record LocalizedName(String kk, String ru, String en) {}

    public static School register(
            String id,
            LocalizedName name,
            String city,
            String region,
            ZoneId timeZone,
            String defaultLanguage,
            Instant now) {
        return new School(id, name, city, region, timeZone, defaultLanguage, now, 0);
    }

    public SchoolRegistered registered() {
        return new SchoolRegistered(UUID.randomUUID(), id, registeredAt, timeZone.getId(), defaultLanguage);
    }
}
