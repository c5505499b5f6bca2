package org.fedbridge.sidechain.ledger;

import java.math.BigInteger;
import java.util.List;
import org.fedbridge.core.types.Address;
import org.fedbridge.sidechain.tx.Rlp;

/** Typed access to state entries over an {@link Overlay} (writes) or a {@link StateView}. */
public final class State {
  private final StateView view;
  private final Overlay overlay;

  public State(Overlay overlay) {
    this.view = overlay;
    this.overlay = overlay;
  }

  /** Read-only typed access. */
  public static State readOnly(StateView view) {
    return new State(view);
  }

  private State(StateView view) {
    this.view = view;
    this.overlay = null;
  }

  /** An account: its nonce and ETH balance (wei). */
  public record Account(long nonce, BigInteger balance) {
    public static final Account EMPTY = new Account(0, BigInteger.ZERO);
  }

  public Account account(Address a) {
    byte[] v = view.get(StateKey.account(a));
    if (v == null) {
      return Account.EMPTY;
    }
    try {
      List<Rlp.Item> f = Rlp.decode(v, 0).list();
      return new Account(f.get(0).uint64(), f.get(1).uint(32));
    } catch (Rlp.RlpException e) {
      throw new IllegalStateException("stored account is corrupt", e);
    }
  }

  public void setAccount(Address a, Account account) {
    boolean empty = account.nonce() == 0 && account.balance().signum() == 0;
    overlay.put(
        StateKey.account(a),
        empty ? null : Rlp.list(Rlp.uint(account.nonce()), Rlp.uint(account.balance())));
  }

  public BigInteger tokenBalance(Address token, Address holder) {
    return number(StateKey.tokenBalance(token, holder));
  }

  public void setTokenBalance(Address token, Address holder, BigInteger v) {
    overlay.put(StateKey.tokenBalance(token, holder), Words.minimal(v));
  }

  public BigInteger allowance(Address token, Address owner, Address spender) {
    return number(StateKey.allowance(token, owner, spender));
  }

  public void setAllowance(Address token, Address owner, Address spender, BigInteger v) {
    overlay.put(StateKey.allowance(token, owner, spender), Words.minimal(v));
  }

  public BigInteger supply(Address token) {
    return number(StateKey.supply(token));
  }

  public void setSupply(Address token, BigInteger v) {
    overlay.put(StateKey.supply(token), Words.minimal(v));
  }

  public boolean depositMinted(BigInteger nonce) {
    return view.get(StateKey.depositMinted(nonce)) != null;
  }

  public void markDepositMinted(BigInteger nonce) {
    overlay.put(StateKey.depositMinted(nonce), new byte[] {1});
  }

  public BigInteger nextWithdrawalNonce() {
    return number(StateKey.withdrawalNonce());
  }

  public void setNextWithdrawalNonce(BigInteger v) {
    overlay.put(StateKey.withdrawalNonce(), Words.minimal(v));
  }

  public Epoch epoch() {
    byte[] v = view.get(StateKey.epoch());
    if (v == null) {
      throw new IllegalStateException("no epoch in state");
    }
    return Epoch.decode(v);
  }

  public void setEpoch(Epoch epoch) {
    overlay.put(StateKey.epoch(), epoch.encode());
  }

  public void put(StateKey key, byte[] value) {
    overlay.put(key, value);
  }

  private BigInteger number(StateKey key) {
    byte[] v = view.get(key);
    return v == null ? BigInteger.ZERO : new BigInteger(1, v);
  }
}
