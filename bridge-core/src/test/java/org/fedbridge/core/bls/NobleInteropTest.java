package org.fedbridge.core.bls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Keccak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks with an independent implementation, @noble/curves (npm, in the repo's node_modules),
 * run by {@code node}: Java signatures verify there, noble's verify here, and both derive the same
 * public key and signature bytes from the same secret.
 */
class NobleInteropTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final SecureRandom RND = new SecureRandom();
  static Path script;

  @BeforeAll
  static void locate() {
    String root = System.getProperty("fedbridge.root");
    assertThat(root).as("system property fedbridge.root (set by surefire)").isNotNull();
    script = Path.of(root, "bridge-core/src/test/resources/interop/noble-bls.mjs");
    assertThat(script).exists();
    assertThat(Path.of(root, "node_modules/@noble/curves/package.json")).exists();
  }

  static JsonNode runNoble(ObjectNode request) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("node", script.toString())
            .directory(script.getParent().toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    p.getOutputStream().write(JSON.writeValueAsBytes(request));
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
    assertThat(p.exitValue()).as("node exit code").isZero();
    return JSON.readTree(new String(out, StandardCharsets.UTF_8));
  }

  @Test
  void javaSignaturesVerifyWithNobleAndNobleSignaturesVerifyInJava() throws Exception {
    ObjectNode req = JSON.createObjectNode();
    req.put("dst", Bls.DST);
    ArrayNode verify = req.putArray("verify");
    ArrayNode sign = req.putArray("sign");
    List<SecretKey> keys = new ArrayList<>();
    List<Bytes32> digests = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      SecretKey sk = SecretKey.random(RND);
      Bytes32 d = Keccak.hash(("interop-" + i + "-" + RND.nextLong()).getBytes());
      keys.add(sk);
      digests.add(d);
      Signature s = Bls.sign(sk, d);
      ObjectNode v = verify.addObject();
      v.put("pk", Hex.encode(sk.publicKey().toCompressed()));
      v.put("digest", d.toHex());
      v.put("sig", Hex.encode(s.toCompressed()));
      ObjectNode sg = sign.addObject();
      sg.put("sk", Hex.encode(sk.toBytes()));
      sg.put("digest", d.toHex());
    }
    // A negative control: a Java signature presented for another digest must fail in noble too.
    ObjectNode wrong = verify.addObject();
    wrong.put("pk", Hex.encode(keys.get(0).publicKey().toCompressed()));
    wrong.put("digest", digests.get(1).toHex());
    wrong.put("sig", Hex.encode(Bls.sign(keys.get(0), digests.get(0)).toCompressed()));

    JsonNode res = runNoble(req);

    for (int i = 0; i < 4; i++) {
      assertThat(res.get("verified").get(i).asBoolean())
          .as("noble verifies Java sig %d", i)
          .isTrue();
    }
    assertThat(res.get("verified").get(4).asBoolean()).as("noble refuses wrong digest").isFalse();
    for (int i = 0; i < 4; i++) {
      JsonNode s = res.get("signed").get(i);
      PublicKey pk = PublicKey.fromCompressed(Hex.decode(s.get("pk").asText())).orThrow();
      Signature sig = Signature.fromCompressed(Hex.decode(s.get("sig").asText())).orThrow();
      assertThat(pk).isEqualTo(keys.get(i).publicKey());
      assertThat(Bls.verify(pk, digests.get(i), sig)).as("Java verifies noble sig %d", i).isTrue();
      // noble's uncompressed x ‖ y equals our EIP-2537 bytes without the 16-byte pads.
      byte[] eip = sig.toEip2537();
      byte[] unpadded = new byte[96];
      System.arraycopy(eip, 16, unpadded, 0, 48);
      System.arraycopy(eip, 80, unpadded, 48, 48);
      assertThat(Hex.encode(unpadded)).isEqualTo(s.get("sigUncompressed").asText());
      keys.get(i).close();
    }
    assertThat(Files.size(script)).isPositive();
  }
}
