package kz.senim.local.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One fictional school of the demo: its registration and the people of its directory. People with a
 * {@code username} are the demo users of {@code keycloak/senim-realm.json} (their id is their Keycloak
 * subject); the others are students without an account, known to Senim only through the directory.
 */
record DemoSchool(String id, Map<String, Object> names, String city, String language, List<Person> people) {

    /** An entry of the school's directory; {@code key} is how the demo scripts name the person. */
    record Person(
            String key,
            String username,
            String role,
            Integer grade,
            String classLetter,
            String guardianOfKey,
            String language,
            String givenName,
            String familyName) {

        static Person user(String key, String username, String role, String language, String given, String family) {
            return new Person(key, username, role, null, null, null, language, given, family);
        }

        static Person student(
                String key,
                String username,
                int grade,
                String classLetter,
                String language,
                String given,
                String family) {
            return new Person(key, username, "student", grade, classLetter, null, language, given, family);
        }

        Person guardianOf(String studentKey) {
            return new Person(key, username, role, grade, classLetter, studentKey, language, givenName, familyName);
        }

        boolean hasAccount() {
            return username != null;
        }

        /** A stable id for a person without an account, shaped like a Keycloak subject. */
        String idWithoutAccount(String schoolId) {
            return UUID.nameUUIDFromBytes(("senim-demo:" + schoolId + ":" + key).getBytes(StandardCharsets.UTF_8))
                    .toString();
        }
    }

    String username(String key) {
        return people.stream()
                .filter(p -> p.key().equals(key))
                .map(Person::username)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo user " + key + " in " + id));
    }

    static DemoSchool gymnasium() {
        return new DemoSchool(
                "demo-gymnasium-1",
                JsonBody.texts("№1 демо гимназиясы", "Демо-гимназия №1", "Demo Gymnasium No. 1"),
                "Almaty",
                "kk",
                List.of(
                        Person.user("coordinator", "coordinator.gym1", "coordinator", "kk", "Saule", "Temirbekova"),
                        Person.user("admin", "admin.gym1", "admin", "en", "Yerlan", "Baimukhanov"),
                        Person.user("teacher", "teacher.gym1", "teacher", "ru", "Marat", "Abdikarimov"),
                        Person.student("student1", "student1.gym1", 9, "А", "kk", "Aruzhan", "Seitkaliyeva"),
                        Person.student("student2", "student2.gym1", 9, "Б", "ru", "Daniyar", "Zhaksylykov"),
                        Person.student("mediator1", "mediator1.gym1", 10, "А", "kk", "Aigerim", "Nurtasova"),
                        Person.user("parent", "parent.gym1", "parent", "ru", "Gulnara", "Seitkaliyeva")
                                .guardianOf("student1"),
                        Person.student("alikhan", null, 9, "В", "kk", "Alikhan", "Dauletov"),
                        Person.student("madina", null, 9, "В", "kk", "Madina", "Serikbayeva"),
                        Person.student("yerasyl", null, 7, "А", "kk", "Yerasyl", "Amanov"),
                        Person.student("kamila", null, 7, "Ә", "kk", "Kamila", "Zhumagali"),
                        Person.student("sanzhar", null, 8, "Б", "ru", "Sanzhar", "Bekmukhambetov"),
                        Person.student("tomiris", null, 11, "А", "kk", "Tomiris", "Akhmetova"),
                        Person.student("nurislam", null, 5, "Ә", "kk", "Nurislam", "Yerzhanov"),
                        Person.student("dilnaz", null, 6, "А", "kk", "Dilnaz", "Kapparova")));
    }

    static DemoSchool school2() {
        return new DemoSchool(
                "demo-school-2",
                JsonBody.texts("№2 демо мектебі", "Демо-школа №2", "Demo School No. 2"),
                "Astana",
                "ru",
                List.of(
                        Person.user("coordinator", "coordinator.sch2", "coordinator", "ru", "Asel", "Zhumabayeva"),
                        Person.user("admin", "admin.sch2", "admin", "kk", "Bolat", "Iskakuly"),
                        Person.user("teacher", "teacher.sch2", "teacher", "kk", "Zhanar", "Tulegenova"),
                        Person.student("student1", "student1.sch2", 9, "А", "ru", "Timur", "Kassymbekov"),
                        Person.student("mediator1", "mediator1.sch2", 10, "Б", "en", "Dana", "Yessentayeva"),
                        Person.user("parent", "parent.sch2", "parent", "ru", "Nurlan", "Kassymbekov")
                                .guardianOf("student1"),
                        Person.student("sofia", null, 8, "А", "ru", "Sofia", "Kim"),
                        Person.student("artyom", null, 8, "В", "ru", "Artyom", "Li"),
                        Person.student("aliya", null, 9, "Б", "kk", "Aliya", "Mukanova"),
                        Person.student("ilyas", null, 9, "В", "ru", "Ilyas", "Zhunusov"),
                        Person.student("polina", null, 7, "А", "ru", "Polina", "Orlova"),
                        Person.student("miras", null, 10, "А", "kk", "Miras", "Abenov")));
    }
}
