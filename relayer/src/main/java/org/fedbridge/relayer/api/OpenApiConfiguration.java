package org.fedbridge.relayer.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's OpenAPI description ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
  @Bean
  OpenAPI relayerApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("fedbridge relayer API")
                .version("v1")
                .license(new License().name("Apache-2.0"))
                .description(
                    "Where every deposit and withdrawal is and why it waits; proofs and calldata"
                        + " to claim a withdrawal from any wallet; tokens, limits and fees. Errors"
                        + " are RFC 9457 problem details (application/problem+json) with a type"
                        + " /problems/<slug>. Every client gets a request budget per second; over"
                        + " it the answer is 429 with Retry-After."));
  }
}
