package org.fedbridge.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The admin console's public REST API, called with a bearer token as the web page calls it. */
record AdminClient(String url) {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  /** One call; the JSON answer (missing when empty), or a failure naming the status and body. */
  JsonNode call(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(20));
    if (body != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body().isEmpty() ? Http.JSON.missingNode() : Http.JSON.readTree(r.body());
  }
}
