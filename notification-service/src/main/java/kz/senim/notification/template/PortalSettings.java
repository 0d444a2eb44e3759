package kz.senim.notification.template;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the portal is ({@code senim.portal-url}, {@code SENIM_PORTAL_URL}): the links of every e-mail lead there.
 *
 * @param portalUrl the portal's address, with or without a trailing slash
 */
@ConfigurationProperties("senim")
public record PortalSettings(String portalUrl) {

    /** The portal's address without a trailing slash, ready for a path. */
    public String base() {
        return portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
    }
}
