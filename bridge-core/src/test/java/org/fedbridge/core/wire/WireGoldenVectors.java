package org.fedbridge.core.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.message.PauserUpdate;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.message.Unpause;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.threshold.Shamir;
import org.fedbridge.core.threshold.ThresholdSigner;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.CertificateBody.DepositBody;
import org.fedbridge.core.wire.CertificateBody.EpochChangeBody;
import org.fedbridge.core.wire.CertificateBody.PauserUpdateBody;
import org.fedbridge.core.wire.CertificateBody.TokenConfigBody;
import org.fedbridge.core.wire.CertificateBody.UnpauseBody;
import org.fedbridge.core.wire.CertificateBody.WithdrawalBody;

/**
 * Example bytes of every Kafka record kind from fixed keys ({@code golden/wire.json}), so that
 * encoders in other languages or tools can be checked. {@code WireGoldenTest} compares them with
 * the committed file; {@link #main} rewrites it, deliberately only:
 *
 * <pre>
 * mvn -B -pl bridge-core test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.fedbridge.core.wire.WireGoldenVectors \
 *   -Dexec.args=bridge-core/src/test/resources/golden/wire.json
 * </pre>
 *
 * <p>Keys: identity key {@code i} is the scalar {@code keccak256("fedbridge-wire-golden-identity-"
 * + i)}; BLS keys from the polynomial {@code f(x) = keccak256("fedbridge-wire-golden-bls-0") + x ·
 * keccak256("…-1") + x² · keccak256("…-2")} (mod r), shares {@code f(1..4)}. Certificate signatures
 * are the group key's signature over {@code keccak256("fedbridge wire golden certificate")}: these
 * vectors pin the record layout, not digests (messages.json pins those).
 */
public final class WireGoldenVectors {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private WireGoldenVectors() {}

  public static void main(String[] args) throws IOException {
    Files.writeString(Path.of(args[0]), JSON.writeValueAsString(build()) + "\n");
  }

  static Bytes32 seed(String s) {
    return Keccak.hash(s.getBytes(StandardCharsets.US_ASCII));
  }

  static IdentityKey identity(int i) {
    return IdentityKey.fromBytes(seed("fedbridge-wire-golden-identity-" + i).bytes()).orThrow();
  }

  static List<SecretShare> shares() {
    BigInteger[] coeffs = new BigInteger[3];
    for (int k = 0; k < 3; k++) {
      coeffs[k] =
          new BigInteger(1, seed("fedbridge-wire-golden-bls-" + k).bytes())
              .mod(org.fedbridge.core.bls.Fields.R);
    }
    return Shamir.shares(coeffs, 4);
  }

  static SecretKey group() {
    BigInteger a0 =
        new BigInteger(1, seed("fedbridge-wire-golden-bls-0").bytes())
            .mod(org.fedbridge.core.bls.Fields.R);
    return SecretKey.fromScalar(a0).orThrow();
  }

