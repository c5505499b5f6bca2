package org.fedbridge.sidechain.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.genesis.Epoch;
import org.fedbridge.sidechain.genesis.Token;

/**
 * Read-only access to the ledger's state, for JSON-RPC and admission: accounts, token balances,
 * minted deposits, the epoch, and calls run on a throw-away copy. Nothing here can write.
 */
public final class StateReader {
  private final StateView view;
  private final State state;
  private final Executor executor;
  private final TokenRegistry tokens;

  StateReader(StateView view, Executor executor, TokenRegistry tokens) {
    this.view = view;
    this.state = State.readOnly(view);
    this.executor = executor;
    this.tokens = tokens;
  }

  /**
   * The token registry at this state: the genesis tokens, then those registered since, each with
   * whether deposits of it are minted and the governance nonce of the last config applied to it.
   */
  public List<TokenEntry> tokens() {
    List<TokenEntry> out = new ArrayList<>();
    for (Token t : tokens.all(view)) {
      Optional<TokenRegistry.Setting> s = tokens.setting(view, t.l1Token());
      out.add(
          new TokenEntry(
              t,
              s.map(TokenRegistry.Setting::registered).orElse(true),
              s.map(TokenRegistry.Setting::governanceNonce)));
    }
    return out;
  }

  public long nonce(Address a) {
    return state.account(a).nonce();
  }

  public UInt256 balance(Address a) {
    return state.account(a).balance();
  }

  public UInt256 tokenBalance(Address token, Address holder) {
    return state.tokenBalance(token, holder);
  }

  public UInt256 allowance(Address token, Address owner, Address spender) {
    return state.allowance(token, owner, spender);
  }

  public UInt256 supply(Address token) {
    return state.supply(token);
  }

  public boolean depositMinted(UInt256 nonce) {
    return state.depositMinted(nonce);
  }

  /** The nonce the next withdrawal will get. */
  public UInt256 nextWithdrawalNonce() {
    return state.nextWithdrawalNonce();
  }

  public Epoch epoch() {
    return state.epoch();
  }

  /** An {@code eth_call}: runs the call against this state and throws its effects away. */
  public CallResult call(Address from, Address to, UInt256 value, byte[] data) {
    return executor.call(view, from, to, value, data);
  }

  /** Whether {@code a} answers calls (a token or the bridge): what eth_getCode reports. */
  public boolean isContract(Address a) {
    return executor.isContract(view, a);
  }
}
