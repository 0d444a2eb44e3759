package kz.senim.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL 17 per test JVM (Testcontainers {@code postgres:17}, or zonky embedded
 * PostgreSQL without Docker). Every Spring context gets a fresh database of its own.
 */
public final class PostgresServer {

    private static final AtomicInteger databases = new AtomicInteger();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private final String baseUrl;
    private final String username;
    private final String password;

    private PostgresServer(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
    }

    static PostgresServer start(InfraSide side) {
        if (side == InfraSide.CONTAINERS) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
            container.start();
            AfterSpringShutdown.run("senim-postgres-stop", container::stop);
            String url = container.getJdbcUrl();
            return new PostgresServer(
                    url.substring(0, url.lastIndexOf('/') + 1), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            AfterSpringShutdown.run("senim-postgres-stop", () -> close(postgres));
            return new PostgresServer(
                    "jdbc:postgresql://localhost:" + postgres.getPort() + "/", "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    /** Creates an empty database with a name unique to this JVM run and returns its JDBC URL. */
    public String newDatabase(String prefix) {
        String name = (prefix + "_" + RUN + "_" + databases.incrementAndGet()).replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = DriverManager.getConnection(baseUrl + "postgres", username, password);
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return baseUrl + name;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is ending; the data directory is temporary
        }
    }
}
