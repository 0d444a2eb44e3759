package kz.senim.platform.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service's OpenAPI document says about itself ({@code senim.api-docs.*}).
 *
 * @param title the document's title, e.g. "Senim cases"
 * @param description what the service's API is for (CommonMark)
 * @param version the API's version (the build's version)
 * @param serverUrl the gateway's public address, the only server a client calls ({@code SENIM_PORTAL_URL})
 * @param issuerUri the realm's issuer as browsers reach it, whose endpoints Swagger UI signs in with
 */
@ConfigurationProperties("senim.api-docs")
public record ApiDocsProperties(String title, String description, String version, String serverUrl, String issuerUri) {}
