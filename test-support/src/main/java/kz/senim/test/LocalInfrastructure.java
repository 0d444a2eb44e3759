package kz.senim.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL and Kafka for running the services by hand on a machine without Docker: embedded
 * PostgreSQL 17 on port 5432 (user and password {@code senim}, the services' databases created)
 * and a KRaft broker on 9092, both keeping their data under {@code .local/} until killed.
 * Run with {@code ./mvnw -q -pl test-support exec:java -Dexec.mainClass=kz.senim.test.LocalInfrastructure}.
 */
public final class LocalInfrastructure {

    static final List<String> DATABASES =
            List.of("senim_cases", "senim_membership", "senim_training", "senim_notifications");

    private LocalInfrastructure() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".local").toAbsolutePath();
        Path pgData = root.resolve("postgres");
        boolean fresh = !Files.exists(pgData.resolve("PG_VERSION"));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(5432)
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .start();
        if (fresh) {
            try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                    Statement s = c.createStatement()) {
                s.execute("create role senim login password 'senim'");
            }
        }
        createDatabases(postgres);
        StandaloneKafkaBroker kafka = StandaloneKafkaBroker.start(9092, root.resolve("kafka"));
        System.out.println("PostgreSQL: jdbc:postgresql://localhost:5432/<database> (senim/senim) " + DATABASES);
        System.out.println("Kafka:      " + kafka.bootstrapServers());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.shutDown(StandaloneKafkaBroker.CLEAN_STOP_WITHIN);
            try {
                postgres.close();
            } catch (IOException ignored) {
                // ending anyway
            }
        }));
        Thread.currentThread().join();
    }

    private static void createDatabases(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                Statement s = c.createStatement()) {
            for (String database : DATABASES) {
                try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                    if (!rs.next()) {
                        s.execute("create database " + database + " owner senim");
                    }
                }
            }
        }
    }
}
