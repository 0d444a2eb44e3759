package kz.senim.notification;

import java.util.Optional;
import kz.senim.notification.recipient.Recipient;
import kz.senim.notification.recipient.RecipientDirectory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Stands in for Keycloak in the tests of mapping and delivery, so that each test can use fresh
 * user ids: user {@code u} is reached at {@code u@mail.test}, in the language the people read
 * model knows; ids starting with {@code nomail-} have no address. The Keycloak lookup itself is
 * tested against the real Keycloak (KeycloakDirectoryIT).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestRecipients {

    public static String address(String userId) {
        return userId + "@mail.test";
    }

    @Bean
    @Primary
    RecipientDirectory testRecipientDirectory() {
        return userId -> userId.startsWith("nomail-")
                ? Optional.empty()
                : Optional.of(new Recipient(userId, address(userId), Optional.empty()));
    }
}
