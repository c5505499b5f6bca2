package org.fedbridge.core.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.message.PauserUpdate;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.GovernanceAction.PauserUpdateAction;
import org.fedbridge.core.wire.GovernanceAction.Rotation;
import org.fedbridge.core.wire.GovernanceAction.RotationMember;
import org.fedbridge.core.wire.GovernanceAction.TokenConfigAction;
import org.fedbridge.core.wire.GovernanceAction.UnpauseAction;

/**
 * A signed {@link Governance} on {@code bridge.governance} (one partition, kept forever; Kafka key:
 * the sequence, u64). Layout: {@code version = 1 ‖ kind = 0x04 ‖ l1ChainId u64 ‖ vault addr ‖
 * sidechainId u64 ‖ sequence u64 ‖ proposalId u64 ‖ issuedAt u64 ‖ action u8 ‖ body ‖ governance
 * key (33, compressed secp256k1) ‖ signature (64) over keccak256("fedbridge.wire.Governance.v1" ‖
 * all preceding bytes)}. Bodies:
 *
 * <ul>
 *   <li>1 rotation: {@code epoch u64 ‖ attempt u32 ‖ threshold u16 ‖ n u16 ‖ n × (index u16 ‖
 *       operatorId str8 [a-z0-9-] ‖ identity key 33)}, which must satisfy the federation policy;
 *   <li>2 token config: {@code governanceNonce u256 ‖ token addr ‖ registered u8 ‖ periodLimit u256
 *       ‖ periodSeconds u256 ‖ delayThreshold u256 ‖ delaySeconds u256 ‖ symbol str8 ‖ name str8 ‖
 *       decimals u8};
 *   <li>3 pauser update: {@code governanceNonce u256 ‖ pauser addr ‖ enabled u8};
 *   <li>4 unpause: {@code governanceNonce u256 ‖ pauseCount u256}.
 * </ul>
 *
 * <p>Only admin-api publishes these, after M-of-N approvals and its timelock. {@link #authenticate}
 * checks that the record is signed by the one governance key the consumer is configured with;
 * nothing else is accepted. Equality is over the bytes.
 */
public final class GovernanceRecord {
  static final int KIND = 4;
  static final String TAG = "fedbridge.wire.Governance.v1";
  static final int MAX_SYMBOL = 32;
  static final int MAX_NAME = 64;
  private static final int KEY = 33;

  private final byte[] bytes;
  private final Governance governance;
  private final IdentityPublicKey key;
  private final boolean signed;

  private GovernanceRecord(
      byte[] bytes, Governance governance, IdentityPublicKey key, boolean signed) {
    this.bytes = bytes;
    this.governance = governance;
    this.key = key;
    this.signed = signed;
  }

  /** A record to be signed by the governance key {@code key}. */
  public static GovernanceRecord unsigned(Governance g, IdentityPublicKey key) {
    ByteWriter w =
        new ByteWriter(KIND)
            .u64(g.l1ChainId())
            .addr(g.vault())
            .u64(g.sidechainId())
            .u64(g.sequence())
            .u64(g.proposalId())
            .u64(g.issuedAtMillis())
            .u8(g.action().code());
    GovernanceAction a = g.action();
    if (a instanceof Rotation r) {
      w.u64(r.epoch()).u32(r.attempt()).u16(r.threshold()).u16(r.members().size());
      for (RotationMember m : r.members()) {
        w.u16(m.index()).str8(m.operatorId()).bytes(m.identityKey().compressed());
      }
    } else if (a instanceof TokenConfigAction t) {
      TokenConfig c = t.config();
      w.u256(c.governanceNonce())
          .addr(c.token())
          .u8(c.registered() ? 1 : 0)
          .u256(c.periodLimit())
          .u256(c.periodSeconds())
          .u256(c.delayThreshold())
          .u256(c.delaySeconds())
          .str8(t.symbol())
          .str8(t.name())
          .u8(t.decimals());
    } else if (a instanceof PauserUpdateAction p) {
      w.u256(p.update().governanceNonce())
          .addr(p.update().pauser())
          .u8(p.update().enabled() ? 1 : 0);
    } else if (a instanceof UnpauseAction u) {
      w.u256(u.governanceNonce()).u256(u.pauseCount());
    }
    byte[] b = w.bytes(key.compressed()).bytes(new byte[WireFormat.IDENTITY_SIG]).toBytes();
    return new GovernanceRecord(b, g, key, false);
  }

