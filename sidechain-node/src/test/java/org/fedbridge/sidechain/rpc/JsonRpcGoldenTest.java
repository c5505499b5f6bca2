package org.fedbridge.sidechain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden request/response files (src/test/resources/rpc/golden/), as in Besu's spec tests: each
 * request is posted to a running node and the response must equal the file's. Every answer has HTTP
 * status 200. Regenerate requests with {@link GoldenCases} and responses with {@code
 * -Dgolden.record=true}.
 */
class JsonRpcGoldenTest extends RunningNodeTest {
  private static final Path SOURCE = Path.of("src/test/resources/rpc/golden");

  @TestFactory
  Stream<DynamicTest> everyGoldenFileGetsItsResponse() throws Exception {
    Path dir = Path.of(getClass().getClassLoader().getResource("rpc/golden").toURI());
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(40);
    boolean record = Boolean.getBoolean("golden.record");
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      ObjectNode golden = (ObjectNode) JSON.readTree(f.toFile());
                      String body =
                          golden.has("rawRequest")
                              ? golden.get("rawRequest").asText()
                              : JSON.writeValueAsString(golden.get("request"));
                      HttpResponse<String> r = post(body, "application/json");
                      assertThat(r.statusCode()).isEqualTo(200);
                      JsonNode actual = JSON.readTree(r.body());
                      if (record) {
                        golden.set("response", actual);
                        JSON.copy()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValue(SOURCE.resolve(f.getFileName()).toFile(), golden);
                      } else {
                        assertThat(actual).isEqualTo(golden.get("response"));
                      }
                    }));
  }
}
