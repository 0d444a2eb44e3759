package kz.senim.local.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated district, written set-based with {@code generate_series} straight into each service's own
 * database, in the shape the services themselves write (their own tables and the read models they keep from
 * membership's events), so that every list reads it as if it had been made through the API: the demo's first
 * school ({@value PlatformBenchmark#SCHOOL}, whose demo users carry the tokens) grows to {@value #PEOPLE} people,
 * {@value #CASES} cases and {@value #ACTIVITIES} activities, with in-app notifications for its people; {@value
 * #OTHER_SCHOOLS} more schools get {@value #OTHER_PEOPLE} people, {@value #OTHER_CASES} cases, {@value
 * #OTHER_ACTIVITIES} activities and {@value #OTHER_NOTIFICATIONS} notifications a person each, so that every
 * list's query has a whole district's rows to find its school's in.
 *
 * <p>Confidential columns of a case (description, parties' names) are AES-GCM sealed by case-service; a
 * generator without the key cannot write them, so every generated case copies the sealed columns of one real
 * case submitted through the API beforehand (the key id is the only associated data, so the copies open), and
 * a generated notification copies one real in-app notification's template and parameters. Ids of generated
 * people are UUIDs like Keycloak's; they have no sign-in account (no list reads Keycloak).
 */
final class District {

    static final int PEOPLE = 1_500;
    static final int CASES = 5_000;
    static final int ACTIVITIES = 300;
    static final int OTHER_SCHOOLS = 299;
    static final int OTHER_PEOPLE = 30;
    static final int OTHER_CASES = 15;
    static final int OTHER_ACTIVITIES = 30;
    static final int OTHER_NOTIFICATIONS = 5;
    /** In-app notifications of each generated person of the big school. */
    static final int NOTIFICATIONS_PER_PERSON = 20;
    /** In-app notifications of the user whose inbox is measured. */
    static final int INBOX = 300;
    /** Cases of the big school the measured mediator mediates (one in 25). */
    static final int MEDIATOR_EVERY = 25;

    /** How many tens of people the case's school has: the generated askers and parties are its students. */
    private static final String SIZE = "case when c.school = '" + PlatformBenchmark.SCHOOL + "' then " + PEOPLE / 10
            + " else " + OTHER_PEOPLE / 10 + " end";

    private final int postgresPort;

    District(int postgresPort) {
        this.postgresPort = postgresPort;
    }

    /** The demo users whose lists are measured. */
    record Users(String coordinator, String mediator, String student) {}

    /** How many rows each database got and how long it took. */
    record Generated(Map<String, Long> rows, double seconds) {}

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgresPort + "/" + database, "senim", "senim");
    }

    Generated generate(Users users) throws SQLException {
        long started = System.nanoTime();
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = connect("senim_membership")) {
            rows.put("membership: schools", update(c, """
                    insert into school (id, name_kk, name_ru, name_en, city, region, time_zone, default_language, registered_at)
                    select %s, 'Мектеп ' || s, 'Школа ' || s, 'School ' || s, 'Almaty', 'Almaty', 'Asia/Almaty', 'kk', now()
                    from generate_series(1, %d) s
                    """.formatted(schoolId("s"), OTHER_SCHOOLS)));
            rows.put("membership: people", update(c, """
                    insert into person (school_id, user_id, role, grade, class_letter, language, given_name, family_name,
                                        registered_at)
                    select g.school, g.user_id, upper(g.role), g.grade, g.class_letter, 'kk', 'Given ' || g.n,
                           'Family ' || lpad(((g.n * 7919) %% 10000)::text, 4, '0'), now()
                    from (%s) g
                    """.formatted(people())));
            rows.put("membership: guardian links", update(c, """
                    insert into guardian_link (school_id, guardian_id, student_id)
                    select g.school, g.user_id, %s from (%s) g where g.role = 'parent'
                    """.formatted(personId("g.school", "g.n - 6"), people())));
            analyze(c, "school", "person", "guardian_link");
        }
        try (Connection c = connect("senim_cases")) {
            expectRole(c, "select role from person where user_id = ?", users.student(), "student");
            rows.put("cases: schools", update(c, """
                    insert into school (id, registered_at) select %s, now() from generate_series(1, %d) s
                    """.formatted(schoolId("s"), OTHER_SCHOOLS)));
            rows.put("cases: people", update(c, """
                    insert into person (school_id, user_id, role, grade, class_letter, guardian_of, updated_at)
                    select g.school, g.user_id, g.role, g.grade, g.class_letter,
                           case when g.role = 'parent' then array[%s] else '{}' end, now()
                    from (%s) g
                    """.formatted(personId("g.school", "g.n - 6"), people())));
            rows.put("cases: cases", update(c, cases(users)));
            analyze(c, "school", "person", "mediation_case");
        }
        try (Connection c = connect("senim_training")) {
            expectRole(c, "select role from person where user_id = ?", users.student(), "student");
            rows.put("training: schools", update(c, """
                    insert into school (id, time_zone) select %s, 'Asia/Almaty' from generate_series(1, %d) s
                    """.formatted(schoolId("s"), OTHER_SCHOOLS)));
            rows.put("training: people", update(c, """
                    insert into person (school_id, user_id, role, grade) select g.school, g.user_id, g.role, g.grade
                    from (%s) g
                    """.formatted(people())));
            rows.put("training: activities", update(c, activities(users)));
            rows.put("training: registrations", update(c, """
                    insert into registration (activity_id, user_id, status, registered_at)
                    select a.id, %s, 'REGISTERED', a.created_at
                    from activity a cross join generate_series(1, 20) r
                    where a.school_id = '%s' and a.created_by = '%s'
                    """.formatted(
                            personId("a.school_id", "r * 10"), PlatformBenchmark.SCHOOL, users.coordinator())));
            analyze(c, "school", "person", "activity", "registration");
        }
        try (Connection c = connect("senim_notifications")) {
            rows.put("notifications: people", update(c, """
                    insert into person (user_id, school_id, role, grade, language, guardian_of)
                    select g.user_id, g.school, g.role, g.grade, 'kk',
                           case when g.role = 'parent' then array[%s] else '{}' end
                    from (%s) g
                    """.formatted(personId("g.school", "g.n - 6"), people())));
            rows.put("notifications: in-app", update(c, notifications(users)));
            analyze(c, "person", "notification");
        }
        return new Generated(rows, (System.nanoTime() - started) / 1e9);
    }

    /** Generated schools: {@code district-001} … */
    private static String schoolId(String n) {
        return "'district-' || lpad(" + n + "::text, 3, '0')";
    }

    /** A generated person's id: a UUID made of the school and the number. */
    private static String personId(String school, String n) {
        return "md5(" + school + " || '/' || (" + n + "))::uuid::text";
    }

    /**
     * Every generated person: the big school's {@value #PEOPLE} (the demo's own few come on top) and {@value
     * #OTHER_PEOPLE} in each other school. Of ten, seven are students (grades 1–11, classes А–В), two parents
     * (each the guardian of the student six numbers before), one a teacher.
     */
    private static String people() {
        return """
                select p.school, p.n, %s as user_id,
                       case when p.n %% 10 < 7 then 'student' when p.n %% 10 < 9 then 'parent' else 'teacher' end as role,
                       case when p.n %% 10 < 7 then 1 + p.n %% 11 end as grade,
                       case when p.n %% 10 < 7 then (array['А', 'Б', 'В'])[1 + p.n %% 3] end as class_letter
                from (select '%s' as school, n from generate_series(1, %d) n
                      union all
                      select %s, n from generate_series(1, %d) s, generate_series(1, %d) n) p
                """.formatted(
                        personId("p.school", "p.n"),
                        PlatformBenchmark.SCHOOL,
                        PEOPLE,
                        schoolId("s"),
                        OTHER_SCHOOLS,
                        OTHER_PEOPLE);
    }

    /**
     * Cases over the last five years, copies of the one real case (its sealed texts and parties' document) with
     * their own id, time, status, asker and parties' ids: of twenty, two waiting for triage, one triaged, three
     * in mediation, fourteen closed; cases past triage have a mediator, every {@value #MEDIATOR_EVERY}th the
     * measured one.
     */
    private static String cases(Users users) {
        return """
                insert into mediation_case
                    (id, school_id, kind, channel, urgency, preferred_language, status, submitted_by, submitted_at,
                     description, triage_decision, triage_reason, mediated_by, escalated, party_user_ids, mediator_ids,
                     parties, mediators, objected_mediators, conflicted_mediators, consents, sessions, agreement,
                     settings, follow_up_date, follow_up_result, outcome, closed_at, legal_hold, purged_at, version)
                select gen_random_uuid(), g.school, t.kind, t.channel,
                       case when g.n %% 7 = 0 then 'HIGH' else 'NORMAL' end, t.preferred_language, g.status,
                       g.asker, g.at, t.description,
                       case when g.status <> 'SUBMITTED' then 'ACCEPT_FOR_PEER_MEDIATION' end, null,
                       case when g.status <> 'SUBMITTED' then 'PEER_MEDIATORS' end, false,
                       array[g.asker, g.other],
                       case when g.mediator is null then '{}' else array[g.mediator] end,
                       t.parties,
                       case when g.mediator is null then '[]'::jsonb
                            else jsonb_build_array(jsonb_build_object('userId', g.mediator, 'kind', 'PEER')) end,
                       '{}', '{}', t.consents, t.sessions, null, t.settings, null, null,
                       case when g.status = 'CLOSED' then 'AGREEMENT_KEPT' end,
                       case when g.status = 'CLOSED' then g.at + interval '30 days' end, false, null, 0
                from (select c.school, c.n, c.at, c.status, %s as asker, %s as other,
                             case when c.status in ('SUBMITTED', 'TRIAGED') then null
                                  when c.school = '%s' and c.n %% %d = 3 then '%s'
                                  else %s end as mediator
                      from (select x.school, x.n, now() - x.n * x.spacing as at,
                                   case when x.n %% 20 < 2 then 'SUBMITTED' when x.n %% 20 = 2 then 'TRIAGED'
                                        when x.n %% 20 < 6 then 'IN_MEDIATION' else 'CLOSED' end as status
                            from (select '%s' as school, n, interval '5 years' / %d as spacing
                                  from generate_series(1, %d) n
                                  union all
                                  select %s, n, interval '1 year' / %d from generate_series(1, %d) s,
                                         generate_series(1, %d) n) x) c) g,
                     (select * from mediation_case where school_id = '%s' order by submitted_at limit 1) t
                """.formatted(
                        personId("c.school", "1 + 10 * (c.n % " + SIZE + ")"),
                        personId("c.school", "2 + 10 * ((c.n + 1) % " + SIZE + ")"),
                        PlatformBenchmark.SCHOOL,
                        MEDIATOR_EVERY,
                        users.mediator(),
                        personId("c.school", "3 + 10 * (c.n % 3)"),
                        PlatformBenchmark.SCHOOL,
                        CASES,
                        CASES,
                        schoolId("s"),
                        OTHER_CASES,
                        OTHER_SCHOOLS,
                        OTHER_CASES,
                        PlatformBenchmark.SCHOOL);
    }

    /**
     * The big school's activities spread over the school year from 1 September (every day or so), the
     * others' over the same year; past ones completed, facilitated by the school's coordinator (a generated
     * teacher elsewhere).
     */
    private static String activities(Users users) {
        return """
                insert into activity (id, school_id, series_id, type, title, audience_groups, grade_from, grade_to,
                                      facilitators, starts_at, ends_at, time_zone, place, capacity, language,
                                      open_registration, modules, status, head_count, created_by, created_at, version)
                select gen_random_uuid(), x.school, null, 'CLUB_MEETING', 'Club meeting ' || x.n, '{STUDENTS}',
                       null, null, array[x.facilitator], x.at, x.at + interval '1 hour', 'Asia/Almaty', 'Room 214',
                       30, 'kk', true, '{}', case when x.at < now() then 'COMPLETED' else 'SCHEDULED' end, null,
                       x.facilitator, now(), 0
                from (select '%s' as school, n, '%s' as facilitator,
                             timestamptz '2026-09-01 15:30+05' + (n - 1) * interval '273 days' / %d as at
                      from generate_series(1, %d) n
                      union all
                      select %s, n, %s, timestamptz '2026-09-01 15:30+05' + (n - 1) * interval '273 days' / %d
                      from generate_series(1, %d) s, generate_series(1, %d) n) x
                """.formatted(
                        PlatformBenchmark.SCHOOL,
                        users.coordinator(),
                        ACTIVITIES,
                        ACTIVITIES,
                        schoolId("s"),
                        personId(schoolId("s"), "10"),
                        OTHER_ACTIVITIES,
                        OTHER_SCHOOLS,
                        OTHER_ACTIVITIES);
    }

    /**
     * In-app notifications, copies of one real one (its category, template and parameters), over the last
     * year: {@value #NOTIFICATIONS_PER_PERSON} for each generated person of the big school, {@value
     * #OTHER_NOTIFICATIONS} for each elsewhere, {@value #INBOX} for the measured student; all but the latest
     * five of each person read.
     */
    private static String notifications(Users users) {
        return """
                insert into notification (id, source_event_id, recipient_id, school_id, channel, category, template_key,
                                          parameters, language, essential, status, attempts, created_at, sent_at, read_at)
                select gen_random_uuid(), gen_random_uuid(), r.user_id, r.school_id, 'IN_APP', t.category,
                       t.template_key, t.parameters, t.language, t.essential, t.status, 0,
                       now() - r.n * interval '1 day', now() - r.n * interval '1 day',
                       case when r.n > 5 then now() - r.n * interval '1 day' + interval '1 hour' end
                from (select g.user_id, g.school as school_id, k.k as n
                      from (%s) g, generate_series(1, case when g.school = '%s' then %d else %d end) k
                      union all
                      select '%s', '%s', n from generate_series(1, %d) n) r,
                     (select * from notification where channel = 'IN_APP' order by created_at limit 1) t
                """.formatted(
                        people(),
                        PlatformBenchmark.SCHOOL,
                        NOTIFICATIONS_PER_PERSON,
                        OTHER_NOTIFICATIONS,
                        users.student(),
                        PlatformBenchmark.SCHOOL,
                        INBOX);
    }

    private static long update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeLargeUpdate(sql);
        }
    }

    /** Fresh statistics and visibility maps, as autovacuum would leave them after a bulk load. */
    private static void analyze(Connection c, String... tables) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                s.execute("vacuum (analyze) " + table);
            }
        }
    }

    /** The read model stores roles as the events carry them; stop if this service stores them otherwise. */
    private static void expectRole(Connection c, String sql, String userId, String expected) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, userId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next() || !expected.equals(rs.getString(1))) {
                    throw new IllegalStateException("unexpected role format in a read model of " + c.getCatalog());
                }
            }
        }
    }

    /** One SQL statement with its parameters. */
    record Sql(String text, Object... params) {}

    /**
     * {@code EXPLAIN (ANALYZE, BUFFERS)} of each statement, and the median time of sending all of them (each
     * answered in full) {@code times} times from here, in one transaction that first drops {@code absent}
     * indexes and is rolled back: the plans and times without the indexes this change added, on the same data
     * in the same run. (Dropping an index locks its table until the rollback; nothing else is measured then.)
     */
    Timed timed(String database, List<String> absent, List<Sql> statements, int times) throws SQLException {
        List<String> plans = new ArrayList<>();
        long[] nanos = new long[times];
        try (Connection c = connect(database)) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    for (String index : absent) {
                        s.execute("drop index " + index);
                    }
                }
                for (Sql sql : statements) {
                    try (PreparedStatement q = prepared(c, "explain (analyze, buffers) " + sql.text(), sql.params());
                            ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            plans.add(rs.getString(1));
                        }
                    }
                }
                for (int i = 0; i < times; i++) {
                    long started = System.nanoTime();
                    for (Sql sql : statements) {
                        try (PreparedStatement q = prepared(c, sql.text(), sql.params());
                                ResultSet rs = q.executeQuery()) {
                            int columns = rs.getMetaData().getColumnCount();
                            while (rs.next()) {
                                for (int column = 1; column <= columns; column++) {
                                    rs.getObject(column);
                                }
                            }
                        }
                    }
                    nanos[i] = System.nanoTime() - started;
                }
            } finally {
                c.rollback();
            }
        }
        java.util.Arrays.sort(nanos);
        return new Timed(plans, nanos[times / 2] / 1e6);
    }

    /** Plans and the median time of a set of statements. */
    record Timed(List<String> plans, double medianMillis) {}

    private static PreparedStatement prepared(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement q = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            q.setObject(i + 1, sqlValue(c, params[i]));
        }
        return q;
    }

    /** The first column of a query's rows, e.g. the ids of a list's page. */
    List<Object> column(String database, String sql, Object... params) throws SQLException {
        List<Object> values = new ArrayList<>();
        try (Connection c = connect(database);
                PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setObject(i + 1, sqlValue(c, params[i]));
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getObject(1));
                }
            }
        }
        return values;
    }

    /**
     * Arrays as SQL arrays: a list's {@code in (:ids)} is sent by JdbcClient as {@code in (?, ?, …)}, which
     * PostgreSQL plans as {@code = any ('{…}')}; the plans here use that form with one array parameter.
     */
    private static Object sqlValue(Connection c, Object value) throws SQLException {
        if (value instanceof String[] texts) {
            return c.createArrayOf("text", texts);
        }
        if (value instanceof java.util.UUID[] ids) {
            return c.createArrayOf("uuid", ids);
        }
        return value;
    }
}
