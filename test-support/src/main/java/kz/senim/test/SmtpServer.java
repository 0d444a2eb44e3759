package kz.senim.test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

/** One GreenMail SMTP server per test JVM, catching every mail for any address. */
public final class SmtpServer {

    private final GreenMail greenMail;
    private final int port;

    private SmtpServer(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    static SmtpServer start() {
        nameMailStreamProvider();
        int port = freePort();
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        AfterSpringShutdown.run("senim-smtp-stop", greenMail::stop);
        return new SmtpServer(greenMail, port);
    }

    /** Eclipse Angus' implementation of Jakarta Mail's {@code StreamProvider}, which GreenMail's class path has. */
    static final String STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    /**
     * Names Jakarta Mail's stream provider for this JVM (unless already named). GreenMail parses every mail it
     * catches with Jakarta Mail, which otherwise looks the provider up with a {@code ServiceLoader} scan of the
     * whole class path for every message and body part: a quarter of the benchmark JVM's samples under its
     * e-mail load (decision 158; notification-service's {@code MailDispatcher} does the same for sending).
     */
    public static void nameMailStreamProvider() {
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", STREAM_PROVIDER);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** The underlying GreenMail, for purging or waiting for mail. */
    public GreenMail greenMail() {
        return greenMail;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
