package org.fedbridge.core.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Java's output must equal the committed golden files byte-for-byte in meaning (parsed JSON). The
 * test never writes them; regenerate deliberately with {@link GoldenVectors#main}.
 */
class GoldenVectorTest {

  static JsonNode load(String name) throws IOException {
    try (InputStream in = GoldenVectorTest.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as("golden file %s on the test classpath", name).isNotNull();
      return GoldenVectors.JSON.readTree(in);
    }
  }

  @TestFactory
  Stream<DynamicTest> javaOutputEqualsGoldenFile() {
    return GoldenVectors.FILES.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(), () -> assertThat(e.getValue().get()).isEqualTo(load(e.getKey()))));
  }
}
