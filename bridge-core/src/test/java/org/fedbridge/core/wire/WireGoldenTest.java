package org.fedbridge.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import org.fedbridge.core.types.Hex;
import org.junit.jupiter.api.Test;

/**
 * The committed example records ({@code golden/wire.json}) are what the codecs produce and read.
 */
class WireGoldenTest {

  static JsonNode golden() throws IOException {
    try (InputStream in = WireGoldenTest.class.getResourceAsStream("/golden/wire.json")) {
      return WireGoldenVectors.JSON.readTree(in);
    }
  }

  @Test
  void encodersReproduceTheGoldenBytes() throws IOException {
    assertThat(WireGoldenVectors.build()).isEqualTo(golden());
  }

  @Test
  void goldenBytesDecodeAuthenticateAndReEncode() throws IOException {
    JsonNode g = golden();
    byte[] p = Hex.decode(g.get("partial").get("hex").asText());
    PartialRecord partial = PartialRecord.decode(p).orThrow();
    assertThat(partial.authenticate(WireGoldenVectors.identity(2).publicKey()).isOk()).isTrue();
    assertThat(partial.partial().orThrow().index()).isEqualTo(2);
    assertThat(p).hasSize(191);
    for (JsonNode c : g.get("certificates")) {
      byte[] b = Hex.decode(c.get("hex").asText());
      CertificateRecord r = CertificateRecord.decode(b).orThrow();
      assertThat(r.encode()).isEqualTo(b);
      assertThat(r.body().type().code()).isEqualTo(c.get("type").asInt());
    }
    byte[] h = Hex.decode(g.get("heartbeat").get("hex").asText());
    HeartbeatRecord hb = HeartbeatRecord.decode(h).orThrow();
    assertThat(hb.authenticate().isOk()).isTrue();
    assertThat(hb.heartbeat().haltReason())
        .isEqualTo(g.get("heartbeat").get("haltReason").asText());
  }
}
