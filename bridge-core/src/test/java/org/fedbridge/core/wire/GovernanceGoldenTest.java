package org.fedbridge.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.types.Hex;
import org.junit.jupiter.api.Test;

/** The committed governance examples ({@code golden/governance.json}) are what the codec makes. */
class GovernanceGoldenTest {

  static JsonNode golden() throws IOException {
    try (InputStream in =
        GovernanceGoldenTest.class.getResourceAsStream("/golden/governance.json")) {
      return WireGoldenVectors.JSON.readTree(in);
    }
  }

  @Test
  void encoderReproducesTheGoldenBytes() throws IOException {
    assertThat(GovernanceGoldenVectors.build()).isEqualTo(golden());
  }

  @Test
  void goldenBytesDecodeAuthenticateAndReEncode() throws IOException {
    JsonNode g = golden();
    IdentityPublicKey key = new IdentityPublicKey(Hex.decode(g.get("governanceKey").asText()));
    assertThat(g.get("records")).hasSize(4);
    for (JsonNode r : g.get("records")) {
      byte[] b = Hex.decode(r.get("hex").asText());
      GovernanceRecord record = GovernanceRecord.decode(b).orThrow();
      assertThat(record.authenticate(key).isOk()).isTrue();
      assertThat(record.encode()).isEqualTo(b);
      assertThat(record.governance().action().code()).isEqualTo(r.get("action").asInt());
      assertThat(record.governance().sequence()).isEqualTo(r.get("sequence").asLong());
    }
  }
}
