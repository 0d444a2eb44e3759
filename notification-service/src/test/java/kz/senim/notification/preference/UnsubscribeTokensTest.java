package kz.senim.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;

import kz.senim.notification.delivery.domain.Category;
import kz.senim.notification.template.PortalSettings;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    private final UnsubscribeTokens tokens =
            new UnsubscribeTokens(new UnsubscribeSettings("secret-one"), new PortalSettings("https://portal.example"));

    @Test
    void a_token_names_its_user_and_category() {
        assertThat(tokens.read(tokens.token("user-1", Category.ACTIVITIES)))
                .contains(new UnsubscribeTokens.Subscription("user-1", Category.ACTIVITIES));
    }

    @Test
    void a_token_cannot_be_changed_or_forged_with_another_secret() {
        String token = tokens.token("user-1", Category.ACTIVITIES);
        String forged = new UnsubscribeTokens(
                        new UnsubscribeSettings("secret-two"), new PortalSettings("https://portal.example"))
                .token("user-2", Category.ACTIVITIES);
        String otherUser = tokens.token("user-2", Category.ACTIVITIES);
        String swapped = otherUser.substring(0, otherUser.indexOf('.')) + token.substring(token.indexOf('.'));

        assertThat(tokens.read(forged)).isEmpty();
        assertThat(tokens.read(swapped)).isEmpty();
        assertThat(tokens.read("garbage")).isEmpty();
        assertThat(tokens.read(".")).isEmpty();
    }
}
