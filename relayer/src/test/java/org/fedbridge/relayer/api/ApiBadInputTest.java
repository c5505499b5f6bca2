package org.fedbridge.relayer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.fedbridge.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bad input gets a clear 4xx as RFC 9457 problem details and never a 5xx: malformed or unknown
 * hashes, addresses, nonces and page sizes, fuzzed with QuickTheories (jqwik is not used, see
 * docs/architecture.md). The per-client rate limit answers 429 with Retry-After; CORS lets a
 * wallet's page call the API; OpenAPI and Swagger UI are served.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    args = {
      "--bridge.relayer.l1.rpc-url=http://127.0.0.1:9",
      "--bridge.relayer.l1.chain-id=31337",
      "--bridge.relayer.vault=0x5FbDB2315678afecb367f032d93F642f64180aa3",
      "--bridge.relayer.sidechain.rpc-url=http://127.0.0.1:9",
      "--bridge.relayer.sidechain.chain-id=1337",
      "--bridge.relayer.topics.certificates=api-test.certificates",
      "--bridge.relayer.topics.partials=api-test.partials",
      "--bridge.relayer.api.rate-limit.requests-per-second=0.5",
      "--bridge.relayer.api.rate-limit.burst=5",
      "--bridge.relayer.api.trust-forwarded-for=true",
      "--bridge.relayer.api.cors-allowed-origins=https://wallet.example"
    })
class ApiBadInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AtomicLong CLIENTS = new AtomicLong();

  @Value("${local.server.port}")
  int port;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "bridge.relayer.kafka.bootstrap-servers");
  }

  record Answer(int status, String contentType, String retryAfter, String cors, JsonNode body) {}

  /** A GET from a client of its own (a fresh X-Forwarded-For), so the rate limit stays out. */
  Answer get(String path) throws Exception {
    return get(
        path, "10.0." + CLIENTS.incrementAndGet() % 250 + "." + CLIENTS.get() / 250 % 250, null);
  }

  Answer get(String path, String client, String origin) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("X-Forwarded-For", client);
    if (origin != null) {
      b.header("Origin", origin);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body;
    try {
      body = JSON.readTree(r.body());
    } catch (Exception notJson) {
      body = null;
    }
    return new Answer(
        r.statusCode(),
        r.headers().firstValue("Content-Type").orElse(""),
        r.headers().firstValue("Retry-After").orElse(null),
        r.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
        body);
  }

  static void assertProblem(Answer a, int status, String type) {
    assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(status);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.body().get("type").asText()).isEqualTo(type);
    assertThat(a.body().get("status").asInt()).isEqualTo(status);
    assertThat(a.body().get("title").asText()).isNotBlank();
    assertThat(a.body().get("detail").asText()).isNotBlank();
  }

  @Test
  void malformedInputIsA400NamingTheParameter() throws Exception {
    assertProblem(get("/api/v1/transfers/tx/0x1234"), 400, "/problems/invalid-hash");
    assertProblem(get("/api/v1/transfers/tx/0x" + "g".repeat(64)), 400, "/problems/invalid-hash");
    assertProblem(get("/api/v1/addresses/0x12/transfers"), 400, "/problems/invalid-address");
    assertProblem(get("/api/v1/addresses/zz/events"), 400, "/problems/invalid-address");
    assertProblem(get("/api/v1/deposits/-1"), 400, "/problems/invalid-nonce");
    assertProblem(get("/api/v1/withdrawals/007"), 400, "/problems/invalid-nonce");
    // 2^256 fits the pattern but not a uint256.
    String tooBig = java.math.BigInteger.TWO.pow(256).toString();
    assertProblem(get("/api/v1/withdrawals/" + tooBig), 400, "/problems/invalid-nonce");
    assertProblem(get("/api/v1/withdrawals/" + tooBig + "/claim"), 400, "/problems/invalid-nonce");
    String address = "/api/v1/addresses/0x" + "ab".repeat(20) + "/transfers";
    assertProblem(get(address + "?size=0"), 400, "/problems/invalid-page");
    assertProblem(get(address + "?size=101"), 400, "/problems/invalid-page");
    assertProblem(get(address + "?page=-1"), 400, "/problems/invalid-page");
    assertProblem(get(address + "?page=abc"), 400, "/problems/invalid-page");
    assertThat(get(address + "?page=abc").body().get("detail").asText()).contains("page");
  }

  @Test
  void wellFormedButUnknownIsA404() throws Exception {
    assertProblem(get("/api/v1/transfers/tx/0x" + "ab".repeat(32)), 404, "/problems/not-found");
    assertProblem(get("/api/v1/withdrawals/12345678901234567890"), 404, "/problems/not-found");
    assertProblem(get("/api/v1/deposits/0"), 404, "/problems/not-found");
    assertProblem(get("/api/v1/withdrawals/1/claim"), 404, "/problems/not-found");
    assertProblem(get("/api/v1/no-such-thing"), 404, "/problems/not-found");
    Answer empty = get("/api/v1/addresses/0x" + "ab".repeat(20) + "/transfers");
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.body().get("items")).isEmpty();
    // Nothing read from L1 yet: tokens are not known, and that is a 503 problem, not a 500.
    assertProblem(get("/api/v1/tokens"), 503, "/problems/unavailable");
  }

  @Test
  void fuzzedPathsAndParametersNeverMakeA5xx() {
    List<String> shapes =
        List.of(
            "/api/v1/deposits/%s",
            "/api/v1/withdrawals/%s",
            "/api/v1/withdrawals/%s/claim",
            "/api/v1/withdrawals/%s/events",
            "/api/v1/transfers/tx/%s",
            "/api/v1/addresses/%s/transfers",
            "/api/v1/addresses/0xabababababababababababababababababababab/transfers?page=%s",
            "/api/v1/addresses/0xabababababababababababababababababababab/transfers?size=%s");
    qt().withExamples(400)
        .forAll(
            integers().between(0, shapes.size() - 1),
            strings().allPossible().ofLengthBetween(1, 90))
        .checkAssert(
            (shape, raw) -> {
              String path = String.format(shapes.get(shape), encode(raw));
              Answer a;
              try {
                a = get(path);
              } catch (Exception e) {
                throw new AssertionError(path, e);
              }
              assertThat(a.status()).as(path).isBetween(200, 499);
              if (a.status() >= 400) {
                assertThat(a.contentType()).as(path).startsWith("application/problem+json");
                assertThat(a.body().get("type").asText()).as(path).startsWith("/problems/");
              }
            });
  }

  @Test
  void aClientOverItsBudgetGets429WithRetryAfter() throws Exception {
    String client = "192.0.2.77";
    String path = "/api/v1/withdrawals/1";
    for (int i = 0; i < 5; i++) {
      assertThat(get(path, client, null).status()).isEqualTo(404);
    }
    Answer limited = get(path, client, null);
    assertProblem(limited, 429, "/problems/rate-limited");
    assertThat(Long.parseLong(limited.retryAfter())).isBetween(1L, 2L);
    // Another client is not affected.
    assertThat(get(path, "192.0.2.78", null).status()).isEqualTo(404);
  }

  @Test
  void walletPagesMayCallTheApiAndOpenApiDescribesIt() throws Exception {
    Answer a = get("/api/v1/withdrawals/1", "192.0.2.90", "https://wallet.example");
    assertThat(a.cors()).isEqualTo("https://wallet.example");
    assertThat(get("/api/v1/withdrawals/1", "192.0.2.91", "https://evil.example").status())
        .isEqualTo(403);
    JsonNode docs = get("/v3/api-docs").body();
    assertThat(docs.get("paths").fieldNames())
        .toIterable()
        .contains(
            "/api/v1/withdrawals/{nonce}/claim",
            "/api/v1/transfers/tx/{hash}",
            "/api/v1/addresses/{address}/transfers",
            "/api/v1/addresses/{address}/events",
            "/api/v1/tokens",
            "/api/v1/fees");
    assertThat(get("/swagger-ui/index.html").status()).isEqualTo(200);
    assertThat(get("/").status()).as("the track page").isEqualTo(200);
  }

  private static String encode(String raw) {
    return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
