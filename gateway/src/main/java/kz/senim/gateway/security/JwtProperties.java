package kz.senim.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Keycloak's signing keys are fetched from, and the issuer the tokens must name. They differ
 * when the gateway reaches Keycloak by an internal host name while browsers use a public one.
 */
@ConfigurationProperties("senim.security.jwt")
record JwtProperties(String jwkSetUri, String issuerUri) {}
