package org.fedbridge.admin.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description at {@code /v3/api-docs}: every endpoint takes a bearer token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
  @Bean
  OpenAPI adminOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("fedbridge admin console")
                .version("1")
                .description(
                    "Federation, proposals with M-of-N approvals, tokens, pause, reconciliation"
                        + " and the hash-chained audit log. Errors are RFC 9457 problem details."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description(
                            "an API token (fba_…) or, in JWT mode, an identity-provider JWT")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
