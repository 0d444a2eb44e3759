package kz.senim.notification;

import static org.awaitility.Awaitility.await;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import kz.senim.test.Infrastructure;

/** The mail GreenMail accepted, read per recipient address (the server is shared by every test). */
public final class Mailbox {

    private Mailbox() {}

    public static List<MimeMessage> to(String address) {
        return Infrastructure.smtp().received().stream()
                .filter(m -> addressedTo(m, address))
                .toList();
    }

    public static List<MimeMessage> awaitCount(String address, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> to(address).size() >= count);
        return to(address);
    }

    public static MimeMessage awaitOne(String address) {
        return awaitCount(address, 1).getFirst();
    }

    /** Subject, every header and every text part of the message, for searching. */
    public static String everything(MimeMessage message) {
        try {
            StringBuilder all = new StringBuilder(message.getSubject()).append('\n');
            var headers = message.getAllHeaderLines();
            while (headers.hasMoreElements()) {
                all.append(headers.nextElement()).append('\n');
            }
            appendText(message, all);
            return all.toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String plainText(MimeMessage message) {
        return part(message, "text/plain");
    }

    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    public static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(MimeMessage message, String type) {
        try {
            StringBuilder found = new StringBuilder();
            collect(message, type, found);
            return found.toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, String type, StringBuilder found) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), type, found);
            }
        } else if (part.isMimeType(type) && content instanceof String text) {
            found.append(text);
        }
    }

    private static void appendText(Part part, StringBuilder all) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                appendText(body, all);
            }
        } else if (content instanceof String text) {
            all.append(text).append('\n');
        }
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
