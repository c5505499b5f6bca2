package org.fedbridge.sidechain.ledger;

import java.util.List;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.genesis.Epoch;
import org.fedbridge.sidechain.tx.Rlp;

/** Typed access to state entries over an {@link Overlay} (writes) or a {@link StateView}. */
final class State {
  private final StateView view;
  private final Overlay overlay;

  State(Overlay overlay) {
    this.view = overlay;
    this.overlay = overlay;
  }

  private State(StateView view) {
    this.view = view;
    this.overlay = null;
  }

  /** Read-only typed access; any write throws. */
  static State readOnly(StateView view) {
    return new State(view);
  }

  /** An account: its nonce and ETH balance (wei). */
  record Account(long nonce, UInt256 balance) {
    static final Account EMPTY = new Account(0, UInt256.ZERO);
  }

  Account account(Address a) {
    byte[] v = view.get(StateKey.account(a));
    if (v == null) {
      return Account.EMPTY;
    }
    try {
      List<Rlp.Item> f = Rlp.decode(v, 0).list();
      return new Account(f.get(0).uint64(), new UInt256(f.get(1).uint(32)));
    } catch (Rlp.RlpException e) {
      throw new IllegalStateException("stored account is corrupt", e);
    }
  }

  void setAccount(Address a, Account account) {
    boolean empty = account.nonce() == 0 && account.balance().value().signum() == 0;
    writable()
        .put(
            StateKey.account(a),
            empty ? null : Rlp.list(Rlp.uint(account.nonce()), Rlp.uint(account.balance())));
  }

  UInt256 tokenBalance(Address token, Address holder) {
    return number(StateKey.tokenBalance(token, holder));
  }

  void setTokenBalance(Address token, Address holder, UInt256 v) {
    writable().put(StateKey.tokenBalance(token, holder), Words.minimal(v));
  }

  UInt256 allowance(Address token, Address owner, Address spender) {
    return number(StateKey.allowance(token, owner, spender));
  }

  void setAllowance(Address token, Address owner, Address spender, UInt256 v) {
    writable().put(StateKey.allowance(token, owner, spender), Words.minimal(v));
  }

  UInt256 supply(Address token) {
    return number(StateKey.supply(token));
  }

  void setSupply(Address token, UInt256 v) {
    writable().put(StateKey.supply(token), Words.minimal(v));
  }

  boolean depositMinted(UInt256 nonce) {
    return view.get(StateKey.depositMinted(nonce)) != null;
  }

  void markDepositMinted(UInt256 nonce) {
    writable().put(StateKey.depositMinted(nonce), new byte[] {1});
  }

  UInt256 nextWithdrawalNonce() {
    return number(StateKey.withdrawalNonce());
  }

  void setNextWithdrawalNonce(UInt256 v) {
    writable().put(StateKey.withdrawalNonce(), Words.minimal(v));
  }

  Epoch epoch() {
    byte[] v = view.get(StateKey.epoch());
    if (v == null) {
      throw new IllegalStateException("no epoch in state");
    }
    return EpochCodec.decode(v);
  }

  void setEpoch(Epoch epoch) {
    writable().put(StateKey.epoch(), EpochCodec.encode(epoch));
  }

  /** The entries this state reads (token lookups go through {@link TokenRegistry}). */
  StateView view() {
    return view;
  }

  void put(StateKey key, byte[] value) {
    writable().put(key, value);
  }

  private Overlay writable() {
    if (overlay == null) {
      throw new IllegalStateException("read-only state");
    }
    return overlay;
  }

  private UInt256 number(StateKey key) {
    byte[] v = view.get(key);
    return v == null ? UInt256.ZERO : new UInt256(new java.math.BigInteger(1, v));
  }
}
