package org.fedbridge.sidechain.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.tx.Rlp;

/**
 * Reads certificates back from log records. Kafka is untrusted, so every field is checked here
 * (canonical integers, 20-byte addresses, points on the curve and in the subgroup) and anything
 * else is an {@link Rlp.RlpException} that the ledger turns into an ignored record.
 */
final class CertificateCodec {
  private CertificateCodec() {}

  static DepositCertificate deposits(byte[] data, int offset) throws Rlp.RlpException {
    List<Rlp.Item> f = Rlp.decode(data, offset).list();
    if (f.size() != 4) {
      throw new Rlp.RlpException("deposit certificate needs 4 fields");
    }
    List<Deposit> ds = new ArrayList<>();
    for (Rlp.Item d : f.get(2).list()) {
      List<Rlp.Item> df = d.list();
      if (df.size() != 5) {
        throw new Rlp.RlpException("deposit needs 5 fields");
      }
      ds.add(
          new Deposit(
              new UInt256(df.get(0).uint(32)),
              address(df.get(1)),
              address(df.get(2)),
              address(df.get(3)),
              new UInt256(df.get(4).uint(32))));
    }
    return new DepositCertificate(
        f.get(0).uint64(), new UInt256(f.get(1).uint(32)), ds, signature(f.get(3).string()));
  }

  static EpochCertificate epochChange(byte[] data, int offset) throws Rlp.RlpException {
    List<Rlp.Item> f = Rlp.decode(data, offset).list();
    if (f.size() != 6) {
      throw new Rlp.RlpException("epoch certificate needs 6 fields");
    }
    List<Member> ms = new ArrayList<>();
    for (Rlp.Item m : f.get(4).list()) {
      List<Rlp.Item> mf = m.list();
      if (mf.size() != 3) {
        throw new Rlp.RlpException("member needs 3 fields");
      }
      try {
        ms.add(
            new Member(
                mf.get(0).uint(4).intValueExact(),
                new String(mf.get(1).string(), StandardCharsets.UTF_8),
                g2(mf.get(2).string())));
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw new Rlp.RlpException("bad member: " + e.getMessage());
      }
    }
    Result<MemberSet> set;
    try {
      set = MemberSet.of(ms, f.get(3).uint(4).intValueExact());
    } catch (ArithmeticException e) {
      throw new Rlp.RlpException("bad threshold");
    }
    if (!set.isOk()) {
      throw new Rlp.RlpException("member set refused: " + set.rejection());
    }
    return new EpochCertificate(
        f.get(0).uint64(),
        f.get(1).uint64(),
        g2(f.get(2).string()),
        set.orThrow(),
        signature(f.get(5).string()));
  }

  private static Address address(Rlp.Item i) throws Rlp.RlpException {
    byte[] b = i.string();
    if (b.length != 20) {
      throw new Rlp.RlpException("address needs 20 bytes");
    }
    return new Address(b);
  }

  private static Signature signature(byte[] b) throws Rlp.RlpException {
    Result<Signature> s = b.length == 128 ? Signature.fromEip2537(b) : Signature.fromCompressed(b);
    if (!s.isOk()) {
      throw new Rlp.RlpException("bad signature encoding: " + s.rejection());
    }
    return s.orThrow();
  }

  private static PublicKey g2(byte[] b) throws Rlp.RlpException {
    Result<PublicKey> k = b.length == 256 ? PublicKey.fromEip2537(b) : PublicKey.fromCompressed(b);
    if (!k.isOk()) {
      throw new Rlp.RlpException("bad group key encoding: " + k.rejection());
    }
    return k.orThrow();
  }
}
