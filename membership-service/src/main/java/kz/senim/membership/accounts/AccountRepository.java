package kz.senim.membership.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.senim.membership.people.domain.PersonRole;
import kz.senim.platform.web.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account of the school, as Senim knows it. */
    record Account(
            String schoolId,
            String externalId,
            String username,
            String userId,
            PersonRole role,
            String status,
            boolean hasEmail,
            Instant createdAt,
            Instant invitedAt,
            Instant invitationExpiresAt) {

        boolean created() {
            return userId != null;
        }
    }

    Optional<Account> find(String schoolId, String externalId) {
        return jdbc.sql("select * from account where school_id = :school and external_id = :external")
                .param("school", schoolId)
                .param("external", externalId)
                .query(AccountRepository::map)
                .optional();
    }

    Optional<Account> byUser(String userId) {
        return jdbc.sql("select * from account where user_id = :user")
                .param("user", userId)
                .query(AccountRepository::map)
                .optional();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from account where username = :username")
                        .param("username", username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Reserves the username for the person; false when another row holds it meanwhile. */
    boolean reserve(
            String schoolId, String externalId, String username, PersonRole role, boolean hasEmail, Instant at) {
        return jdbc.sql("""
                        insert into account (school_id, external_id, username, role, status, has_email, created_at)
                        values (:school, :external, :username, :role, 'PENDING', :email, :at)
                        on conflict do nothing
                        """)
                        .param("school", schoolId)
                        .param("external", externalId)
                        .param("username", username)
                        .param("role", role.name())
                        .param("email", hasEmail)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /**
     * The usernames of Senim's accounts (of any school) that begin with one of the bases: what a new reservation of
     * those bases must not take. One query for a whole chunk of an import.
     */
    java.util.Set<String> usernamesStartingWith(java.util.Collection<String> bases) {
        if (bases.isEmpty()) {
            return new java.util.HashSet<>();
        }
        String[] patterns = bases.stream()
                .map(base -> base.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .toArray(String[]::new);
        return new java.util.HashSet<>(jdbc.sql("select username from account where username like any(:patterns)")
                .param("patterns", patterns)
                .query(String.class)
                .list());
    }

    /** A username to reserve for a person of an import (see {@link #reserveAll}). */
    record Reservation(String externalId, String username, PersonRole role, boolean hasEmail) {}

    /**
     * Reserves many usernames in one statement, as {@link #reserve} does one.
     *
     * @return the external ids whose reservation was made; a row whose username or external id another row holds
     *     meanwhile is left out (and done on its own)
     */
    java.util.Set<String> reserveAll(String schoolId, List<Reservation> reservations, Instant at) {
        if (reservations.isEmpty()) {
            return new java.util.HashSet<>();
        }
        StringBuilder sql = new StringBuilder(
                "insert into account (school_id, external_id, username, role, status, has_email, created_at) values ");
        for (int i = 0; i < reservations.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(:school, :external")
                    .append(i)
                    .append(", :username")
                    .append(i)
                    .append(", :role")
                    .append(i)
                    .append(", 'PENDING', :email")
                    .append(i)
                    .append(", :at)");
        }
        sql.append(" on conflict do nothing returning external_id");
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql.toString()).param("school", schoolId).param("at", Timestamp.from(at));
        for (int i = 0; i < reservations.size(); i++) {
            Reservation r = reservations.get(i);
            statement = statement
                    .param("external" + i, r.externalId())
                    .param("username" + i, r.username())
                    .param("role" + i, r.role().name())
                    .param("email" + i, r.hasEmail());
        }
        return new java.util.HashSet<>(statement.query(String.class).list());
    }

    /** Links many reservations to their Keycloak users at once (as {@link #created} does one). */
    void createdAll(String schoolId, java.util.Map<String, String> userIdByExternalId) {
        if (userIdByExternalId.isEmpty()) {
            return;
        }
        String[] externals = userIdByExternalId.keySet().toArray(String[]::new);
        String[] users =
                java.util.Arrays.stream(externals).map(userIdByExternalId::get).toArray(String[]::new);
        jdbc.sql("""
                        update account a set user_id = v.user_id, status = 'ACTIVE'
                        from unnest(cast(:externals as text[]), cast(:users as text[])) as v(external_id, user_id)
                        where a.school_id = :school and a.external_id = v.external_id
                        """)
                .param("school", schoolId)
                .param("externals", externals)
                .param("users", users)
                .update();
    }

    /** Moves a pending reservation to another username; false when that one is held by another row. */
    boolean rename(String schoolId, String externalId, String username) {
        if (usernameTaken(username)) {
            return false;
        }
        return jdbc.sql("""
                        update account set username = :username
                        where school_id = :school and external_id = :external and status = 'PENDING'
                        """)
                        .param("school", schoolId)
                        .param("external", externalId)
                        .param("username", username)
                        .update()
                == 1;
    }

    void created(String schoolId, String externalId, String userId) {
        jdbc.sql("""
                        update account set user_id = :user, status = 'ACTIVE'
                        where school_id = :school and external_id = :external
                        """)
                .param("school", schoolId)
                .param("external", externalId)
                .param("user", userId)
                .update();
    }

    void status(String userId, String status) {
        jdbc.sql("update account set status = :status where user_id = :user")
                .param("user", userId)
                .param("status", status)
                .update();
    }

    /** The account has an e-mail address now: it is invited by e-mail. */
    void hasEmail(String userId) {
        jdbc.sql("update account set has_email = true where user_id = :user")
                .param("user", userId)
                .update();
    }

    /** Keycloak has sent the account's invitation; its link works until {@code expiresAt}. */
    void invited(String userId, Instant at, Instant expiresAt) {
        jdbc.sql("update account set invited_at = :at, invitation_expires_at = :expires where user_id = :user")
                .param("user", userId)
                .param("at", Timestamp.from(at))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    List<Account> page(String schoolId, PageQuery page) {
        return jdbc.sql("select * from account where school_id = :school order by " + page.orderBy()
                        + ", external_id limit :limit offset :offset")
                .param("school", schoolId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(AccountRepository::map)
                .list();
    }

    List<Account> all(String schoolId) {
        return jdbc.sql("select * from account where school_id = :school")
                .param("school", schoolId)
                .query(AccountRepository::map)
                .list();
    }

    long count(String schoolId) {
        return jdbc.sql("select count(*) from account where school_id = :school")
                .param("school", schoolId)
                .query(Long.class)
                .single();
    }

    boolean schoolAdminsGrantCoordinator(String schoolId) {
        return jdbc.sql("select school_admins_grant_coordinator from school_onboarding where school_id = :school")
                .param("school", schoolId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void schoolAdminsGrantCoordinator(String schoolId, boolean allowed) {
        jdbc.sql("""
                        insert into school_onboarding (school_id, school_admins_grant_coordinator) values (:school, :allowed)
                        on conflict (school_id) do update set school_admins_grant_coordinator = :allowed
                        """).param("school", schoolId).param("allowed", allowed).update();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getString("school_id"),
                rs.getString("external_id"),
                rs.getString("username"),
                rs.getString("user_id"),
                PersonRole.valueOf(rs.getString("role")),
                rs.getString("status"),
                rs.getBoolean("has_email"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("invited_at")),
                instant(rs.getTimestamp("invitation_expires_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
