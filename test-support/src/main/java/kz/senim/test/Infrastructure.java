package kz.senim.test;

/**
 * The real infrastructure of this test JVM, each part started once, on first use, and stopped
 * when the JVM ends.
 */
public final class Infrastructure {

    private static PostgresServer postgres;
    private static KafkaServer kafka;
    private static SmtpServer smtp;

    private Infrastructure() {}

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start(InfraSide.current());
        }
        return postgres;
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = KafkaServer.start(InfraSide.current());
        }
        return kafka;
    }

    public static synchronized SmtpServer smtp() {
        if (smtp == null) {
            smtp = SmtpServer.start();
        }
        return smtp;
    }
}
