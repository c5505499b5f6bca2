package org.fedbridge.validator.dkg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.dkg.DkgMember;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.junit.jupiter.api.Test;

/** The federation spec: strict parsing, and a session id that changes with every field. */
class FederationSpecTest {
  static final SecureRandom RND = new SecureRandom();
  static final ObjectMapper JSON = new ObjectMapper();

  static List<DkgMember> members(int n) {
    List<DkgMember> ms = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      ms.add(new DkgMember(i, "op-" + i, IdentityKey.random(RND).publicKey()));
    }
    return ms;
  }

  static String detail(Result<?> r) {
    return ((Result.Err<?>) r).detail();
  }

  @Test
  void aWrittenSpecParsesBackAndItsSessionIdBindsEveryField() throws Exception {
    List<DkgMember> ms = members(4);
    String text = FederationSpec.write(31337, Address.ZERO, 1337, 0, 0, 3, ms);
    FederationSpec spec = FederationSpec.parse(text).orThrow();
    assertThat(spec.config().members()).isEqualTo(ms);
    assertThat(spec.threshold()).isEqualTo(3);
    assertThat(FederationSpec.parse(spec.json()).orThrow().config().sessionId())
        .isEqualTo(spec.config().sessionId());
    for (String[] change :
        new String[][] {
          {"l1ChainId", "1"},
          {"sidechainId", "7"},
          {"epoch", "3"},
          {"attempt", "1"},
          {"threshold", "4"}
        }) {
      ObjectNode n = (ObjectNode) JSON.readTree(text);
      n.put(change[0], Long.parseLong(change[1]));
      assertThat(FederationSpec.parse(n.toString()).orThrow().config().sessionId())
          .as(change[0])
          .isNotEqualTo(spec.config().sessionId());
    }
    ObjectNode v = (ObjectNode) JSON.readTree(text);
    v.put("vault", "0x00000000000000000000000000000000000000aa");
    assertThat(FederationSpec.parse(v.toString()).orThrow().config().sessionId())
        .isNotEqualTo(spec.config().sessionId());
  }

  @Test
  void badSpecsAreRefusedWithTheFieldNamed() throws Exception {
    String good = FederationSpec.write(31337, Address.ZERO, 1337, 0, 0, 3, members(4));
    record Case(String field, Object value, String mention) {}
    for (Case c :
        List.of(
            new Case("threshold", 2, "threshold"), // below ⌊2n/3⌋+1 (threat row 4)
            new Case("threshold", 5, "threshold"),
            new Case("epoch", -1, "epoch"),
            new Case("version", 2, "version"),
            new Case("vault", "0x1234", "vault"),
            new Case("extra", 1, "unknown field extra"))) {
      ObjectNode n = (ObjectNode) JSON.readTree(good);
      if (c.value() instanceof Integer i) {
        n.put(c.field(), i);
      } else {
        n.put(c.field(), (String) c.value());
      }
      Result<FederationSpec> r = FederationSpec.parse(n.toString());
      assertThat(r.isOk()).as(c.field()).isFalse();
      assertThat(detail(r)).as(c.field()).contains(c.mention());
    }
    ObjectNode dup = (ObjectNode) JSON.readTree(good);
    ((ObjectNode) dup.get("members").get(3)).put("operatorId", "op-1");
    assertThat(FederationSpec.parse(dup.toString()).rejection())
        .isEqualTo(Rejection.DUPLICATE_MEMBER);
    ObjectNode lookalike = (ObjectNode) JSON.readTree(good);
    ((ObjectNode) lookalike.get("members").get(3)).put("operatorId", "op\u20121");
    assertThat(detail(FederationSpec.parse(lookalike.toString()))).contains("member 4");
    ObjectNode badKey = (ObjectNode) JSON.readTree(good);
    ((ObjectNode) badKey.get("members").get(0)).put("identityPublicKey", "0x02" + "00".repeat(32));
    assertThat(detail(FederationSpec.parse(badKey.toString()))).contains("identityPublicKey");
    assertThat(FederationSpec.parse("[]").isOk()).isFalse();
    assertThat(FederationSpec.parse("{").isOk()).isFalse();
  }
}
