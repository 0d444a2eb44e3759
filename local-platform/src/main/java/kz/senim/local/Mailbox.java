package kz.senim.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kz.senim.test.SmtpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catches every e-mail the platform sends (an SMTP server that accepts any address and delivers
 * nothing) and shows it: a page listing the mail at {@code /}, one mail at {@code /messages/<n>}, and
 * the same as JSON at {@code /api/messages} for scripts and tests ({@code DELETE /api/messages} empties
 * it). Listens on the loopback interface only; mail is kept in memory until the platform stops.
 */
public final class Mailbox implements AutoCloseable {

    private volatile GreenMail smtp;
    private final HttpServer web;
    private final int smtpPort;
    /** Mail caught before an {@link #interruptSmtp() interruption}: a new SMTP server starts empty. */
    private final List<MimeMessage> caughtEarlier = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Mailbox(GreenMail smtp, HttpServer web, int smtpPort) {
        this.smtp = smtp;
        this.web = web;
        this.smtpPort = smtpPort;
    }

    static Mailbox start(int smtpPort, int webPort) {
        SmtpServer.nameMailStreamProvider();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), webPort), 0);
            Mailbox mailbox = new Mailbox(smtp, web, smtpPort);
            web.createContext("/", mailbox::serve);
            web.start();
            return mailbox;
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException("Could not open the mail page on port " + webPort, e);
        }
    }

    /** One caught e-mail, as the page and the JSON show it. */
    public record Mail(
            int number,
            List<String> to,
            String subject,
            String language,
            Instant receivedAt,
            Map<String, String> headers,
            String text,
            String html) {}

    public int smtpPort() {
        return smtpPort;
    }

    public int webPort() {
        return web.getAddress().getPort();
    }

    /**
     * Every mail caught so far, oldest first (by the time the server received it; GreenMail itself lists
     * mail by mailbox), numbered in that order.
     */
    public List<Mail> messages() {
        List<MimeMessage> received = new ArrayList<>(caughtEarlier);
        received.addAll(List.of(smtp.getReceivedMessages()));
        received.sort(java.util.Comparator.comparing(Mailbox::receivedAt));
        List<Mail> mails = new ArrayList<>(received.size());
        for (int i = 0; i < received.size(); i++) {
            mails.add(read(i + 1, received.get(i)));
        }
        return mails;
    }

    private static Instant receivedAt(MimeMessage message) {
        try {
            return message.getReceivedDate() != null ? message.getReceivedDate().toInstant() : Instant.EPOCH;
        } catch (MessagingException e) {
            return Instant.EPOCH;
        }
    }

    /** The mail sent to one address, oldest first. */
    public List<Mail> messagesTo(String address) {
        return messages().stream()
                .filter(mail -> mail.to().stream().anyMatch(address::equalsIgnoreCase))
                .toList();
    }

    /**
     * Stops the SMTP server, keeping what it caught: connections to its port are refused until {@link
     * #resumeSmtp()} (the fault suite's "SMTP unreachable").
     */
    public synchronized void interruptSmtp() {
        // GreenMail's stop() replaces its store with an empty one: keep the old store, read it once stopped, so
        // that a mail arriving while it stops is kept too
        com.icegreen.greenmail.Managers store = smtp.getManagers();
        smtp.stop();
        store.getImapHostManager().getAllMessages().forEach(message -> caughtEarlier.add(message.getMimeMessage()));
    }

    /** Starts an SMTP server on the same port again after {@link #interruptSmtp()}. */
    public synchronized void resumeSmtp() {
        GreenMail again = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        again.start();
        smtp = again;
    }

    public void purge() {
        caughtEarlier.clear();
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("Could not empty the mailbox", e);
        }
    }

    /** The underlying GreenMail, e.g. to wait for a number of mails. */
    public GreenMail greenMail() {
        return smtp;
    }

    @Override
    public void close() {
        web.stop(0);
        smtp.stop();
    }

    private static Mail read(int number, MimeMessage message) {
        try {
            List<String> to = Arrays.stream(
                            message.getRecipients(Message.RecipientType.TO) == null
                                    ? new Address[0]
                                    : message.getRecipients(Message.RecipientType.TO))
                    .map(address -> address instanceof jakarta.mail.internet.InternetAddress internet
                            ? internet.getAddress()
                            : address.toString())
                    .toList();
            Map<String, String> headers = new LinkedHashMap<>();
            for (var header : java.util.Collections.list(message.getAllHeaders())) {
                headers.putIfAbsent(header.getName(), header.getValue());
            }
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collect(message, text, html);
            Instant received = message.getReceivedDate() != null
                    ? message.getReceivedDate().toInstant()
                    : message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.EPOCH;
            return new Mail(
                    number,
                    to,
                    message.getSubject(),
                    message.getHeader("Content-Language", ","),
                    received,
                    headers,
                    text.toString(),
                    html.toString());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not read mail " + number, e);
        }
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html)
            throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), text, html);
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/api/messages") && method.equals("GET")) {
                respond(exchange, 200, "application/json", JsonMapper.shared().writeValueAsString(messages()));
            } else if (path.equals("/api/messages") && method.equals("DELETE")) {
                purge();
                respond(exchange, 204, "text/plain", "");
            } else if (path.equals("/") && method.equals("GET")) {
                respond(exchange, 200, "text/html; charset=utf-8", listPage());
            } else if (path.startsWith("/messages/") && method.equals("GET")) {
                List<Mail> mails = messages();
                int number = parse(path.substring("/messages/".length()));
                if (number < 1 || number > mails.size()) {
                    respond(exchange, 404, "text/plain; charset=utf-8", "No such mail");
                } else {
                    respond(exchange, 200, "text/html; charset=utf-8", mailPage(mails.get(number - 1)));
                }
            } else {
                respond(exchange, 404, "text/plain; charset=utf-8", "Not found");
            }
        }
    }

    private String listPage() {
        List<Mail> mails = new ArrayList<>(messages());
        java.util.Collections.reverse(mails);
        String rows = mails.stream()
                .map(mail -> "<tr><td>" + mail.number() + "</td><td>"
                        + escape(mail.receivedAt().toString())
                        + "</td><td>" + escape(String.join(", ", mail.to())) + "</td><td>"
                        + escape(String.valueOf(mail.language())) + "</td><td><a href=\"/messages/" + mail.number()
                        + "\">" + escape(String.valueOf(mail.subject())) + "</a></td></tr>")
                .collect(Collectors.joining("\n"));
        return page(
                "Senim — caught mail (" + mails.size() + ")",
                "<p>Every e-mail the local platform sent. Nothing leaves this machine. Newest first; reload to"
                        + " refresh. JSON: <a href=\"/api/messages\">/api/messages</a>.</p>"
                        + "<table><thead><tr><th>#</th><th>received</th><th>to</th><th>language</th><th>subject</th>"
                        + "</tr></thead><tbody>" + rows + "</tbody></table>");
    }

    private static String mailPage(Mail mail) {
        String headers = mail.headers().entrySet().stream()
                .map(h -> "<tr><th>" + escape(h.getKey()) + "</th><td>" + escape(h.getValue()) + "</td></tr>")
                .collect(Collectors.joining());
        return page(
                String.valueOf(mail.subject()),
                "<p><a href=\"/\">← all mail</a></p><table>" + headers + "</table><h2>Text</h2><pre>"
                        + escape(mail.text()) + "</pre><h2>HTML (as source)</h2><pre>" + escape(mail.html())
                        + "</pre>");
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
                + " content=\"width=device-width, initial-scale=1\"><title>" + escape(title) + "</title><style>"
                + "body{font-family:sans-serif;margin:1rem;color:#111}table{border-collapse:collapse}"
                + "td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}"
                + "pre{white-space:pre-wrap}</style></head><body><h1>" + escape(title) + "</h1>" + body
                + "</body></html>";
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders()
                .set(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;")
                        .replace("'", "&#39;");
    }
}