  public Governance governance() {
    return governance;
  }

  /**
   * The governance key the record names (checked against the configured one by {@link
   * #authenticate}).
   */
  public IdentityPublicKey key() {
    return key;
  }

  public Bytes32 signingHash() {
    return WireFormat.signingHash(TAG, bytes, bytes.length - WireFormat.IDENTITY_SIG);
  }

  public GovernanceRecord withSignature(byte[] signature) {
    if (signature == null || signature.length != WireFormat.IDENTITY_SIG) {
      throw new IllegalArgumentException("signature needs 64 bytes");
    }
    byte[] b = bytes.clone();
    System.arraycopy(signature, 0, b, b.length - WireFormat.IDENTITY_SIG, WireFormat.IDENTITY_SIG);
    return new GovernanceRecord(b, governance, key, true);
  }

  public GovernanceRecord signedBy(IdentityKey signer) {
    if (!signer.publicKey().equals(key)) {
      throw new IllegalArgumentException("the record names another governance key");
    }
    return withSignature(signer.sign(signingHash()));
  }

  public byte[] encode() {
    if (!signed) {
      throw new IllegalStateException("governance record is not signed yet");
    }
    return bytes.clone();
  }

  /** The Kafka key: the sequence, u64 big-endian. */
  public byte[] kafkaKey() {
    return Arrays.copyOfRange(bytes, 2 + 8 + 20 + 8, 2 + 8 + 20 + 8 + 8);
  }

  /**
   * Accepts the record only if it names {@code governanceKey}, the one key the consumer trusts, and
   * carries that key's signature over its bytes.
   */
  public Result<Void> authenticate(IdentityPublicKey governanceKey) {
    // SECURITY: admin-api's key, and no other, may speak on bridge.governance.
    if (!key.equals(governanceKey)) {
      return Result.err(Rejection.BAD_MESSAGE, "signed by an unknown governance key " + key);
    }
    byte[] sig = Arrays.copyOfRange(bytes, bytes.length - WireFormat.IDENTITY_SIG, bytes.length);
    if (!signed || !key.verify(signingHash(), sig)) {
      return Result.err(Rejection.BAD_MESSAGE, "governance signature does not verify");
    }
    return Result.ok(null);
  }

