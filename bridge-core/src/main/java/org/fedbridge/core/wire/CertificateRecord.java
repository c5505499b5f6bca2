package org.fedbridge.core.wire;

import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.message.PauserUpdate;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.message.Unpause;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.CertificateBody.DepositBody;
import org.fedbridge.core.wire.CertificateBody.EpochChangeBody;
import org.fedbridge.core.wire.CertificateBody.PauserUpdateBody;
import org.fedbridge.core.wire.CertificateBody.TokenConfigBody;
import org.fedbridge.core.wire.CertificateBody.UnpauseBody;
import org.fedbridge.core.wire.CertificateBody.WithdrawalBody;

/**
 * A combined certificate on {@code bridge.certificates} (compacted; Kafka key: type code u8 ‖ batch
 * id u256). Layout: {@code version = 1 ‖ kind = 0x02 ‖ type code u8 ‖ epoch u64 ‖ body ‖ group
 * signature, G1 compressed (48) ‖ signer count k u16 ‖ k signer indexes u16, strictly ascending ‖
 * combinedBy u32}; bodies in docs/architecture.md ("Kafka records").
 *
 * <p>Certificates are self-verifying: {@link #verify} recomputes the signed message from the body
 * under the consumer's own domain and checks the group signature. No publisher signature is needed.
 * {@link #signers} and {@link #combinedBy} are NOT covered by the BLS signature: they are the
 * publisher's claims (which partials it combined), for monitoring only.
 *
 * @param epoch the epoch of the federation that signed (the domain epoch of the digest)
 * @param body the certified payload
 * @param signature the group signature
 * @param signers member indexes whose partials were combined (claim, unauthenticated)
 * @param combinedBy member index that combined and published it (claim, unauthenticated)
 */
