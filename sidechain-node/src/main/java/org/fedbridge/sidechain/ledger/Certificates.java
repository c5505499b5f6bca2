package org.fedbridge.sidechain.ledger;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.genesis.Token;
import org.fedbridge.sidechain.tx.Rlp;

/**
 * Federation certificates on the sidechain: deposit batches (mints) and epoch changes. A
 * certificate is checked against the current epoch only: its digest's domain holds the L1 chain id,
 * the vault, this sidechain's id and the current epoch (docs/encoding.md), so a certificate for
 * another chain, deployment or epoch does not verify. Only an {@code EpochChange} digest can
 * replace the group key.
 */
public final class Certificates {
  /** Most deposits one certificate may carry. */
  public static final int MAX_DEPOSITS = 4096;

  private final long chainId;
  private final long l1ChainId;
  private final Address vault;
  private final TokenRegistry tokens;

  public Certificates(long chainId, long l1ChainId, Address vault, TokenRegistry tokens) {
    this.chainId = chainId;
    this.l1ChainId = l1ChainId;
    this.vault = vault;
    this.tokens = tokens;
  }

  /** A deposit batch with the federation's signature over its digest. */
  public record DepositCertificate(
      long epoch, BigInteger batchId, List<Deposit> deposits, Signature signature) {
    public DepositCertificate {
      deposits = List.copyOf(deposits);
    }

    public byte[] encode() {
      List<byte[]> ds = new ArrayList<>();
      for (Deposit d : deposits) {
        ds.add(
            Rlp.list(
                Rlp.uint(d.nonce().value()),
                Rlp.string(d.token().bytes()),
                Rlp.string(d.sender().bytes()),
                Rlp.string(d.recipient().bytes()),
                Rlp.uint(d.amount().value())));
      }
      return Rlp.list(
          Rlp.uint(epoch), Rlp.uint(batchId), Rlp.list(ds), Rlp.string(signature.toCompressed()));
    }

    public static DepositCertificate decode(byte[] data, int offset) throws Rlp.RlpException {
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
          f.get(0).uint64(), f.get(1).uint(32), ds, Certificates.signature(f.get(3).string()));
    }
  }

  /** A hand-over to the next epoch, signed by the current one. */
  public record EpochCertificate(
      long epoch, long newEpoch, PublicKey groupKey, MemberSet members, Signature signature) {

    public byte[] encode() {
      List<byte[]> ms = new ArrayList<>();
      for (Member m : members.members()) {
        ms.add(
            Rlp.list(
                Rlp.uint(m.index()),
                Rlp.string(m.operatorId().getBytes(StandardCharsets.UTF_8)),
                Rlp.string(m.sharePk().toCompressed())));
      }
      return Rlp.list(
          Rlp.uint(epoch),
          Rlp.uint(newEpoch),
          Rlp.string(groupKey.toCompressed()),
          Rlp.uint(members.threshold()),
          Rlp.list(ms),
          Rlp.string(signature.toCompressed()));
    }

    public static EpochCertificate decode(byte[] data, int offset) throws Rlp.RlpException {
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
      Result<MemberSet> set = MemberSet.of(ms, f.get(3).uint(4).intValueExact());
      if (!set.isOk()) {
        throw new Rlp.RlpException("member set refused: " + set.rejection());
      }
      return new EpochCertificate(
          f.get(0).uint64(),
          f.get(1).uint64(),
          g2(f.get(2).string()),
          set.orThrow(),
          Certificates.signature(f.get(5).string()));
    }
  }

  public Domain domain(long epoch) {
    return new Domain(UInt256.of(l1ChainId), vault, UInt256.of(chainId), UInt256.of(epoch));
  }

  /**
   * Why a deposit certificate is refused against this state, or {@code null} if it mints at least
   * one deposit. {@code "already minted"} marks a duplicate (a no-op).
   */
  public String checkDeposit(DepositCertificate c, State st) {
    Epoch current = st.epoch();
    // SECURITY: only the current epoch signs (threats.md row 11: a not-yet-active or retired
    // federation cannot mint); the domain below pins the epoch, chain ids and vault too.
    if (c.epoch() != current.number()) {
      return "wrong epoch: certificate " + c.epoch() + ", current " + current.number();
    }
    if (c.deposits().isEmpty() || c.deposits().size() > MAX_DEPOSITS) {
      return "a certificate carries 1 to " + MAX_DEPOSITS + " deposits";
    }
    Set<BigInteger> nonces = new HashSet<>();
    for (Deposit d : c.deposits()) {
      // SECURITY: threats.md row 7 — no zero amounts, no unregistered tokens.
      if (d.amount().value().signum() == 0) {
        return "zero amount in deposit " + d.nonce();
      }
      if (!d.token().equals(Address.ZERO) && tokens.forL1(d.token()) == null) {
        return "unregistered token " + d.token() + " in deposit " + d.nonce();
      }
      if (d.recipient().equals(Address.ZERO)) {
        return "zero recipient in deposit " + d.nonce();
      }
      if (!nonces.add(d.nonce().value())) {
        return "deposit " + d.nonce() + " listed twice";
      }
    }
    // SECURITY: the root is recomputed from the listed deposits; the signature must cover it.
    DepositBatch batch = DepositBatch.of(new UInt256(c.batchId()), c.deposits());
    if (!Bls.verify(current.groupKey(), batch.digest(domain(current.number())), c.signature())) {
      return "bad signature for epoch " + current.number();
    }
    boolean anyNew = false;
    for (Deposit d : c.deposits()) {
      anyNew |= !st.depositMinted(d.nonce().value());
    }
    return anyNew ? null : "already minted";
  }

  /**
   * Mints each deposit not minted before; returns the logs. Call only after {@link #checkDeposit}.
   */
  public List<LogEntry> mint(DepositCertificate c, State st) {
    List<LogEntry> logs = new ArrayList<>();
    for (Deposit d : c.deposits()) {
      BigInteger nonce = d.nonce().value();
      // SECURITY: each deposit is minted once, by its L1 nonce; repeats are skipped.
      if (st.depositMinted(nonce)) {
        continue;
      }
      st.markDepositMinted(nonce);
      BigInteger amount = d.amount().value();
      if (d.token().equals(Address.ZERO)) {
        State.Account a = st.account(d.recipient());
        st.setAccount(d.recipient(), new State.Account(a.nonce(), a.balance().add(amount)));
      } else {
        Token t = tokens.forL1(d.token());
        st.setTokenBalance(
            t.address(), d.recipient(), st.tokenBalance(t.address(), d.recipient()).add(amount));
        st.setSupply(t.address(), st.supply(t.address()).add(amount));
        logs.add(TokenContract.transferLog(t.address(), Address.ZERO, d.recipient(), amount));
      }
      logs.add(
          new LogEntry(
              BridgeContract.ADDRESS,
              List.of(
                  BridgeContract.DEPOSIT_MINTED_TOPIC,
                  Words.uint(nonce),
                  d.token().toWord(),
                  d.recipient().toWord()),
              Words.uint(amount)));
    }
    return logs;
  }

  /** Whether minting would overflow a balance or supply (then the certificate is refused). */
  public boolean mintOverflows(DepositCertificate c, State st) {
    java.util.Map<Address, BigInteger> added = new java.util.HashMap<>();
    for (Deposit d : c.deposits()) {
      if (st.depositMinted(d.nonce().value())) {
        continue;
      }
      Address key =
          d.token().equals(Address.ZERO) ? Address.ZERO : tokens.forL1(d.token()).address();
      added.merge(key, d.amount().value(), BigInteger::add);
      BigInteger base =
          key.equals(Address.ZERO) ? st.account(d.recipient()).balance() : st.supply(key);
      if (!Words.fitsUint256(base.add(added.get(key)))) {
        return true;
      }
    }
    return false;
  }

  /** Why an epoch change is refused, or {@code null}. */
  public String checkEpochChange(EpochCertificate c, State st) {
    Epoch current = st.epoch();
    if (c.epoch() != current.number()) {
      return "wrong epoch: certificate " + c.epoch() + ", current " + current.number();
    }
    if (c.newEpoch() != current.number() + 1) {
      return "new epoch must be " + (current.number() + 1);
    }
    // SECURITY: threats.md row 6 — the key changes only under an EpochChange digest signed by the
    // current group key; a signature over any other message type is a different digest.
    EpochChange change = new EpochChange(UInt256.of(c.newEpoch()), c.groupKey(), c.members());
    if (!Bls.verify(current.groupKey(), change.digest(domain(current.number())), c.signature())) {
      return "bad signature for epoch " + current.number();
    }
    return null;
  }

  public List<LogEntry> changeEpoch(EpochCertificate c, State st) {
    st.setEpoch(new Epoch(c.newEpoch(), c.groupKey(), c.members()));
    return List.of(
        new LogEntry(
            BridgeContract.ADDRESS,
            List.of(BridgeContract.EPOCH_CHANGED_TOPIC, Words.uint(c.newEpoch())),
            Keccak256.hash(c.groupKey().toEip2537())));
  }

  private static Address address(Rlp.Item i) throws Rlp.RlpException {
    byte[] b = i.string();
    if (b.length != 20) {
      throw new Rlp.RlpException("address needs 20 bytes");
    }
    return new Address(b);
  }

  static Signature signature(byte[] b) throws Rlp.RlpException {
    Result<Signature> s = b.length == 128 ? Signature.fromEip2537(b) : Signature.fromCompressed(b);
    if (!s.isOk()) {
      throw new Rlp.RlpException("bad signature encoding: " + s.rejection());
    }
    return s.orThrow();
  }

  static PublicKey g2(byte[] b) throws Rlp.RlpException {
    Result<PublicKey> k = b.length == 256 ? PublicKey.fromEip2537(b) : PublicKey.fromCompressed(b);
    if (!k.isOk()) {
      throw new Rlp.RlpException("bad group key encoding: " + k.rejection());
    }
    return k.orThrow();
  }
}
