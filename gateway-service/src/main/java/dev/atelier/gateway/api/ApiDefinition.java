package dev.atelier.gateway.api;

import dev.atelier.gateway.problems.Problem;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The API as a whole in OpenAPI: every operation needs the bearer API key (Swagger UI's Authorize button
 * takes it), which generated clients pick up as their bearer token. The problem document's schema is declared
 * here, for {@link ProblemResponsesFilter} to refer to from every operation's error responses.
 */
@OpenAPIDefinition(
        info = @Info(title = "Atelier gateway API", version = "1"),
        security = @SecurityRequirement(name = ApiDefinition.API_KEY),
        components =
                @Components(
                        schemas = @Schema(name = "Problem", implementation = Problem.class),
                        securitySchemes =
                                @SecurityScheme(
                                        securitySchemeName = ApiDefinition.API_KEY,
                                        type = SecuritySchemeType.HTTP,
                                        scheme = "bearer",
                                        bearerFormat = "atl_ + 43 base64url characters",
                                        description =
                                                "An API key of your tenant: Authorization: Bearer atl_... (./atelier keys create TENANT)")))
public class ApiDefinition extends Application {
    static final String API_KEY = "apiKey";
}