  static ObjectNode build() {
    ObjectNode root = JSON.createObjectNode();
    root.put("comment", "Kafka record examples; layouts in docs/architecture.md (Kafka records)");
    List<SecretShare> shares = shares();
    Bytes32 digest = seed("fedbridge wire golden digest");

    PartialRecord partial =
        PartialRecord.unsigned(
                WireType.WITHDRAWAL_BATCH,
                3,
                UInt256.of(1234),
                digest,
                ThresholdSigner.partialSign(shares.get(1), digest))
            .signedBy(identity(2));
    ObjectNode p = root.putObject("partial");
    p.put("type", partial.type().code());
    p.put("epoch", "3");
    p.put("batchId", "1234");
    p.put("digest", digest.toHex());
    p.put("index", 2);
    p.put("identityKey", identity(2).publicKey().toString());
    p.put("partialSignature", Hex.encode(partial.partial().orThrow().signature().toCompressed()));
    p.put("kafkaKey", Hex.encode(partial.kafkaKey()));
    p.put("hex", Hex.encode(partial.encode()));

    Signature certSig;
    try (SecretKey g = group()) {
      certSig = Bls.sign(g, seed("fedbridge wire golden certificate"));
    }
    Address a = Address.fromHex("0x1111111111111111111111111111111111111111");
    Address b = Address.fromHex("0x2222222222222222222222222222222222222222");
    Deposit d1 =
        new Deposit(UInt256.of(7), Address.ZERO, a, b, UInt256.parse("1000000000000000000"));
    Deposit d2 = new Deposit(UInt256.of(8), b, b, a, new UInt256(UInt256.MAX_VALUE));
    ArrayNode certs = root.putArray("certificates");
    certs.add(
        certificate(
            new CertificateRecord(
                3,
                new DepositBody(UInt256.of(19_000_000), List.of(d1, d2)),
                certSig,
                List.of(1, 2, 4),
                4)));
    certs.add(
        certificate(
            new CertificateRecord(
                3,
                new WithdrawalBody(
                    UInt256.of(555),
                    List.of(new Withdrawal(UInt256.of(42), b, a, a, UInt256.of(5)))),
                certSig,
                List.of(2, 3, 4),
                2)));
    List<Member> members = new ArrayList<>();
    for (SecretShare s : shares) {
      members.add(new Member(s.index(), "operator-" + s.index(), s.publicKey()));
    }
    MemberSet ms = MemberSet.of(members, 3).orThrow();
    try (SecretKey g = group()) {
      certs.add(
          certificate(
              new CertificateRecord(
                  3,
                  new EpochChangeBody(new EpochChange(UInt256.of(4), g.publicKey(), ms)),
                  certSig,
                  List.of(1, 2, 3),
                  1)));
    }
    certs.add(
        certificate(
            new CertificateRecord(
                3,
                new TokenConfigBody(
                    new TokenConfig(
                        UInt256.of(5),
                        b,
                        true,
                        UInt256.parse("5000000000000000000000"),
                        UInt256.of(86_400),
                        UInt256.parse("1000000000000000000000"),
                        UInt256.of(3_600))),
                certSig,
                List.of(1, 3, 4),
                3)));
    certs.add(
        certificate(
            new CertificateRecord(
                3,
                new PauserUpdateBody(new PauserUpdate(UInt256.of(6), a, false)),
                certSig,
                List.of(1, 2, 3),
                2)));
    certs.add(
        certificate(
            new CertificateRecord(
                3,
                new UnpauseBody(new Unpause(UInt256.of(7), UInt256.of(2))),
                certSig,
                List.of(2, 3, 4),
                4)));

    Heartbeat h =
        new Heartbeat(
            "acme-1",
            identity(1).publicKey(),
            3,
            1,
            1_764_000_000_000L,
            1000,
            936,
            930,
            77,
            76,
            Optional.of(new Heartbeat.LastSigned(WireType.DEPOSIT_BATCH, UInt256.of(930), 3)),
            true,
            "reorg below the safe head at block 929",
            "0.1.0");
    HeartbeatRecord hr = HeartbeatRecord.unsigned(h).signedBy(identity(1));
    ObjectNode hb = root.putObject("heartbeat");
    hb.put("operatorId", h.operatorId());
    hb.put("identityKey", h.identityKey().toString());
    hb.put("epoch", "3");
    hb.put("memberIndex", 1);
    hb.put("timestampMillis", String.valueOf(h.timestampMillis()));
    hb.put("l1Head", "1000");
    hb.put("l1SafeHead", "936");
    hb.put("l1Cursor", "930");
    hb.put("sidechainHead", "77");
    hb.put("sidechainCursor", "76");
    hb.put("lastSignedType", 1);
    hb.put("lastSignedBatchId", "930");
    hb.put("lastSignedEpoch", "3");
    hb.put("halted", true);
    hb.put("haltReason", h.haltReason());
    hb.put("softwareVersion", h.softwareVersion());
    hb.put("kafkaKey", Hex.encode(hr.kafkaKey()));
    hb.put("hex", Hex.encode(hr.encode()));
    return root;
  }

  private static ObjectNode certificate(CertificateRecord c) {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", c.body().type().code());
    o.put("epoch", String.valueOf(c.epoch()));
    o.put("batchId", c.body().batchId().toString());
    if (c.body() instanceof DepositBody d) {
      ArrayNode a = o.putArray("deposits");
      for (Deposit x : d.deposits()) {
        a.addObject()
            .put("nonce", x.nonce().toString())
            .put("token", x.token().toHex())
            .put("sender", x.sender().toHex())
            .put("recipient", x.recipient().toHex())
            .put("amount", x.amount().toString());
      }
    } else if (c.body() instanceof WithdrawalBody w) {
      ArrayNode a = o.putArray("withdrawals");
      for (Withdrawal x : w.withdrawals()) {
        a.addObject()
            .put("nonce", x.nonce().toString())
            .put("l1Token", x.l1Token().toHex())
            .put("sender", x.sender().toHex())
            .put("l1Recipient", x.l1Recipient().toHex())
            .put("amount", x.amount().toString());
      }
    } else if (c.body() instanceof EpochChangeBody e) {
      EpochChange ec = e.epochChange();
      o.put("newEpoch", ec.newEpoch().toString());
      o.put("groupKey", Hex.encode(ec.newGroupKey().toCompressed()));
      o.put("threshold", ec.members().threshold());
      ArrayNode a = o.putArray("members");
      for (Member m : ec.members().members()) {
        a.addObject()
            .put("index", m.index())
            .put("operatorId", m.operatorId())
            .put("shareKey", Hex.encode(m.sharePk().toCompressed()));
      }
    } else if (c.body() instanceof TokenConfigBody t) {
      TokenConfig x = t.config();
      o.put("governanceNonce", x.governanceNonce().toString());
      o.put("token", x.token().toHex());
      o.put("registered", x.registered());
      o.put("periodLimit", x.periodLimit().toString());
      o.put("periodSeconds", x.periodSeconds().toString());
      o.put("delayThreshold", x.delayThreshold().toString());
      o.put("delaySeconds", x.delaySeconds().toString());
    } else if (c.body() instanceof PauserUpdateBody p) {
      o.put("governanceNonce", p.update().governanceNonce().toString());
      o.put("pauser", p.update().pauser().toHex());
      o.put("enabled", p.update().enabled());
    } else if (c.body() instanceof UnpauseBody u) {
      o.put("governanceNonce", u.unpause().governanceNonce().toString());
      o.put("pauseCount", u.unpause().pauseCount().toString());
    }
    o.put("signature", Hex.encode(c.signature().toCompressed()));
    ArrayNode s = o.putArray("signers");
    c.signers().forEach(s::add);
    o.put("combinedBy", c.combinedBy());
    o.put("kafkaKey", Hex.encode(c.kafkaKey()));
    o.put("hex", Hex.encode(c.encode()));
    return o;
  }
}
