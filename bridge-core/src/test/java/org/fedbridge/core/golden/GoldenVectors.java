package org.fedbridge.core.golden;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.merkle.MerkleProof;
import org.fedbridge.core.merkle.MerkleTree;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.message.PauserUpdate;
import org.fedbridge.core.message.RootRevocation;
import org.fedbridge.core.message.SignedMessage;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.message.Unpause;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.message.WithdrawalBatch;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.UInt256;

/**
 * Builds the golden vectors from fixed inputs. {@code GoldenVectorTest} compares these trees with
 * the committed files; {@link #main} rewrites the files, deliberately only:
 *
 * <pre>
 * mvn -B -pl bridge-core test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.fedbridge.core.golden.GoldenVectors \
 *   -Dexec.args=bridge-core/src/test/resources/golden
 * </pre>
 *
 * <p>Fixed keys: secret key {@code i} is {@code KeyGen(SHA-256("fedbridge-golden-key-" + i))},
 * KeyGen per draft-irtf-cfrg-bls-signature-05 §2.3 as implemented by blst.
 */
public final class GoldenVectors {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The golden files and their builders. */
  public static final Map<String, Supplier<ObjectNode>> FILES =
      Map.of(
          "messages.json", GoldenVectors::messages,
          "merkle.json", GoldenVectors::merkle,
          "bls.json", GoldenVectors::bls,
          "threshold.json", ThresholdVectors::threshold);

  public static final Domain DOMAIN =
      new Domain(
          UInt256.of(31337),
          Address.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3"),
          UInt256.of(424242),
          UInt256.of(7));