public record CertificateRecord(
    long epoch, CertificateBody body, Signature signature, List<Integer> signers, int combinedBy) {

  static final int ENTRY = 32 + 20 + 20 + 20 + 32;
  static final int MAX_OPERATOR_ID = 64;

  public CertificateRecord {
    if (epoch < 0 || body == null || signature == null || signers == null) {
      throw new IllegalArgumentException("certificate needs epoch >= 0, body and signature");
    }
    signers = List.copyOf(signers);
    if (!ascending(signers) || combinedBy < 1 || combinedBy > ThresholdPolicy.MAX_MEMBERS) {
      throw new IllegalArgumentException("signers 1..1000 ascending, combinedBy 1..1000");
    }
    if (body instanceof EpochChangeBody e) {
      EpochChange ec = e.epochChange();
      if (epoch == Long.MAX_VALUE || !ec.newEpoch().equals(UInt256.of(epoch + 1))) {
        throw new IllegalArgumentException("an EpochChange certified in epoch e is for e + 1");
      }
      for (Member m : ec.members().members()) {
        if (!operatorIdOk(m.operatorId())) {
          throw new IllegalArgumentException("operator id must be 1-64 printable ASCII");
        }
      }
    }
  }

  /** The Kafka key: {@code type code u8 ‖ batch id u256}, one per certified batch. */
  public byte[] kafkaKey() {
    byte[] k = new byte[33];
    k[0] = (byte) body.type().code();
    System.arraycopy(body.batchId().toWord(), 0, k, 1, 32);
    return k;
  }

  /**
   * The digest under {@code domain}, which must be this record's epoch's domain.
   *
   * @throws IllegalArgumentException for the domain of another epoch
   */
  public Bytes32 digest(Domain domain) {
    if (!domain.epoch().equals(UInt256.of(epoch))) {
      throw new IllegalArgumentException("domain epoch " + domain.epoch() + " != " + epoch);
    }
    return body.message().digest(domain);
  }

  /**
   * Recomputes the message from the body and verifies the group signature under {@code domain};
   * false if the domain is not this record's epoch's.
   */
  public boolean verify(PublicKey groupKey, Domain domain) {
    // SECURITY: the epoch on the wire must be the epoch the consumer verifies under.
    if (!domain.epoch().equals(UInt256.of(epoch))) {
      return false;
    }
    return Bls.verify(groupKey, digest(domain), signature);
  }

  public byte[] encode() {
    ByteWriter w = new ByteWriter(WireFormat.KIND_CERTIFICATE).u8(body.type().code()).u64(epoch);
    if (body instanceof DepositBody d) {
      w.u256(d.batchId()).u32(d.deposits().size());
      for (Deposit x : d.deposits()) {
        w.u256(x.nonce()).addr(x.token()).addr(x.sender()).addr(x.recipient()).u256(x.amount());
      }
    } else if (body instanceof WithdrawalBody d) {
      w.u256(d.batchId()).u32(d.withdrawals().size());
      for (Withdrawal x : d.withdrawals()) {
        w.u256(x.nonce()).addr(x.l1Token()).addr(x.sender()).addr(x.l1Recipient()).u256(x.amount());
      }
    } else if (body instanceof EpochChangeBody e) {
      EpochChange ec = e.epochChange();
      w.u64(ec.newEpoch().value().longValueExact())
          .bytes(ec.newGroupKey().toCompressed())
          .u16(ec.members().threshold())
          .u16(ec.members().size());
      for (Member m : ec.members().members()) {
        w.u16(m.index()).str8(m.operatorId()).bytes(m.sharePk().toCompressed());
      }
    } else if (body instanceof TokenConfigBody t) {
      TokenConfig c = t.config();
      w.u256(c.governanceNonce())
          .addr(c.token())
          .u8(c.registered() ? 1 : 0)
          .u256(c.periodLimit())
          .u256(c.periodSeconds())
          .u256(c.delayThreshold())
          .u256(c.delaySeconds());
    } else if (body instanceof PauserUpdateBody p) {
      PauserUpdate u = p.update();
      w.u256(u.governanceNonce()).addr(u.pauser()).u8(u.enabled() ? 1 : 0);
    } else if (body instanceof UnpauseBody u) {
      w.u256(u.unpause().governanceNonce()).u256(u.unpause().pauseCount());
    }
    w.bytes(signature.toCompressed()).u16(signers.size());
    signers.forEach(w::u16);
    return w.u32(combinedBy).toBytes();
  }

  /**
   * Strict decoding with every point checked and every count bounded before allocation.
   *
   * @return the record, or {@link Rejection#BAD_LENGTH} (short, trailing bytes), {@link
   *     Rejection#UNSUPPORTED} (version, kind), {@link Rejection#MALFORMED} (type code, a type
   *     without a body, a field out of range), a point rejection, or a {@link MemberSet} rejection
   */
  public static Result<CertificateRecord> decode(byte[] record) {
    if (record == null) {
      return Result.err(Rejection.BAD_LENGTH, "no certificate bytes");
    }
    try {
      ByteReader in = new ByteReader(record);
      WireFormat.header(in, WireFormat.KIND_CERTIFICATE, "certificate");
      int code = in.u8();
      WireType type = WireType.ofCode(code);
      long epoch = in.u64("epoch");
      CertificateBody body;
      if (type == WireType.DEPOSIT_BATCH || type == WireType.WITHDRAWAL_BATCH) {
        body = batchBody(in, type);
      } else if (type == WireType.EPOCH_CHANGE) {
        Result<CertificateBody> r = epochChangeBody(in, epoch);
        if (!r.isOk()) {
          return r.map(b -> null);
        }
        body = r.orThrow();
      } else if (type == WireType.TOKEN_CONFIG) {
        body = tokenConfigBody(in);
      } else if (type == WireType.PAUSER_UPDATE) {
        body = pauserUpdateBody(in);
      } else if (type == WireType.UNPAUSE) {
        body = unpauseBody(in);
      } else {
        return Result.err(
            Rejection.MALFORMED, type == null ? "message type code " + code : "no body defined");
      }
      Result<Signature> sig = Signature.fromCompressed(in.take(48, "signature"));
      if (!sig.isOk()) {
        return sig.map(s -> null);
      }
      int k = in.u16();
      in.need(2L * k, "signers");
      List<Integer> signers = new ArrayList<>(k);
      for (int i = 0; i < k; i++) {
        signers.add(in.u16());
      }
      long combinedBy = in.u32();
      in.end("certificate");
      // SECURITY: one encoding per certificate: ascending signers, no repeats, known indexes.
      if (!ascending(signers) || combinedBy < 1 || combinedBy > ThresholdPolicy.MAX_MEMBERS) {
        return Result.err(Rejection.MALFORMED, "signers or combinedBy out of range");
      }
      return Result.ok(
          new CertificateRecord(epoch, body, sig.orThrow(), signers, (int) combinedBy));
    } catch (WireException e) {
      return e.toResult();
    } catch (IllegalArgumentException e) {
      // Backstop: a value constructor refused a field the checks above let through.
      return Result.err(Rejection.MALFORMED, e.getMessage());
    }
  }

  private static CertificateBody tokenConfigBody(ByteReader in) {
    UInt256 nonce = in.u256("governance nonce");
    var token = in.addr("token");
    int registered = in.u8();
    UInt256 limit = in.u256("period limit");
    UInt256 period = in.u256("period seconds");
    UInt256 delayThreshold = in.u256("delay threshold");
    UInt256 delay = in.u256("delay seconds");
    // SECURITY: one encoding per certificate: the flag is 0 or 1.
    if (registered > 1) {
      throw new WireException(Rejection.MALFORMED, "registered flag " + registered);
    }
    return new TokenConfigBody(
        new TokenConfig(nonce, token, registered == 1, limit, period, delayThreshold, delay));
  }

  private static CertificateBody pauserUpdateBody(ByteReader in) {
    UInt256 nonce = in.u256("governance nonce");
    var pauser = in.addr("pauser");
    int enabled = in.u8();
    // SECURITY: one encoding per certificate: the flag is 0 or 1; the zero address is refused.
    if (enabled > 1) {
      throw new WireException(Rejection.MALFORMED, "enabled flag " + enabled);
    }
    if (pauser.equals(Address.ZERO)) {
      throw new WireException(Rejection.MALFORMED, "pauser is the zero address");
    }
    return new PauserUpdateBody(new PauserUpdate(nonce, pauser, enabled == 1));
  }

  private static CertificateBody unpauseBody(ByteReader in) {
    UInt256 nonce = in.u256("governance nonce");
    UInt256 pauseCount = in.u256("pause count");
    if (pauseCount.value().signum() == 0) {
      throw new WireException(Rejection.MALFORMED, "pause count 0");
    }
    return new UnpauseBody(new Unpause(nonce, pauseCount));
  }

  private static CertificateBody batchBody(ByteReader in, WireType type) {
    UInt256 batchId = in.u256("batch id");
    long n = in.u32();
    // SECURITY: bounded before anything is allocated for the entries.
    if (n < 1 || n > CertificateBody.MAX_ENTRIES) {
      throw new WireException(Rejection.MALFORMED, "entry count " + n);
    }
    in.need(n * ENTRY, "entries");
    if (type == WireType.DEPOSIT_BATCH) {
      List<Deposit> ds = new ArrayList<>((int) n);
      for (int i = 0; i < n; i++) {
        ds.add(
            new Deposit(
                in.u256("nonce"),
                in.addr("token"),
                in.addr("sender"),
                in.addr("to"),
                in.u256("amount")));
      }
      return new DepositBody(batchId, ds);
    }
    List<Withdrawal> ws = new ArrayList<>((int) n);
    for (int i = 0; i < n; i++) {
      ws.add(
          new Withdrawal(
              in.u256("nonce"),
              in.addr("l1Token"),
              in.addr("sender"),
              in.addr("to"),
              in.u256("amount")));
    }
    return new WithdrawalBody(batchId, ws);
  }

  private static Result<CertificateBody> epochChangeBody(ByteReader in, long epoch) {
    long newEpoch = in.u64("new epoch");
    // SECURITY: the federation of epoch e hands over to e + 1 only.
    if (epoch == Long.MAX_VALUE || newEpoch != epoch + 1) {
      return Result.err(Rejection.MALFORMED, "new epoch " + newEpoch + " is not " + epoch + " + 1");
    }
    Result<PublicKey> groupKey = PublicKey.fromCompressed(in.take(96, "group key"));
    if (!groupKey.isOk()) {
      return groupKey.map(g -> null);
    }
    int threshold = in.u16();
    int n = in.u16();
    if (n < 1 || n > ThresholdPolicy.MAX_MEMBERS) {
      return Result.err(Rejection.MALFORMED, "member count " + n);
    }
    in.need((long) n * (2 + 1 + 1 + 96), "members");
    List<Member> members = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      int index = in.u16();
      if (index != i) {
        return Result.err(Rejection.MALFORMED, "member indexes must be 1..n in order");
      }
      String operator = in.str8("operator id", 1, MAX_OPERATOR_ID, c -> c >= 0x20 && c <= 0x7e);
      Result<PublicKey> share = PublicKey.fromCompressed(in.take(96, "share key"));
      if (!share.isOk()) {
        return share.map(s -> null);
      }
      if (operator.isBlank()) {
        return Result.err(Rejection.MALFORMED, "blank operator id");
      }
      members.add(new Member(index, operator, share.orThrow()));
    }
    return MemberSet.of(members, threshold)
        .map(
            ms ->
                new EpochChangeBody(new EpochChange(UInt256.of(newEpoch), groupKey.orThrow(), ms)));
  }

  static boolean operatorIdOk(String s) {
    return !s.isBlank()
        && s.length() <= MAX_OPERATOR_ID
        && s.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
  }

  private static boolean ascending(List<Integer> s) {
    if (s.isEmpty() || s.size() > ThresholdPolicy.MAX_MEMBERS) {
      return false;
    }
    int prev = 0;
    for (int i : s) {
      if (i <= prev || i > ThresholdPolicy.MAX_MEMBERS) {
        return false;
      }
      prev = i;
    }
    return true;
  }
}
