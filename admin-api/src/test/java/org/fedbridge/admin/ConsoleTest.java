package org.fedbridge.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.fedbridge.admin.auth.AdminPrincipal;
import org.fedbridge.admin.auth.Principals;
import org.fedbridge.admin.auth.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One started console shared by every test class that extends this (same settings, so Spring reuses
 * the context): real PostgreSQL with separate owner and service roles, real Kafka, chains
 * unreachable. Tests create what they need under unique names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ConsoleTest {
  protected static final String DB = TestConsole.database("admin_console");
  protected static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<String, String> SETTINGS =
      TestConsole.settings(DB, TestConsole.dir("console"));
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Autowired protected Environment environment;
  @Autowired protected Principals principals;

  @DynamicPropertySource
  static void console(DynamicPropertyRegistry registry) {
    TestConsole.register(registry, SETTINGS);
  }

  protected String url(String path) {
    return "http://127.0.0.1:" + environment.getProperty("local.server.port") + path;
  }

  /** Sends a request; {@code token} null sends no Authorization header. */
  protected HttpResponse<String> call(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  protected static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  /** The bootstrap admin, as the console's first principal. */
  protected static AdminPrincipal bootstrapAdmin() {
    return new AdminPrincipal(
        "bootstrap", java.util.Set.of(Role.ADMIN), AdminPrincipal.Source.API_TOKEN, 0);
  }

  private static String secondAdmin;

  /**
   * The second admin's token ({@code admin-2}), made directly while the console has fewer than M =
   * 2 admins (the bootstrap phase); later admins need a GRANT_ADMIN proposal.
   */
  protected synchronized String secondAdmin() {
    if (secondAdmin == null) {
      secondAdmin = principal("admin-2", Role.ADMIN);
    }
    return secondAdmin;
  }

  /** Proposes {@code body} as {@code token}'s principal; returns the proposal. */
  protected JsonNode propose(String token, String body) throws Exception {
    HttpResponse<String> r = call("POST", "/api/proposals", token, body);
    if (r.statusCode() != 201) {
      throw new AssertionError("proposal refused: " + r.statusCode() + " " + r.body());
    }
    return json(r);
  }

  /** A new principal with these roles; returns its token. */
  protected String principal(String name, Role... roles) {
    return principals
        .create(bootstrapAdmin(), name, java.util.EnumSet.copyOf(java.util.List.of(roles)))
        .orThrow()
        .token();
  }
}
