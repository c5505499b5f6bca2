package org.fedbridge.core.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.merkle.MerkleProof;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.Rejection;
import org.junit.jupiter.api.Test;

/**
 * Reads the golden files as the Solidity side will (from the JSON only) and checks their internal
 * consistency with bridge-core's verifiers: every proof verifies, every invalid proof is refused
 * with the recorded reason, every signature verifies under its key in both encodings.
 */
class GoldenConsistencyTest {

  static Bytes32 b32(JsonNode n) {
    return Bytes32.fromHex(n.asText());
  }

  @Test
  void merkleProofsFromFileVerify() throws Exception {
    JsonNode m = GoldenVectorTest.load("merkle.json");
    for (JsonNode tree : m.get("trees")) {
      int n = Integer.parseInt(tree.get("n").asText());
      for (JsonNode p : tree.get("proofs")) {
        List<Bytes32> sib = new ArrayList<>();
        p.get("siblings").forEach(s -> sib.add(b32(s)));
        assertThat(sib).hasSize(Integer.parseInt(tree.get("depth").asText()));
        MerkleProof proof = new MerkleProof(Integer.parseInt(p.get("index").asText()), sib);
        assertThat(proof.verify(b32(tree.get("root")), n, b32(p.get("leaf"))).isOk()).isTrue();
      }
    }
    for (JsonNode p : m.get("invalidProofs")) {
      List<Bytes32> sib = new ArrayList<>();
      p.get("siblings").forEach(s -> sib.add(b32(s)));
      MerkleProof proof = new MerkleProof(Integer.parseInt(p.get("index").asText()), sib);
      var r =
          proof.verify(
              b32(p.get("root")), Integer.parseInt(p.get("n").asText()), b32(p.get("leaf")));
      assertThat(r.rejection()).isEqualTo(Rejection.valueOf(p.get("rejection").asText()));
    }
  }

  /**
   * Every leaf in messages.json recomputed from its JSON fields alone, with the prefix written out
   * here (0x00 deposits, 0x02 withdrawals): what the Solidity side does. The prefixes are the only
   * difference between the two leaf kinds, so no deposit leaf can pass as a withdrawal leaf.
   */
  @Test
  void leavesFromFileUseTheirOwnPrefixes() throws Exception {
    JsonNode m = GoldenVectorTest.load("messages.json");
    int deposits = 0;
    int withdrawals = 0;
    for (JsonNode msg : m.get("messages")) {
      String type = msg.get("type").asText();
      if (type.equals("DepositBatch")) {
        for (JsonNode d : msg.get("deposits")) {
          byte[] body =
              words(
                  d.get("nonce"),
                  d.get("token"),
                  d.get("sender"),
                  d.get("recipient"),
                  d.get("amount"));
          assertThat(Keccak.hash(new byte[] {0x00}, body)).isEqualTo(b32(d.get("leaf")));
          assertThat(Keccak.hash(new byte[] {0x02}, body)).isNotEqualTo(b32(d.get("leaf")));
          deposits++;
        }
      } else if (type.equals("WithdrawalBatch")) {
        for (JsonNode w : msg.get("withdrawals")) {
          byte[] body =
              words(
                  w.get("nonce"),
                  w.get("l1Token"),
                  w.get("sender"),
                  w.get("l1Recipient"),
                  w.get("amount"));
          assertThat(Keccak.hash(new byte[] {0x02}, body)).isEqualTo(b32(w.get("leaf")));
          assertThat(Keccak.hash(new byte[] {0x00}, body)).isNotEqualTo(b32(w.get("leaf")));
          withdrawals++;
        }
      }
    }
    assertThat(deposits).isPositive();
    assertThat(withdrawals).isPositive();
  }

  /** abi.encode of static words: decimal strings as uint256, 0x-hex (20 bytes) as address. */
  private static byte[] words(JsonNode... fields) {
    byte[] out = new byte[32 * fields.length];
    for (int i = 0; i < fields.length; i++) {
      String v = fields[i].asText();
      byte[] raw =
          v.startsWith("0x") ? Hex.decode(v) : org.fedbridge.core.types.UInt256.parse(v).toWord();
      System.arraycopy(raw, 0, out, 32 * i + 32 - raw.length, raw.length);
    }
    return out;
  }

  @Test
  void blsSignaturesFromFileVerifyInBothEncodings() throws Exception {
    JsonNode b = GoldenVectorTest.load("bls.json");
    assertThat(b.get("dst").asText()).isEqualTo(Bls.DST);
    List<PublicKey> keys = new ArrayList<>();
    for (JsonNode k : b.get("keys")) {
      PublicKey c =
          PublicKey.fromCompressed(Hex.decode(k.get("publicKeyCompressed").asText())).orThrow();
      PublicKey e = PublicKey.fromEip2537(Hex.decode(k.get("publicKeyEip2537").asText())).orThrow();
      assertThat(c).isEqualTo(e);
      keys.add(c);
    }
    for (JsonNode s : b.get("signatures")) {
      PublicKey pk = keys.get(Integer.parseInt(s.get("key").asText()) - 1);
      Bytes32 d = b32(s.get("digest"));
      Signature c =
          Signature.fromCompressed(Hex.decode(s.get("signatureCompressed").asText())).orThrow();
      Signature e = Signature.fromEip2537(Hex.decode(s.get("signatureEip2537").asText())).orThrow();
      assertThat(Bls.verify(pk, d, c)).isTrue();
      assertThat(Bls.verify(pk, d, e)).isTrue();
    }
    JsonNode inf = b.get("infinity");
    assertThat(Signature.fromEip2537(Hex.decode(inf.get("g1Eip2537").asText())).rejection())
        .isEqualTo(Rejection.INFINITY);
    assertThat(PublicKey.fromEip2537(Hex.decode(inf.get("g2Eip2537").asText())).rejection())
        .isEqualTo(Rejection.INFINITY);
    JsonNode bad = b.get("invalidSignatures");
    assertThat(Signature.fromEip2537(Hex.decode(bad.get("offCurveEip2537").asText())).rejection())
        .isEqualTo(Rejection.NOT_ON_CURVE);
    assertThat(
            Signature.fromEip2537(Hex.decode(bad.get("nonZeroPaddingEip2537").asText()))
                .rejection())
        .isEqualTo(Rejection.NON_CANONICAL);
  }

  @Test
  void thresholdCombinationsFromFileEqualTheGroupSignature() throws Exception {
    JsonNode t = GoldenVectorTest.load("threshold.json");
    PublicKey gk =
        PublicKey.fromEip2537(Hex.decode(t.get("groupPublicKeyEip2537").asText())).orThrow();
    Bytes32 d = b32(t.get("digest"));
    String groupSig = t.get("groupSignatureEip2537").asText();
    assertThat(Bls.verify(gk, d, Signature.fromEip2537(Hex.decode(groupSig)).orThrow())).isTrue();
    for (JsonNode set : t.get("signerSets")) {
      assertThat(set.get("combinedSignatureEip2537").asText()).isEqualTo(groupSig);
    }
    for (JsonNode s : t.get("shares")) {
      Signature partial =
          Signature.fromEip2537(Hex.decode(s.get("partialSignatureEip2537").asText())).orThrow();
      PublicKey spk =
          PublicKey.fromEip2537(Hex.decode(s.get("publicKeyEip2537").asText())).orThrow();
      assertThat(Bls.verify(spk, d, partial)).isTrue();
      assertThat(Bls.verify(gk, d, partial)).isFalse();
    }
  }
}
