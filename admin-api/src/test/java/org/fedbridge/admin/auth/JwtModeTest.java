package org.fedbridge.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.fedbridge.admin.TestConsole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The optional OIDC/JWT mode: JWTs of the configured issuer and audience, signed by a key of its
 * JWK set and not expired, authenticate as {@code oidc:<sub>} with the roles of their roles claim;
 * every other JWT is refused; the console's own API tokens keep working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtModeTest {
  private static final String ISSUER = "https://idp.fedbridge.test";
  private static final String AUDIENCE = "fedbridge-admin";
  private static final RSAKey KEY = key("idp-1");
  private static final RSAKey FOREIGN = key("idp-1");
  private static final HttpServer JWKS = jwks();

  @Autowired Environment environment;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Map<String, String> s =
        new java.util.LinkedHashMap<>(
            TestConsole.settings(TestConsole.database("admin_jwt"), TestConsole.dir("jwt")));
    s.put("bridge.admin.auth.jwt.issuer-uri", ISSUER);
    s.put(
        "bridge.admin.auth.jwt.jwk-set-uri",
        "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
    s.put("bridge.admin.auth.jwt.audience", AUDIENCE);
    TestConsole.register(registry, s);
  }

  @AfterAll
  static void stop() {
    JWKS.stop(0);
  }

  private static RSAKey key(String id) {
    try {
      return new RSAKeyGenerator(2048).keyID(id).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpServer jwks() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      server.createContext(
          "/jwks",
          exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String jwt(
      RSAKey key, String sub, String iss, String aud, Instant exp, List<String> roles)
      throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(sub)
            .issuer(iss)
            .audience(aud)
            .issueTime(Date.from(Instant.now().minusSeconds(5)))
            .expirationTime(Date.from(exp))
            .claim("roles", roles)
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static String valid(String sub, String... roles) throws Exception {
    return jwt(KEY, sub, ISSUER, AUDIENCE, Instant.now().plusSeconds(300), List.of(roles));
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + environment.getProperty("local.server.port") + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aValidJwtAuthenticatesWithTheRolesOfItsClaim() throws Exception {
    HttpResponse<String> me = get("/api/me", valid("Alice", "admin", "unknown-role"));
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    JsonNode body = JsonMapper.builder().build().readTree(me.body());
    assertThat(body.path("name").asText()).isEqualTo("oidc:alice");
    assertThat(body.path("source").asText()).isEqualTo("JWT");
    assertThat(body.path("roles").toString()).contains("ADMIN").contains("VIEWER");
    assertThat(get("/api/principals", valid("alice", "ADMIN")).statusCode()).isEqualTo(200);
    assertThat(get("/api/principals", valid("bob", "VIEWER")).statusCode()).isEqualTo(403);
    assertThat(get("/api/principals", valid("carol")).statusCode()).isEqualTo(403);
  }

  @Test
  void expiredForeignMisaddressedOrMisissuedJwtsAreRefusedExploit() throws Exception {
    Instant later = Instant.now().plusSeconds(300);
    for (String bad :
        List.of(
            jwt(KEY, "alice", ISSUER, AUDIENCE, Instant.now().minusSeconds(600), List.of("ADMIN")),
            jwt(FOREIGN, "alice", ISSUER, AUDIENCE, later, List.of("ADMIN")),
            jwt(KEY, "alice", ISSUER, "someone-else", later, List.of("ADMIN")),
            jwt(KEY, "alice", "https://evil.example", AUDIENCE, later, List.of("ADMIN")),
            valid("alice", "ADMIN").replaceFirst("\\.[^.]*$", ".c2lnbmF0dXJl"))) {
      HttpResponse<String> r = get("/api/me", bad);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
      assertThat(r.body()).contains("/problems/invalid-credentials");
    }
  }

  @Test
  void theConsolesOwnTokensStillWork() throws Exception {
    assertThat(get("/api/me", TestConsole.BOOTSTRAP_TOKEN).statusCode()).isEqualTo(200);
  }
}
