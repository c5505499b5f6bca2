package org.fedbridge.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.fedbridge.admin.ConsoleTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The API is described at /v3/api-docs: every endpoint, with the bearer scheme. */
class OpenApiTest extends ConsoleTest {

  @Test
  void everyEndpointIsDescribedWithBearerAuthentication() throws Exception {
    HttpResponse<String> r = call("GET", "/v3/api-docs", null, null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode doc = json(r);
    assertThat(doc.path("openapi").asText()).startsWith("3.");
    assertThat(
            doc.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
        .isEqualTo("bearer");
    JsonNode paths = doc.path("paths");
    for (String path :
        List.of(
            "/api/me",
            "/api/me/tokens",
            "/api/principals",
            "/api/proposals",
            "/api/proposals/{id}/approve",
            "/api/proposals/{id}/cancel",
            "/api/governance",
            "/api/federation",
            "/api/federation/epochs",
            "/api/federation/certificates",
            "/api/federation/rotation",
            "/api/tokens",
            "/api/tokens/configs",
            "/api/pause",
            "/api/reconciliation",
            "/api/reconciliation/run",
            "/api/watchtower/roots",
            "/api/watchtower/revocations",
            "/api/audit",
            "/api/audit/verify",
            "/api/audit/export")) {
      assertThat(paths.has(path)).as(path).isTrue();
    }
    assertThat(paths.path("/api/proposals").path("post").path("summary").asText())
        .contains("federation policy");
  }
}