  /**
   * Strict decoding: every field in range, policy-checked rotations, counts bounded before
   * allocation, no trailing bytes. The signature is not checked ({@link #authenticate}).
   *
   * @return the record, or {@link Rejection#BAD_LENGTH}, {@link Rejection#UNSUPPORTED}, {@link
   *     Rejection#MALFORMED}, {@link Rejection#THRESHOLD_POLICY}, {@link
   *     Rejection#DUPLICATE_MEMBER}, or a key's rejection
   */
  public static Result<GovernanceRecord> decode(byte[] record) {
    if (record == null) {
      return Result.err(Rejection.BAD_LENGTH, "no governance bytes");
    }
    try {
      ByteReader in = new ByteReader(record);
      WireFormat.header(in, KIND, "governance record");
      long l1 = in.u64("l1 chain id");
      var vault = in.addr("vault");
      long sidechain = in.u64("sidechain id");
      long sequence = in.u64("sequence");
      long proposal = in.u64("proposal id");
      long issued = in.u64("issued at");
      int code = in.u8();
      Result<GovernanceAction> action =
          switch (code) {
            case 1 -> rotation(in);
            case 2 -> Result.ok(tokenConfig(in));
            case 3 -> Result.ok(pauserUpdate(in));
            case 4 -> Result.ok(new UnpauseAction(in.u256("nonce"), in.u256("pause count")));
            default -> Result.err(Rejection.MALFORMED, "governance action " + code);
          };
      if (!action.isOk()) {
        return action.map(a -> null);
      }
      byte[] keyBytes = in.take(KEY, "governance key");
      Result<?> point = IdentityPublicKey.decode(keyBytes);
      if (!point.isOk()) {
        return point.map(p -> null);
      }
      in.take(WireFormat.IDENTITY_SIG, "signature");
      in.end("governance record");
      if (l1 < 1 || sidechain < 1 || sequence < 1) {
        return Result.err(Rejection.MALFORMED, "chain ids and sequence must be ≥ 1");
      }
      Governance g =
          new Governance(l1, vault, sidechain, sequence, proposal, issued, action.orThrow());
      return Result.ok(
          new GovernanceRecord(record.clone(), g, new IdentityPublicKey(keyBytes), true));
    } catch (WireException e) {
      return e.toResult();
    } catch (IllegalArgumentException e) {
      // Backstop: a value constructor refused a field the checks above let through.
      return Result.err(Rejection.MALFORMED, e.getMessage());
    }
  }

  private static Result<GovernanceAction> rotation(ByteReader in) {
    long epoch = in.u64("epoch");
    long attempt = in.u32();
    int threshold = in.u16();
    int n = in.u16();
    if (n < 1 || n > ThresholdPolicy.MAX_MEMBERS) {
      return Result.err(Rejection.MALFORMED, "member count " + n);
    }
    // SECURITY: bounded before anything is allocated for the members.
    in.need((long) n * (2 + 1 + 1 + KEY), "members");
    List<RotationMember> members = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int index = in.u16();
      String operator =
          in.str8(
              "operator id",
              1,
              Heartbeat.MAX_OPERATOR_ID,
              c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
      byte[] key = in.take(KEY, "identity key");
      Result<?> point = IdentityPublicKey.decode(key);
      if (!point.isOk()) {
        return point.map(p -> null);
      }
      if (index < 1 || index > ThresholdPolicy.MAX_MEMBERS) {
        return Result.err(Rejection.MALFORMED, "member index " + index);
      }
      members.add(new RotationMember(index, operator, new IdentityPublicKey(key)));
    }
    return GovernanceAction.rotation(epoch, attempt, threshold, members).map(r -> r);
  }

  private static GovernanceAction tokenConfig(ByteReader in) {
    UInt256 nonce = in.u256("nonce");
    var token = in.addr("token");
    int registered = in.u8();
    UInt256 limit = in.u256("period limit");
    UInt256 period = in.u256("period seconds");
    UInt256 delayThreshold = in.u256("delay threshold");
    UInt256 delay = in.u256("delay seconds");
    String symbol = in.str8("symbol", 0, MAX_SYMBOL, c -> c >= 0x20 && c <= 0x7e);
    String name = in.str8("name", 0, MAX_NAME, c -> c >= 0x20 && c <= 0x7e);
    int decimals = in.u8();
    if (registered > 1) {
      throw new WireException(Rejection.MALFORMED, "registered flag " + registered);
    }
    return new TokenConfigAction(
        new TokenConfig(nonce, token, registered == 1, limit, period, delayThreshold, delay),
        symbol,
        name,
        decimals);
  }

  private static GovernanceAction pauserUpdate(ByteReader in) {
    UInt256 nonce = in.u256("nonce");
    var pauser = in.addr("pauser");
    int enabled = in.u8();
    if (enabled > 1) {
      throw new WireException(Rejection.MALFORMED, "enabled flag " + enabled);
    }
    return new PauserUpdateAction(new PauserUpdate(nonce, pauser, enabled == 1));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GovernanceRecord other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "GovernanceRecord(" + governance + ")";
  }
}
