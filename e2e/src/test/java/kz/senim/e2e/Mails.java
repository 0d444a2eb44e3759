package kz.senim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import kz.senim.local.Mailbox;
import kz.senim.local.Mailbox.Mail;
import kz.senim.local.ProjectLayout;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The e-mail the platform sent, read from the mail catcher. A mail is recognised by its subject, which
 * notification-service takes from its templates in the recipient's language
 * (notification-service/src/main/resources/templates), so "the consent request in Kazakh" is the mail
 * whose subject is the Kazakh subject of {@code consent-requested}.
 */
final class Mails {

    private static final Map<String, Properties> TEMPLATES = new ConcurrentHashMap<>();

    private Mails() {}

    /** The subject of a template in one language ({@code kk}, {@code ru}, {@code en}). */
    static String subject(String template, String language) {
        String subject = templates(language).getProperty(template + ".subject");
        assertThat(subject).as("subject of %s in %s", template, language).isNotBlank();
        return subject;
    }

    /**
     * The mails caught so far, by their notification id: a journey counts only mail outside its mark.
     * (The catcher lists mail by mailbox, not in the order it arrived, so a count would not do.)
     */
    static Set<String> mark() {
        return mailbox().messages().stream().map(Mails::idOf).collect(Collectors.toSet());
    }

    /**
     * Waits (bounded) for a mail of {@code template} in {@code language} to {@code username}'s address,
     * caught after {@code mark}.
     */
    static Mail awaitMail(Set<String> mark, String username, String template, String language) {
        String subject = subject(template, language);
        try {
            return Eventually.until(
                            "a '" + template + "' mail in " + language + " to " + username,
                            () -> since(mark, username).stream()
                                    .filter(mail -> subject.equals(mail.subject()))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "No '" + template + "' mail in " + language + " to " + username + " among the "
                            + since(mark, username).size() + " new mails to them"
                            + "; what " + username + " got: "
                            + mailbox().messagesTo(address(username)).stream()
                                    .map(mail -> mail.number() + " " + mail.subject())
                                    .toList(),
                    e);
        }
    }

    /** The subjects of the mails sent to {@code username} after {@code mark}. */
    static List<String> subjectsTo(Set<String> mark, String username) {
        return since(mark, username).stream().map(Mail::subject).toList();
    }

    private static List<Mail> since(Set<String> mark, String username) {
        return mailbox().messagesTo(address(username)).stream()
                .filter(mail -> !mark.contains(idOf(mail)))
                .toList();
    }

    /** No caught mail, in its subject, text or HTML, contains any of {@code planted}. */
    static void assertNoMailContains(String... planted) {
        List<Mail> all = mailbox().messages();
        assertThat(all).as("mail was caught at all").isNotEmpty();
        for (Mail mail : all) {
            String whole = mail.subject() + "\n" + mail.text() + "\n" + mail.html();
            for (String text : planted) {
                assertThat(whole).as("mail %d to %s", mail.number(), mail.to()).doesNotContain(text);
            }
        }
    }

    /** Each mail names its notification ({@code X-Senim-Notification}); any other has its Message-ID. */
    private static String idOf(Mail mail) {
        String id = mail.headers().get("X-Senim-Notification");
        return id != null ? id : mail.headers().get("Message-ID");
    }

    static String address(String username) {
        return username + "@example.org";
    }

    private static Mailbox mailbox() {
        return EndToEnd.mailbox();
    }

    private static Properties templates(String language) {
        return TEMPLATES.computeIfAbsent(language, lang -> {
            var file = ProjectLayout.find()
                    .root()
                    .resolve("notification-service/src/main/resources/templates/notifications"
                            + (lang.equals("en") ? "" : "_" + lang) + ".properties");
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties;
        });
    }
}
