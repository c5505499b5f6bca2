package org.fedbridge.sidechain.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.genesis.Epoch;
import org.fedbridge.sidechain.genesis.Token;
import org.fedbridge.sidechain.ledger.CertificateRejected.Reason;

/**
 * Federation certificates on the sidechain: deposit batches (mints) and epoch changes. A
 * certificate is checked against the current epoch only: its digest's domain holds the L1 chain id,
 * the vault, this sidechain's id and the current epoch (docs/encoding.md), so a certificate for
 * another chain, deployment or epoch does not verify. Only an {@code EpochChange} digest can
 * replace the group key.
 */
final class Certificates {
  /** Most deposits one certificate may carry. */
  static final int MAX_DEPOSITS = 4096;

  private final long chainId;
  private final long l1ChainId;
  private final Address vault;
  private final TokenRegistry tokens;

  Certificates(long chainId, long l1ChainId, Address vault, TokenRegistry tokens) {
    this.chainId = chainId;
    this.l1ChainId = l1ChainId;
    this.vault = vault;
    this.tokens = tokens;
  }

  private Domain domain(long epoch) {
    return new Domain(UInt256.of(l1ChainId), vault, UInt256.of(chainId), UInt256.of(epoch));
  }

  MintVerdict verify(DepositCertificate c, State st) {
    Epoch current = st.epoch();
    // SECURITY: only the current epoch signs (threats.md row 11: a not-yet-active or retired
    // federation cannot mint); the domain below pins the epoch, chain ids and vault too.
    if (c.epoch() != current.number()) {
      return refused(
          Reason.WRONG_EPOCH,
          "wrong epoch: certificate " + c.epoch() + ", current " + current.number());
    }
    if (c.deposits().isEmpty() || c.deposits().size() > MAX_DEPOSITS) {
      return refused(
          Reason.DEPOSIT_COUNT, "a certificate carries 1 to " + MAX_DEPOSITS + " deposits");
    }
    Set<UInt256> nonces = new HashSet<>();
    for (Deposit d : c.deposits()) {
      // SECURITY: threats.md row 7 — no zero amounts, no unregistered tokens. A token deregistered
      // since is still minted: the vault took the deposit while the token was registered, and a
      // refusal would strand it (and every other deposit of that L1 block) unminted.
      if (d.amount().value().signum() == 0) {
        return refused(Reason.ZERO_AMOUNT, "zero amount in deposit " + d.nonce());
      }
      if (!d.token().equals(Address.ZERO) && tokens.forL1(st.view(), d.token()) == null) {
        return refused(
            Reason.UNREGISTERED_TOKEN,
            "unregistered token " + d.token() + " in deposit " + d.nonce());
      }
      if (d.recipient().equals(Address.ZERO)) {
        return refused(Reason.ZERO_RECIPIENT, "zero recipient in deposit " + d.nonce());
      }
      if (!nonces.add(d.nonce())) {
        return refused(Reason.DUPLICATE_DEPOSIT, "deposit " + d.nonce() + " listed twice");
      }
    }
    // SECURITY: the root is recomputed from the listed deposits; the signature must cover it.
    DepositBatch batch = DepositBatch.of(c.batchId(), c.deposits());
    if (!Bls.verify(current.groupKey(), batch.digest(domain(current.number())), c.signature())) {
      return refused(Reason.BAD_SIGNATURE, "bad signature for epoch " + current.number());
    }
    boolean anyNew = false;
    for (Deposit d : c.deposits()) {
      anyNew |= !st.depositMinted(d.nonce());
    }
    if (!anyNew) {
      return new MintVerdict.AlreadyMinted();
    }
    if (mintOverflows(c, st)) {
      return refused(Reason.MINT_OVERFLOW, "mint would overflow");
    }
    return new MintVerdict.Mintable(new VerifiedMint(c));
  }

  private static MintVerdict refused(Reason reason, String message) {
    return new MintVerdict.Refused(CertificateRejected.of(reason, message));
  }

