package kz.senim.membership.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.senim.test.Infrastructure;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.keycloak.WithKeycloak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * E-mail invitations and account statuses against the harness's real Keycloak and SMTP server: Keycloak sends
 * the invitation through the SMTP server membership-service set in the realm, in the person's language; the
 * person completes it through Keycloak's own pages; the statuses follow; the link is nowhere in Senim.
 */
@SenimIntegrationTest(properties = "senim.membership.mediator-role-sync=false")
@WithKeycloak
@ExtendWith(OutputCaptureExtension.class)
class InvitationsIT extends AccountsAgainstKeycloak {

    static final Pattern LINK = Pattern.compile("https?://\\S+/login-actions/action-token\\?key=[^\\s\"<\\\\]+");

    @Test
    void a_parent_with_an_email_is_invited_in_their_language_completes_it_and_becomes_active(CapturedOutput output)
            throws Exception {
        String address = latin(10) + "@example.org";
        ServiceApi.Answer created = api.post("/api/schools/" + GYM + "/accounts")
                .auth(bearer("admin.gym1"))
                .json("""
                        {"externalId":"%s","role":"parent","language":"ru","givenName":"Мама",
                         "familyName":"Приглашённая","email":"%s"}
                        """.formatted("INV-" + System.nanoTime(), address))
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String userId = created.json().get("userId").asString();
        String username = created.json().get("username").asString();
        assertThat(created.json().get("status").asString()).isEqualTo("never-signed-in");

        MimeMessage invitation = awaitMailTo(address, 1);
        assertThat(invitation.getSubject()).isEqualTo("Senim: активируйте свою учётную запись");
        String link = linkIn(invitation);
        JsonNode listed = awaitListed(userId, "invited");
        assertThat(listed.get("invitationExpiresAt").asString()).isNotBlank();
        assertThat(listed.get("email").asBoolean()).isTrue();

        // Until the invitation is done, the account cannot be signed in to.
        completeInvitation(link, "Own-password-" + latin(10));
        awaitListed(userId, "active");
        assertThat(users.byId(userId).orElseThrow().requiredActions()).isEmpty();

        // Done: no more invitations.
        assertThat(api.post("/api/schools/" + GYM + "/accounts/" + userId + "/invitation")
                        .auth(bearer("admin.gym1"))
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("first-sign-in-done");

        // The link and its key are Keycloak's alone: not in Senim's tables, outbox or logs.
        String key = link.substring(link.indexOf("key=") + 4).split("&")[0];
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :k")
                        .param("k", "%" + key.substring(0, 40) + "%")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from account where user_id = :u and (username like '%action-token%')")
                        .param("u", userId)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(output.getAll()).doesNotContain(key.substring(0, 40)).doesNotContain("action-token");
        assertThat(username).isNotBlank();
    }

    @Test
    void an_invitation_is_sent_again_on_request_and_the_new_link_works() throws Exception {
        String address = latin(10) + "@example.org";
        String userId = api.post("/api/schools/" + GYM + "/accounts")
                .auth(bearer("admin.gym1"))
                .json("""
                        {"externalId":"%s","role":"teacher","language":"kk","givenName":"Мұғалім",
                         "familyName":"Қайта","email":"%s"}
                        """.formatted("RES-" + System.nanoTime(), address))
                .send()
                .json()
                .get("userId")
                .asString();
        MimeMessage first = awaitMailTo(address, 1);
        assertThat(first.getSubject()).isEqualTo("Senim: есептік жазбаңызды іске қосыңыз");
        assertThat(textOf(first.getContent()))
                .as("Senim's e-mail theme: its own Kazakh text, without the base theme's literal \\n")
                .contains("Мектебіңіз сізге Senim жүйесінде есептік жазба ашты", "3 күн")
                .doesNotContain("\\n");

        // Another school's admin does not see the account; a teacher may not send anything.
        assertThat(api.post("/api/schools/" + GYM + "/accounts/" + userId + "/invitation")
                        .auth(bearer("admin.sch2"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/schools/" + SCH2 + "/accounts/" + userId + "/invitation")
                        .auth(bearer("admin.sch2"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/schools/" + GYM + "/accounts/" + userId + "/invitation")
                        .auth(bearer("teacher.gym1"))
                        .send()
                        .status())
                .isEqualTo(403);

        ServiceApi.Answer again = api.post("/api/schools/" + GYM + "/accounts/" + userId + "/invitation")
                .auth(bearer("admin.gym1"))
                .send();
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        MimeMessage second = awaitMailTo(address, 2);
        String link = linkIn(second);
        assertThat(link).isNotEqualTo(linkIn(first));

        completeInvitation(link, "Own-password-" + latin(10));
        awaitListed(userId, "active");
    }

    @Test
    void a_pupil_without_email_gets_no_invitation_and_is_disabled_and_enabled_by_the_school_admin() throws Exception {
        String external = "PUP-" + System.nanoTime();
        ServiceApi.Answer created = api.post("/api/schools/" + GYM + "/accounts")
                .auth(bearer("admin.gym1"))
                .json("""
                        {"externalId":"%s","role":"student","grade":4,"classLetter":"Б","language":"kk",
                         "givenName":"Оқушы","familyName":"Шақырусыз"}
                        """.formatted(external))
                .send();
        String userId = created.json().get("userId").asString();
        String username = created.json().get("username").asString();
        assertThat(created.json().get("status").asString()).isEqualTo("never-signed-in");
        assertThat(api.post("/api/schools/" + GYM + "/accounts/" + userId + "/invitation")
                        .auth(bearer("admin.gym1"))
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("account-without-email");

        String code = api.post("/api/schools/" + GYM + "/accounts/" + userId + "/first-login-code")
                .auth(bearer("admin.gym1"))
                .send()
                .json()
                .get("code")
                .asString();
        assertThat(signIn(username, code).body()).contains("Account is not fully set up");

        // Another school's admin cannot disable it.
        assertThat(api.post("/api/schools/" + GYM + "/accounts/" + userId + "/disable")
                        .auth(bearer("admin.sch2"))
                        .send()
                        .status())
                .isEqualTo(404);

        ServiceApi.Answer disabled = api.post("/api/schools/" + GYM + "/accounts/" + userId + "/disable")
                .auth(bearer("admin.gym1"))
                .send();
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("status").asString()).isEqualTo("disabled");
        assertThat(users.byId(userId).orElseThrow().enabled()).isFalse();
        assertThat(signIn(username, code).body()).contains("Account disabled");
        // Still in the directory, and an import of the same entry does not enable it again.
        assertThat(api.get("/api/people/" + userId)
                        .auth(bearer("admin.gym1"))
                        .send()
                        .status())
                .isEqualTo(200);
        ServiceApi.Answer preview = api.post("/api/schools/" + GYM + "/accounts/imports?dryRun=true")
                .auth(bearer("admin.gym1"))
                .body(
                        org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"),
                        "externalId,role,grade,classLetter,language,givenName,familyName\n" + external
                                + ",student,4,Б,kk,Оқушы,Шақырусыз\n")
                .send();
        assertThat(preview.json().get("unchanged").asInt()).as(preview.body()).isEqualTo(1);

        ServiceApi.Answer enabled = api.post("/api/schools/" + GYM + "/accounts/" + userId + "/enable")
                .auth(bearer("admin.gym1"))
                .send();
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        assertThat(enabled.json().get("status").asString()).isEqualTo("never-signed-in");
        assertThat(signIn(username, code).body()).contains("Account is not fully set up");
    }

    @Test
    void the_onboarding_progress_counts_accounts_and_first_sign_ins_by_role() throws Exception {
        String school = "onb-" + System.nanoTime();
        assertThat(api.post("/api/schools")
                        .auth(bearer("district-admin"))
                        .json("""
                                {"id":"%s","names":{"kk":"Мектеп","ru":"Школа","en":"School"},
                                 "city":"Almaty","region":"Almaty"}
                                """.formatted(school))
                        .send()
                        .status())
                .isEqualTo(201);
        String address = latin(10) + "@example.org";
        for (int i = 0; i < 2; i++) {
            api.post("/api/schools/" + school + "/accounts")
                    .auth(bearer("district-admin"))
                    .json("""
                            {"externalId":"S%d","role":"student","grade":2,"classLetter":"А","language":"ru",
                             "givenName":"Ученик","familyName":"Номер%s"}
                            """.formatted(i, latin(10)))
                    .send();
        }
        String parent = api.post("/api/schools/" + school + "/accounts")
                .auth(bearer("district-admin"))
                .json("""
                        {"externalId":"P1","role":"parent","language":"en","givenName":"Parent",
                         "familyName":"Progress%s","email":"%s"}
                        """.formatted(latin(10), address))
                .send()
                .json()
                .get("userId")
                .asString();
        MimeMessage invitation = awaitMailTo(address, 1);
        assertThat(invitation.getSubject()).isEqualTo("Senim: activate your account");
        completeInvitation(linkIn(invitation), "Own-password-" + latin(10));
        assertThat(parent).isNotBlank();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode progress = api.get("/api/schools/" + school + "/accounts/progress")
                    .auth(bearer("district-admin"))
                    .send()
                    .json();
            assertThat(progress.get("student").get("accounts").asLong()).isEqualTo(2);
            assertThat(progress.get("student").get("signedIn").asLong()).isZero();
            assertThat(progress.get("parent").get("accounts").asLong()).isEqualTo(1);
            assertThat(progress.get("parent").get("signedIn").asLong()).isEqualTo(1);
        });
        assertThat(api.get("/api/schools/" + school + "/accounts/progress")
                        .auth(bearer("admin.gym1"))
                        .send()
                        .status())
                .isEqualTo(404);
    }

    /** Follows the invitation's link through Keycloak's pages as a browser would, choosing the password. */
    private static void completeInvitation(String link, String password) throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get(link);
        for (int step = 0; step < 3 && !page.body().contains("password-new"); step++) {
            // Keycloak first says which actions are asked, with a link to go on.
            Matcher proceed =
                    Pattern.compile("<a href=\"([^\"]*login-actions/[^\"]+)\"").matcher(page.body());
            assertThat(proceed.find()).as(page.body()).isTrue();
            page = browser.get(html(proceed.group(1)));
        }
        Matcher action = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(page.body());
        assertThat(action.find()).as(page.body()).isTrue();
        String form = "password-new=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&password-confirm="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> done = browser.post(html(action.group(1)), form);
        assertThat(done.statusCode()).as(done.body()).isLessThan(400);
        assertThat(done.body()).as(done.body()).doesNotContain("password-new");
    }

    /** Just enough of a browser for Keycloak's pages: cookies (whatever their flags) and redirects. */
    static final class Browser {
        private final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final Map<String, String> cookies = new java.util.LinkedHashMap<>();

        HttpResponse<String> get(String url) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url)).GET(), URI.create(url));
        }

        HttpResponse<String> post(String url, String form) throws Exception {
            return send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)),
                    URI.create(url));
        }

        private HttpResponse<String> send(HttpRequest.Builder request, URI uri) throws Exception {
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        String.join(
                                "; ",
                                cookies.entrySet().stream()
                                        .map(c -> c.getKey() + "=" + c.getValue())
                                        .toList()));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("set-cookie")) {
                String pair = header.split(";", 2)[0];
                int equals = pair.indexOf('=');
                String name = pair.substring(0, equals).strip();
                String value = pair.substring(equals + 1).strip();
                if (value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            if (response.statusCode() / 100 == 3) {
                URI next = uri.resolve(response.headers().firstValue("location").orElseThrow());
                if (!next.getHost().equals(uri.getHost()) || next.getPort() != uri.getPort()) {
                    return response; // out of Keycloak (the portal): the journey ends here
                }
                return send(HttpRequest.newBuilder(next).GET(), next);
            }
            return response;
        }
    }

    private static String html(String attribute) {
        return attribute.replace("&amp;", "&");
    }

    @Test
    void an_email_address_added_by_a_later_import_brings_the_invitation() throws Exception {
        String external = "LATE-" + System.nanoTime();
        String family = "Кейінірек" + cyrillic(4);
        String header = "externalId,role,grade,classLetter,language,givenName,familyName,email\n";
        JsonNode first = importDone(header + external + ",student,9,А,kk,Оқушы," + family + ",\n");
        assertThat(first.get("result").get("created").size()).isEqualTo(1);
        String userId = jdbc.sql("select user_id from account where external_id = :e")
                .param("e", external)
                .query(String.class)
                .single();
        assertThat(awaitListed(userId, "never-signed-in").get("email").asBoolean())
                .isFalse();

        String address = latin(10) + "@example.org";
        JsonNode second = importDone(header + external + ",student,9,А,kk,Оқушы," + family + "," + address + "\n");
        assertThat(second.get("result").get("changed").size())
                .as("an address for someone who had none is a change")
                .isEqualTo(1);

        MimeMessage invitation = awaitMailTo(address, 1);
        assertThat(invitation.getSubject())
                .as("in the pupil's language")
                .isEqualTo("Senim: есептік жазбаңызды іске қосыңыз");
        JsonNode listed = awaitListed(userId, "invited");
        assertThat(listed.get("email").asBoolean()).isTrue();
        assertThat(users.byId(userId).orElseThrow().schoolId())
                .as("the rest of the user stays")
                .isEqualTo(GYM);
        completeInvitation(linkIn(invitation), "Own-password-" + latin(10));
        awaitListed(userId, "active");

        JsonNode third = importDone(header + external + ",student,9,А,kk,Оқушы," + family + "," + address + "\n");
        assertThat(third.get("unchanged").asInt())
                .as("the same address again changes nothing")
                .isEqualTo(1);
    }

    private JsonNode importDone(String csv) {
        ServiceApi.Answer accepted = api.post("/api/schools/" + GYM + "/accounts/imports")
                .auth(bearer("admin.gym1"))
                .body(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"), csv)
                .send();
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().getLocation().toString();
        return await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> api.get(location)
                                .auth(bearer("admin.gym1"))
                                .send()
                                .json(),
                        view -> view.get("status").asString().matches("done|failed"));
    }

    private JsonNode awaitListed(String userId, String status) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode list = api.get("/api/schools/" + GYM + "/accounts?size=100&sort=username")
                    .auth(bearer("district-admin"))
                    .send()
                    .json();
            JsonNode account = null;
            int pages = list.get("totalPages").asInt();
            for (int page = 0; page < pages && account == null; page++) {
                JsonNode content = api.get("/api/schools/" + GYM + "/accounts?size=100&sort=username&page=" + page)
                        .auth(bearer("district-admin"))
                        .send()
                        .json()
                        .get("content");
                for (JsonNode candidate : content) {
                    if (candidate.get("userId").asString().equals(userId)) {
                        account = candidate;
                    }
                }
            }
            assertThat(account).as("account " + userId + " listed").isNotNull();
            assertThat(account.get("status").asString()).isEqualTo(status);
            found[0] = account;
        });
        return found[0];
    }

    private static MimeMessage awaitMailTo(String address, int count) {
        MimeMessage[] last = new MimeMessage[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            java.util.List<MimeMessage> mails = new java.util.ArrayList<>();
            for (MimeMessage mail : Infrastructure.smtp().received()) {
                if (mail.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                    mails.add(mail);
                }
            }
            assertThat(mails).hasSize(count);
            last[0] = mails.get(count - 1);
        });
        return last[0];
    }

    private static String linkIn(MimeMessage mail) throws Exception {
        String text = textOf(mail.getContent());
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        return html(link.group());
    }

    private static String textOf(Object content) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(textOf(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return text.toString();
        }
        if (content instanceof java.io.InputStream stream) {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.valueOf(content);
    }
}
