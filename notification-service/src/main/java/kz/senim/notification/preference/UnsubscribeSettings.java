package kz.senim.notification.preference;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key of the unsubscribe links ({@code senim.notifications.unsubscribe-secret},
 * {@code SENIM_UNSUBSCRIBE_SECRET}).
 *
 * @param unsubscribeSecret signs the links; a long random value outside a developer machine
 */
@ConfigurationProperties("senim.notifications")
record UnsubscribeSettings(String unsubscribeSecret) {

    @Override
    public String toString() {
        return "UnsubscribeSettings[unsubscribeSecret=…]";
    }
}