  /** Mints each deposit not minted before; returns the logs. */
  List<LogEntry> mint(VerifiedMint verified, State st) {
    List<LogEntry> logs = new ArrayList<>();
    for (Deposit d : verified.certificate().deposits()) {
      // SECURITY: each deposit is minted once, by its L1 nonce; repeats are skipped.
      if (st.depositMinted(d.nonce())) {
        continue;
      }
      st.markDepositMinted(d.nonce());
      UInt256 amount = d.amount();
      // The additions below fit: verify refused any certificate whose mints would overflow.
      if (d.token().equals(Address.ZERO)) {
        State.Account a = st.account(d.recipient());
        st.setAccount(
            d.recipient(), new State.Account(a.nonce(), Amounts.add(a.balance(), amount)));
      } else {
        Token t = tokens.forL1(st.view(), d.token());
        st.setTokenBalance(
            t.address(),
            d.recipient(),
            Amounts.add(st.tokenBalance(t.address(), d.recipient()), amount));
        st.setSupply(t.address(), Amounts.add(st.supply(t.address()), amount));
        logs.add(TokenContract.transferLog(t.address(), Address.ZERO, d.recipient(), amount));
      }
      logs.add(
          new LogEntry(
              BridgeContract.ADDRESS,
              List.of(
                  BridgeContract.DEPOSIT_MINTED_TOPIC,
                  Words.word(d.nonce()),
                  new Bytes32(d.token().toWord()),
                  new Bytes32(d.recipient().toWord())),
              amount.toWord()));
    }
    return logs;
  }

  /** Whether minting would overflow a balance or supply (then the certificate is refused). */
  private boolean mintOverflows(DepositCertificate c, State st) {
    Map<Address, UInt256> added = new HashMap<>();
    for (Deposit d : c.deposits()) {
      if (st.depositMinted(d.nonce())) {
        continue;
      }
      Address key =
          d.token().equals(Address.ZERO)
              ? Address.ZERO
              : tokens.forL1(st.view(), d.token()).address();
      Optional<UInt256> sum = Amounts.plus(added.getOrDefault(key, UInt256.ZERO), d.amount());
      if (sum.isEmpty()) {
        return true;
      }
      added.put(key, sum.get());
      UInt256 base =
          key.equals(Address.ZERO) ? st.account(d.recipient()).balance() : st.supply(key);
      if (Amounts.plus(base, sum.get()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  EpochChangeVerdict verify(EpochCertificate c, State st) {
    Epoch current = st.epoch();
    if (c.epoch() != current.number()) {
      return refusedEpoch(
          Reason.WRONG_EPOCH,
          "wrong epoch: certificate " + c.epoch() + ", current " + current.number());
    }
    if (c.newEpoch() != current.number() + 1) {
      return refusedEpoch(Reason.NOT_THE_NEXT_EPOCH, "new epoch must be " + (current.number() + 1));
    }
    // SECURITY: threats.md row 6 — the key changes only under an EpochChange digest signed by the
    // current group key; a signature over any other message type is a different digest.
    EpochChange change = new EpochChange(UInt256.of(c.newEpoch()), c.groupKey(), c.members());
    if (!Bls.verify(current.groupKey(), change.digest(domain(current.number())), c.signature())) {
      return refusedEpoch(Reason.BAD_SIGNATURE, "bad signature for epoch " + current.number());
    }
    return new EpochChangeVerdict.Applicable(new VerifiedEpochChange(c));
  }

  private static EpochChangeVerdict refusedEpoch(Reason reason, String message) {
    return new EpochChangeVerdict.Refused(CertificateRejected.of(reason, message));
  }

  List<LogEntry> changeEpoch(VerifiedEpochChange verified, State st) {
    EpochCertificate c = verified.certificate();
    st.setEpoch(new Epoch(c.newEpoch(), c.groupKey(), c.members()));
    return List.of(
        new LogEntry(
            BridgeContract.ADDRESS,
            List.of(BridgeContract.EPOCH_CHANGED_TOPIC, Words.word(c.newEpoch())),
            Keccak.hashBytes(c.groupKey().toEip2537())));
  }
}
