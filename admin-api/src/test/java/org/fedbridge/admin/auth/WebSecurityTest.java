package org.fedbridge.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.admin.ConsoleTest;
import org.fedbridge.admin.TestConsole;
import org.junit.jupiter.api.Test;

/**
 * The browser-facing rules: no session or cookie is ever made (so CSRF has nothing to ride on), a
 * cross-site form post carries no credentials and is refused, no CORS is granted, the page is
 * served with a strict Content Security Policy and may not be framed, and a client over its budget
 * gets 429 with Retry-After.
 */
class WebSecurityTest extends ConsoleTest {

  @Test
  void noSessionOrCookieIsEverCreated() throws Exception {
    for (HttpResponse<String> r :
        List.of(
            call("GET", "/", null, null),
            call("GET", "/api/me", TestConsole.BOOTSTRAP_TOKEN, null),
            call("GET", "/api/me", null, null))) {
      assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
    }
  }

  @Test
  void aCrossSiteFormPostWithACookieIsRefusedAndChangesNothingExploit() throws Exception {
    long before = principals.list().size();
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url("/api/principals")))
                    .header("Origin", "https://evil.example")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "JSESSIONID=stolen; token=" + TestConsole.BOOTSTRAP_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString("name=evil&roles=ADMIN"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(principals.list()).hasSize((int) before);
  }

  @Test
  void noCrossOriginAccessIsGranted() throws Exception {
    HttpResponse<String> preflight =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url("/api/proposals")))
                    .header("Origin", "https://evil.example")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    HttpResponse<String> read =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url("/api/me")))
                    .header("Origin", "https://evil.example")
                    .header("Authorization", "Bearer " + TestConsole.BOOTSTRAP_TOKEN)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void thePageComesWithAStrictContentSecurityPolicyAndCannotBeFramed() throws Exception {
    HttpResponse<String> page = call("GET", "/", null, null);
    assertThat(page.statusCode()).isEqualTo(200);
    String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(csp)
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
  }

  @Test
  void aClientOverItsBudgetGets429WithRetryAfterWhileOthersGoOn() throws Exception {
    String greedy = principal("rate-greedy", Role.VIEWER);
    String patient = principal("rate-patient", Role.VIEWER);
    // 300 requests at once: far beyond the burst of 120, whatever the machine's speed.
    HttpClient client = HttpClient.newHttpClient();
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      all.add(
          client.sendAsync(
              HttpRequest.newBuilder(URI.create(url("/api/me")))
                  .header("Authorization", "Bearer " + greedy)
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (var f : all) {
      answers.add(f.get());
    }
    assertThat(answers.stream().filter(r -> r.statusCode() == 200).count())
        .isGreaterThanOrEqualTo(120);
    HttpResponse<String> limited =
        answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElse(null);
    assertThat(limited).as("some of 300 concurrent requests are refused").isNotNull();
    assertThat(answers).allMatch(r -> r.statusCode() == 200 || r.statusCode() == 429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(limited.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(json(limited).path("type").asText()).isEqualTo("/problems/rate-limited");
    assertThat(call("GET", "/api/me", patient, null).statusCode()).isEqualTo(200);
  }
}