  private GoldenVectors() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "bridge-core/src/test/resources/golden");
    Files.createDirectories(dir);
    for (var e : FILES.entrySet()) {
      Files.writeString(
          dir.resolve(e.getKey()), JSON.writeValueAsString(e.getValue().get()) + "\n");
    }
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Fixed key {@code i}: {@code KeyGen(SHA-256("fedbridge-golden-key-" + i))}. */
  public static SecretKey fixedKey(int i) {
    return SecretKey.keyGen(sha256("fedbridge-golden-key-" + i));
  }

  static Address addr(String tag) {
    byte[] h = sha256("fedbridge-golden-address-" + tag);
    byte[] a = new byte[20];
    System.arraycopy(h, 0, a, 0, 20);
    return new Address(a);
  }

  public static List<Deposit> deposits(int n) {
    List<Deposit> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Address token = i % 3 == 0 ? Address.ZERO : addr("token-" + (i % 3));
      UInt256 amount =
          i == 4
              ? new UInt256(UInt256.MAX_VALUE)
              : new UInt256(BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(i + 1)));
      out.add(
          new Deposit(
              UInt256.of(100 + i), token, addr("sender-" + i), addr("recipient-" + i), amount));
    }
    return out;
  }

  public static List<Withdrawal> withdrawals(int n) {
    List<Withdrawal> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Address token = i % 2 == 0 ? Address.ZERO : addr("token-1");
      out.add(
          new Withdrawal(
              UInt256.of(5000 + i),
              token,
              addr("l2-sender-" + i),
              addr("l1-recipient-" + i),
              UInt256.of(1_000_000L * (i + 1))));
    }
    return out;
  }

  static ObjectNode domainJson(Domain d) {
    ObjectNode o = JSON.createObjectNode();
    o.put("l1ChainId", d.l1ChainId().toString());
    o.put("vault", d.vault().toHex());
    o.put("sidechainId", d.sidechainId().toString());
    o.put("epoch", d.epoch().toString());
    return o;
  }

  static ObjectNode depositJson(Deposit d) {
    ObjectNode o = JSON.createObjectNode();
    o.put("nonce", d.nonce().toString());
    o.put("token", d.token().toHex());
    o.put("sender", d.sender().toHex());
    o.put("recipient", d.recipient().toHex());
    o.put("amount", d.amount().toString());
    o.put("leaf", d.leaf().toHex());
    return o;
  }

  static ObjectNode withdrawalJson(Withdrawal w) {
    ObjectNode o = JSON.createObjectNode();
    o.put("nonce", w.nonce().toString());
    o.put("l1Token", w.l1Token().toHex());
    o.put("sender", w.sender().toHex());
    o.put("l1Recipient", w.l1Recipient().toHex());
    o.put("amount", w.amount().toString());
    o.put("leaf", w.leaf().toHex());
    return o;
  }

  /** The member set used by the EpochChange vector: fixed keys 1..4, threshold 3. */
  public static MemberSet goldenMembers() {
    List<Member> ms = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      try (SecretKey sk = fixedKey(100 + i)) {
        ms.add(new Member(i, "operator-" + i, sk.publicKey()));
      }
    }
    return MemberSet.of(ms, 3).orThrow();
  }

  static ObjectNode messages() {
    ObjectNode root = JSON.createObjectNode();
    root.put("description", "Digests of docs/encoding.md under one domain; see README.md");
    root.set("domain", domainJson(DOMAIN));
    ObjectNode types = root.putObject("typeHashes");
    for (MessageType t : MessageType.values()) {
      types.put(t.label(), t.typeHash().toHex());
    }
    ArrayNode msgs = root.putArray("messages");

    List<Deposit> deps = deposits(5);
    DepositBatch db = DepositBatch.of(UInt256.of(19_000_123), deps);
    ObjectNode o = msg(msgs, "DepositBatch", db);
    o.put("batchId", db.batchId().toString());
    o.put("depositRoot", db.depositRoot().toHex());
    o.put("depositCount", db.depositCount().toString());
    ArrayNode da = o.putArray("deposits");
    deps.forEach(d -> da.add(depositJson(d)));
    o.put("digest", db.digest(DOMAIN).toHex());

    List<Withdrawal> ws = withdrawals(3);
    WithdrawalBatch wb = WithdrawalBatch.of(UInt256.of(777), ws);
    o = msg(msgs, "WithdrawalBatch", wb);
    o.put("batchId", wb.batchId().toString());
    o.put("withdrawalRoot", wb.withdrawalRoot().toHex());
    o.put("withdrawalCount", wb.withdrawalCount().toString());
    ArrayNode wa = o.putArray("withdrawals");
    ws.forEach(w -> wa.add(withdrawalJson(w)));
    o.put("digest", wb.digest(DOMAIN).toHex());

    MemberSet members = goldenMembers();
    PublicKey groupKey;
    try (SecretKey g = fixedKey(100)) {
      groupKey = g.publicKey();
    }
    EpochChange ec = new EpochChange(DOMAIN.epoch().increment(), groupKey, members);
    o = msg(msgs, "EpochChange", ec);
    o.put("newEpoch", ec.newEpoch().toString());
    o.put("newGroupKey", Hex.encode(groupKey.toEip2537()));
    o.put("newGroupKeyHash", org.fedbridge.core.types.Keccak.hash(groupKey.toEip2537()).toHex());
    o.put("threshold", String.valueOf(members.threshold()));
    o.put("memberCount", String.valueOf(members.size()));
    ArrayNode ma = o.putArray("members");
    for (Member m : members.members()) {
      ObjectNode mj = ma.addObject();
      mj.put("index", String.valueOf(m.index()));
      mj.put("operatorId", m.operatorId());
      mj.put("sharePk", Hex.encode(m.sharePk().toEip2537()));
    }
    o.put("membersHash", members.membersHash().toHex());
    o.put("digest", ec.digest(DOMAIN).toHex());

    TokenConfig tc =
        new TokenConfig(
            UInt256.of(3),
            addr("token-1"),
            true,
            new UInt256(BigInteger.TEN.pow(24)),
            UInt256.of(86_400),
            new UInt256(BigInteger.TEN.pow(23)),
            UInt256.of(3_600));
    o = msg(msgs, "TokenConfig", tc);
    o.put("governanceNonce", tc.governanceNonce().toString());
    o.put("token", tc.token().toHex());
    o.put("registered", tc.registered());
    o.put("periodLimit", tc.periodLimit().toString());
    o.put("periodSeconds", tc.periodSeconds().toString());
    o.put("delayThreshold", tc.delayThreshold().toString());
    o.put("delaySeconds", tc.delaySeconds().toString());
    o.put("digest", tc.digest(DOMAIN).toHex());

    PauserUpdate pu = new PauserUpdate(UInt256.of(4), addr("pauser"), false);
    o = msg(msgs, "PauserUpdate", pu);
    o.put("governanceNonce", pu.governanceNonce().toString());
    o.put("pauser", pu.pauser().toHex());
    o.put("enabled", pu.enabled());
    o.put("digest", pu.digest(DOMAIN).toHex());

    Unpause up = new Unpause(UInt256.of(5), UInt256.of(2));
    o = msg(msgs, "Unpause", up);
    o.put("governanceNonce", up.governanceNonce().toString());
    o.put("pauseCount", up.pauseCount().toString());
    o.put("digest", up.digest(DOMAIN).toHex());

    RootRevocation rr = new RootRevocation(wb.withdrawalRoot());
    o = msg(msgs, "RootRevocation", rr);
    o.put("root", rr.root().toHex());
    o.put("digest", rr.digest(DOMAIN).toHex());

    // Same Unpause under other domains: every domain word changes the digest (replay).
    ArrayNode replay = root.putArray("domainVariants");
    Domain[] variants = {
      new Domain(UInt256.of(1), DOMAIN.vault(), DOMAIN.sidechainId(), DOMAIN.epoch()),
      new Domain(DOMAIN.l1ChainId(), addr("other-vault"), DOMAIN.sidechainId(), DOMAIN.epoch()),
      new Domain(DOMAIN.l1ChainId(), DOMAIN.vault(), UInt256.of(1), DOMAIN.epoch()),
      new Domain(DOMAIN.l1ChainId(), DOMAIN.vault(), DOMAIN.sidechainId(), UInt256.of(8))
    };
    for (Domain d : variants) {
      ObjectNode v = replay.addObject();
      v.put("type", "Unpause");
      v.put("governanceNonce", up.governanceNonce().toString());
      v.put("pauseCount", up.pauseCount().toString());
      v.set("domain", domainJson(d));
      v.put("digest", up.digest(d).toHex());
    }
    return root;
  }

  private static ObjectNode msg(ArrayNode msgs, String name, SignedMessage m) {
    ObjectNode o = msgs.addObject();
    o.put("type", name);
    o.put("typeHash", m.type().typeHash().toHex());
    return o;
  }

  static ObjectNode merkle() {
    ObjectNode root = JSON.createObjectNode();
    root.put(
        "description",
        "Merkle trees over deposit leaves (messages.json deposits(n)); proofs bottom-up");
    ArrayNode trees = root.putArray("trees");
    for (int n : new int[] {1, 2, 3, 5, 8, 13}) {
      List<Bytes32> leaves = deposits(n).stream().map(Deposit::leaf).toList();
      MerkleTree t = MerkleTree.of(leaves);
      ObjectNode tj = trees.addObject();
      tj.put("n", String.valueOf(n));
      tj.put("depth", String.valueOf(t.depth()));
      tj.put("root", t.root().toHex());
      ArrayNode lj = tj.putArray("leaves");
      leaves.forEach(l -> lj.add(l.toHex()));
      ArrayNode pj = tj.putArray("proofs");
      for (int i = 0; i < n; i++) {
        MerkleProof p = t.proof(i);
        ObjectNode one = pj.addObject();
        one.put("index", String.valueOf(i));
        one.put("leaf", leaves.get(i).toHex());
        ArrayNode s = one.putArray("siblings");
        p.siblings().forEach(x -> s.add(x.toHex()));
      }
    }
    // Proofs a verifier must refuse (tree n = 5).
    List<Bytes32> leaves5 = deposits(5).stream().map(Deposit::leaf).toList();
    MerkleTree t5 = MerkleTree.of(leaves5);
    ArrayNode bad = root.putArray("invalidProofs");
    List<Bytes32> p0 = t5.proof(0).siblings();
    badProof(bad, "index equal to n (padding slot)", t5, 5, Bytes32.ZERO, t5.proof(4).siblings());
    List<Bytes32> extra = new ArrayList<>(p0);
    extra.add(Bytes32.ZERO);
    badProof(bad, "extra node", t5, 0, leaves5.get(0), extra);
    badProof(bad, "missing node", t5, 0, leaves5.get(0), p0.subList(0, p0.size() - 1));
    List<Bytes32> swapped = new ArrayList<>(p0);
    java.util.Collections.swap(swapped, 0, 1);
    badProof(bad, "reordered nodes", t5, 0, leaves5.get(0), swapped);
    badProof(bad, "wrong index", t5, 1, leaves5.get(0), p0);
    return root;
  }

  private static void badProof(
      ArrayNode bad, String why, MerkleTree t, int index, Bytes32 leaf, List<Bytes32> siblings) {
    ObjectNode o = bad.addObject();
    o.put("why", why);
    o.put("n", String.valueOf(t.size()));
    o.put("root", t.root().toHex());
    o.put("index", String.valueOf(index));
    o.put("leaf", leaf.toHex());
    ArrayNode s = o.putArray("siblings");
    siblings.forEach(x -> s.add(x.toHex()));
    o.put(
        "rejection",
        new MerkleProof(index, siblings).verify(t.root(), t.size(), leaf).rejection().name());
  }

  static ObjectNode bls() {
    ObjectNode root = JSON.createObjectNode();
    root.put("dst", Bls.DST);
    root.put(
        "keyDerivation",
        "sk_i = KeyGen(SHA-256(UTF-8 \"fedbridge-golden-key-\" + i)), draft-irtf-cfrg-bls-signature-05 §2.3 (blst keygen)");
    Signature g1 = sign(1, Bytes32.ZERO); // placeholder to load natives before generators
    root.put("g2GeneratorEip2537", Hex.encode(g2Generator().toEip2537()));
    ArrayNode keys = root.putArray("keys");
    ArrayNode sigs = root.putArray("signatures");
    List<Bytes32> digests =
        List.of(
            new DepositBatch(
                    UInt256.of(19_000_123),
                    MerkleTree.of(deposits(5).stream().map(Deposit::leaf).toList()).root(),
                    UInt256.of(5))
                .digest(DOMAIN),
            new Unpause(UInt256.of(5), UInt256.of(2)).digest(DOMAIN),
            Bytes32.ZERO);
    for (int i = 1; i <= 3; i++) {
      try (SecretKey sk = fixedKey(i)) {
        ObjectNode k = keys.addObject();
        k.put("index", String.valueOf(i));
        k.put("ikm", Hex.encode(sha256("fedbridge-golden-key-" + i)));
        k.put("secretKey", Hex.encode(sk.toBytes()));
        k.put("publicKeyCompressed", Hex.encode(sk.publicKey().toCompressed()));
        k.put("publicKeyEip2537", Hex.encode(sk.publicKey().toEip2537()));
        for (Bytes32 d : digests) {
          Signature s = Bls.sign(sk, d);
          ObjectNode sj = sigs.addObject();
          sj.put("key", String.valueOf(i));
          sj.put("digest", d.toHex());
          sj.put("signatureCompressed", Hex.encode(s.toCompressed()));
          sj.put("signatureEip2537", Hex.encode(s.toEip2537()));
        }
      }
    }
    ObjectNode inf = root.putObject("infinity");
    inf.put("g1Compressed", Hex.encode(infinityCompressed(48)));
    inf.put("g2Compressed", Hex.encode(infinityCompressed(96)));
    inf.put("g1Eip2537", Hex.encode(new byte[128]));
    inf.put("g2Eip2537", Hex.encode(new byte[256]));
    ObjectNode wrong = root.putObject("invalidSignatures");
    Signature s1 = Signature.fromCompressed(g1.toCompressed()).orThrow();
    byte[] e = s1.toEip2537();
    e[127] ^= 1; // y + 1 or y - 1: off the curve
    wrong.put("offCurveEip2537", Hex.encode(e));
    byte[] padded = s1.toEip2537();
    padded[0] = 1;
    wrong.put("nonZeroPaddingEip2537", Hex.encode(padded));
    return root;
  }

  static byte[] infinityCompressed(int len) {
    byte[] b = new byte[len];
    b[0] = (byte) 0xc0;
    return b;
  }

  static Signature sign(int key, Bytes32 digest) {
    try (SecretKey sk = fixedKey(key)) {
      return Bls.sign(sk, digest);
    }
  }

  /** G2 generator: the public key of secret key 1. */
  static PublicKey g2Generator() {
    byte[] one = new byte[32];
    one[31] = 1;
    try (SecretKey sk = SecretKey.fromBytes(one).orThrow()) {
      return sk.publicKey();
    }
  }
}
