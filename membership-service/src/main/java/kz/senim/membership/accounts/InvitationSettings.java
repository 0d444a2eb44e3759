package kz.senim.membership.accounts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How invitations are e-mailed ({@code senim.accounts.invitations.*}): how long the link works, where the person
 * lands once done, and the SMTP server Keycloak is told to send through (the platform's own, see
 * docs/operations.md §10).
 *
 * @param lifespan how long an invitation's link works
 * @param clientId the Keycloak client the person lands in once done (the portal's)
 * @param redirectUri where in that client (the portal's address)
 * @param smtpHost the SMTP server as Keycloak reaches it
 * @param smtpPort its port
 * @param from the sender, {@code Name <address>} or an address
 */
@ConfigurationProperties("senim.accounts.invitations")
record InvitationSettings(
        Duration lifespan, String clientId, String redirectUri, String smtpHost, int smtpPort, String from) {

    private static final Pattern NAMED = Pattern.compile("\\s*(.*?)\\s*<\\s*([^>]+?)\\s*>\\s*");

    /** The realm's {@code smtpServer} as Keycloak's Admin API takes it. */
    Map<String, String> smtpServer() {
        Map<String, String> smtp = new LinkedHashMap<>();
        smtp.put("host", smtpHost);
        smtp.put("port", Integer.toString(smtpPort));
        Matcher named = NAMED.matcher(from);
        if (named.matches()) {
            smtp.put("from", named.group(2));
            smtp.put("fromDisplayName", named.group(1));
        } else {
            smtp.put("from", from.strip());
        }
        // Like notification-service's sender: a relay without sign-in or TLS (docs/operations.md §3).
        smtp.put("auth", "false");
        smtp.put("starttls", "false");
        smtp.put("ssl", "false");
        return smtp;
    }

    @Override
    public String toString() {
        return "InvitationSettings[lifespan=" + lifespan + ", smtp=" + smtpHost + ":" + smtpPort + "]";
    }
}
