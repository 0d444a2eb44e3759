package kz.senim.local.demo;

import java.util.Map;
import kz.senim.local.api.SenimApi;

/**
 * The demo data of a local run, created through the public API (never SQL), as the demo users of
 * {@code keycloak/senim-realm.json} would: two fictional schools with their clubs.
 */
public final class DemoData {

    private DemoData() {}

    /** Creates the demo data and returns a one-line summary of what exists now. */
    public static String create(SenimApi api) {
        var district = api.as("district-admin");
        district.post(
                        "/api/schools",
                        Map.of(
                                "id", "demo-gymnasium-1",
                                "names",
                                        Map.of(
                                                "kk", "№1 демо гимназиясы",
                                                "ru", "Демо-гимназия №1",
                                                "en", "Demo Gymnasium No. 1"),
                                "city", "Almaty",
                                "region", "Almaty",
                                "timeZone", "Asia/Almaty",
                                "defaultLanguage", "kk"))
                .expect(201, 409);
        district.post(
                        "/api/schools",
                        Map.of(
                                "id", "demo-school-2",
                                "names",
                                        Map.of(
                                                "kk", "№2 демо мектебі",
                                                "ru", "Демо-школа №2",
                                                "en", "Demo School No. 2"),
                                "city", "Astana",
                                "region", "Astana",
                                "timeZone", "Asia/Almaty",
                                "defaultLanguage", "ru"))
                .expect(201, 409);
        return "2 schools";
    }
}
