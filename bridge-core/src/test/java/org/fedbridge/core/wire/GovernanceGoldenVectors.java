package org.fedbridge.core.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.message.PauserUpdate;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.GovernanceAction.PauserUpdateAction;
import org.fedbridge.core.wire.GovernanceAction.Rotation;
import org.fedbridge.core.wire.GovernanceAction.RotationMember;
import org.fedbridge.core.wire.GovernanceAction.TokenConfigAction;
import org.fedbridge.core.wire.GovernanceAction.UnpauseAction;

/**
 * Example governance records from fixed keys ({@code golden/governance.json}), one per action, so
 * that another tool's encoder can be checked byte for byte. {@code GovernanceGoldenTest} compares
 * them with the committed file; {@link #main} rewrites it:
 *
 * <pre>
 * mvn -B -pl bridge-core test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.fedbridge.core.wire.GovernanceGoldenVectors \
 *   -Dexec.args=bridge-core/src/test/resources/golden/governance.json
 * </pre>
 *
 * <p>Keys: the governance key is the scalar {@code keccak256("fedbridge-wire-golden-governance")};
 * member identity keys are those of {@code wire.json} ({@code keccak256("fedbridge-wire-golden-
 * identity-" + i)}). Signatures are deterministic (RFC 6979).
 */
public final class GovernanceGoldenVectors {
  private GovernanceGoldenVectors() {}

  public static void main(String[] args) throws IOException {
    Files.writeString(Path.of(args[0]), WireGoldenVectors.JSON.writeValueAsString(build()) + "\n");
  }

  static IdentityKey governanceKey() {
    return IdentityKey.fromBytes(WireGoldenVectors.seed("fedbridge-wire-golden-governance").bytes())
        .orThrow();
  }

  static List<GovernanceAction> actions() {
    List<RotationMember> members = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      members.add(
          new RotationMember(i, "operator-" + i, WireGoldenVectors.identity(i).publicKey()));
    }
    BigInteger ether = BigInteger.TEN.pow(18);
    return List.of(
        new Rotation(1, 0, 4, members),
        new TokenConfigAction(
            new TokenConfig(
                UInt256.of(2),
                Address.fromHex("0x" + "7e".repeat(20)),
                true,
                new UInt256(ether.multiply(BigInteger.valueOf(1000))),
                UInt256.of(86_400),
                new UInt256(ether.multiply(BigInteger.valueOf(50))),
                UInt256.of(3_600)),
            "TKN",
            "Test Token",
            18),
        new PauserUpdateAction(
            new PauserUpdate(UInt256.of(3), Address.fromHex("0x" + "9a".repeat(20)), false)),
        new UnpauseAction(UInt256.of(4), UInt256.of(1)));
  }

  static ObjectNode build() {
    IdentityKey key = governanceKey();
    ObjectNode root = WireGoldenVectors.JSON.createObjectNode();
    root.put("governanceKey", Hex.encode(key.publicKey().compressed()));
    ArrayNode records = root.putArray("records");
    long sequence = 1;
    for (GovernanceAction a : actions()) {
      Governance g =
          new Governance(
              31337,
              Address.fromHex("0x" + "ab".repeat(20)),
              1337,
              sequence,
              100 + sequence,
              1_700_000_000_000L + sequence,
              a);
      GovernanceRecord r = GovernanceRecord.unsigned(g, key.publicKey()).signedBy(key);
      ObjectNode o = records.addObject();
      o.put("action", a.code());
      o.put("sequence", (int) sequence);
      o.put("hex", Hex.encode(r.encode()));
      sequence++;
    }
    return root;
  }
}
