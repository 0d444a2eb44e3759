package kz.senim.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.List;
import kz.senim.platform.security.CurrentUser;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Every service's OpenAPI document as a client sees the API through the gateway: the gateway's public
 * address as the only server, Keycloak's bearer tokens (and the realm's authorization-code flow, so Swagger
 * UI can sign in), the service's own title and version, and the problem answers of the platform and the
 * gateway on every operation. The service names itself in {@code senim.api-docs.*}; summaries and tags are
 * on its controllers.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.configuration.SpringDocConfiguration")
@EnableConfigurationProperties(ApiDocsProperties.class)
public class ApiDocsConfiguration {

    /** The token scheme for a pasted access token (curl, senim-cli). */
    public static final String BEARER = "bearer";
    /** The realm's sign-in (authorization code with PKCE), used by Swagger UI. */
    public static final String KEYCLOAK = "keycloak";

    static {
        // The caller comes from the token (CurrentUserArgumentResolver), not from a query parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    OpenAPI senimOpenApi(ApiDocsProperties properties, @Value("${spring.application.name:}") String application) {
        String issuer = strip(properties.issuerUri());
        String tokens = issuer + "/protocol/openid-connect/token";
        return new OpenAPI()
                .info(new Info()
                        .title(blankOr(properties.title(), application))
                        .description(properties.description())
                        .version(blankOr(properties.version(), "0")))
                .servers(List.of(new Server()
                        .url(strip(properties.serverUrl()))
                        .description("The Senim gateway: every call goes through it")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token of Keycloak realm `senim` "
                                                + "(`Authorization: Bearer <token>`)."))
                        .addSecuritySchemes(
                                KEYCLOAK,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.OAUTH2)
                                        .description("Sign in with Keycloak realm `senim` (authorization code "
                                                + "with PKCE; Swagger UI uses the public client `senim-portal`).")
                                        .flows(new OAuthFlows()
                                                .authorizationCode(new OAuthFlow()
                                                        .authorizationUrl(issuer + "/protocol/openid-connect/auth")
                                                        .tokenUrl(tokens)
                                                        .refreshUrl(tokens)
                                                        .scopes(new Scopes()
                                                                .addString("openid", "Sign in (OpenID Connect)"))))))
                .security(List.of(
                        new SecurityRequirement().addList(BEARER),
                        new SecurityRequirement().addList(KEYCLOAK, "openid")));
    }

    /** Operations marked {@link Anonymous} take no token. */
    @Bean
    OperationCustomizer senimAnonymousOperations() {
        return (operation, handler) -> {
            if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), Anonymous.class)
                    || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), Anonymous.class)) {
                operation.setSecurity(new ArrayList<>());
            }
            return operation;
        };
    }

    @Bean
    GlobalOpenApiCustomizer senimProblemResponses() {
        return new ProblemResponses();
    }

    private static String strip(String url) {
        return url == null ? "" : url.strip().replaceAll("/+$", "");
    }

    private static String blankOr(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
