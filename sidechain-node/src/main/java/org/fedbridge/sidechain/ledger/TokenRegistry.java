package org.fedbridge.sidechain.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.genesis.Token;
import org.fedbridge.sidechain.genesis.TokenAddresses;
import org.fedbridge.sidechain.tx.Rlp;

/**
 * The bridged tokens, read from the state so that a token registered after genesis (a certified
 * {@code TokenConfig}, see {@link TokenConfigs}) is in the state root and the history like
 * everything else, and a read at a past block sees the registry of that block. Entries:
 *
 * <ul>
 *   <li>{@link StateKey#token}(sidechain address): {@code [l1Token, symbol, name, decimals,
 *       maxWithdrawal?]}, the genesis format;
 *   <li>{@link StateKey#tokenConfig}(L1 token): {@code [governanceNonce, registered, periodLimit]}
 *       of the latest certified config applied to it (absent for a genesis token no config has
 *       touched: registered);
 *   <li>{@link StateKey#tokenIndex}: the L1 tokens registered after genesis, in order.
 * </ul>
 *
 * <p>Only addresses in {@link #known} can be tokens, so a call to any other address (an ETH
 * transfer) costs one set lookup; the set only grows (a superset is harmless, the state decides).
 * Decoded entries are cached by their bytes.
 */
final class TokenRegistry {
  /** The latest config applied to a token. */
  record Setting(UInt256 governanceNonce, boolean registered, UInt256 periodLimit) {}

  /** A decoded entry and the bytes it came from (compared by content, never as a value). */
  private static final class Cached {
    private final byte[] raw;
    private final Token token;

    Cached(byte[] raw, Token token) {
      this.raw = raw;
      this.token = token;
    }
  }

  private final List<Token> genesis;
  private final Set<Address> known = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<Address, StateKey> keys = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Address, Address> sidechainOf = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Address, Cached> cache = new ConcurrentHashMap<>();

  /**
   * @param genesis the genesis tokens
   * @param latest the latest state, whose index names the tokens registered since
   */
  TokenRegistry(List<Token> genesis, StateView latest) {
    this.genesis = List.copyOf(genesis);
    genesis.forEach(t -> known(t.l1Token()));
    registeredSince(latest).forEach(this::known);
  }

  /** Makes {@code l1Token}'s sidechain address one that may answer as a token. */
  Address known(Address l1Token) {
    Address a = sidechainOf.computeIfAbsent(l1Token, TokenAddresses::sidechainToken);
    known.add(a);
    return a;
  }

  /** The token answering at sidechain address {@code a} in {@code view}, or {@code null}. */
  Token atSidechain(StateView view, Address a) {
    if (!known.contains(a)) {
      return null;
    }
    byte[] raw = view.get(keys.computeIfAbsent(a, StateKey::token));
    if (raw == null) {
      return null;
    }
    Cached c = cache.get(a);
    if (c != null && (c.raw == raw || Arrays.equals(c.raw, raw))) {
      return c.token;
    }
    Token t = decode(raw);
    cache.put(a, new Cached(raw, t));
    return t;
  }

  /** The token bridged from {@code l1Token} in {@code view}, or {@code null}. */
  Token forL1(StateView view, Address l1Token) {
    if (l1Token.equals(Address.ZERO)) {
      return null;
    }
    Address a = sidechainOf.get(l1Token);
    return a == null ? null : atSidechain(view, a);
  }

  /** The latest config applied to {@code l1Token}, if any. */
  Optional<Setting> setting(StateView view, Address l1Token) {
    byte[] raw = view.get(StateKey.tokenConfig(l1Token));
    if (raw == null) {
      return Optional.empty();
    }
    try {
      List<Rlp.Item> f = Rlp.decode(raw, 0).list();
      return Optional.of(
          new Setting(
              new UInt256(f.get(0).uint(32)),
              f.get(1).uint64() == 1,
              new UInt256(f.get(2).uint(32))));
    } catch (Rlp.RlpException e) {
      throw new IllegalStateException("stored token config is corrupt", e);
    }
  }

  /** Every token in {@code view}: the genesis ones, then those registered since, in order. */
  List<Token> all(StateView view) {
    List<Token> out = new ArrayList<>();
    for (Token g : genesis) {
      out.add(atSidechain(view, g.address()));
    }
    for (Address l1 : registeredSince(view)) {
      Token t = atSidechain(view, known(l1));
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  static List<Address> registeredSince(StateView view) {
    byte[] raw = view.get(StateKey.tokenIndex());
    if (raw == null) {
      return List.of();
    }
    try {
      List<Address> out = new ArrayList<>();
      for (Rlp.Item i : Rlp.decode(raw, 0).list()) {
        out.add(new Address(i.string()));
      }
      return out;
    } catch (Rlp.RlpException | IllegalArgumentException e) {
      throw new IllegalStateException("stored token index is corrupt", e);
    }
  }

  static byte[] encodeIndex(List<Address> l1Tokens) {
    return Rlp.list(l1Tokens.stream().map(a -> Rlp.string(a.bytes())).toList());
  }

  static byte[] encode(Setting s) {
    return Rlp.list(
        Rlp.uint(s.governanceNonce()), Rlp.uint(s.registered() ? 1 : 0), Rlp.uint(s.periodLimit()));
  }

  /** A token entry, in the format block 0 has always used. */
  static byte[] encode(Token t) {
    List<byte[]> fields = new ArrayList<>();
    fields.add(Rlp.string(t.l1Token().bytes()));
    fields.add(Rlp.string(t.symbol().getBytes(StandardCharsets.UTF_8)));
    fields.add(Rlp.string(t.name().getBytes(StandardCharsets.UTF_8)));
    fields.add(Rlp.uint(t.decimals()));
    t.maxWithdrawal().ifPresent(m -> fields.add(Rlp.uint(m)));
    return Rlp.list(fields);
  }

  /** The state was written by {@link #encode(Token)}, so corruption is fatal. */
  static Token decode(byte[] raw) {
    try {
      List<Rlp.Item> f = Rlp.decode(raw, 0).list();
      Token t =
          Token.of(
              new Address(f.get(0).string()),
              new String(f.get(1).string(), StandardCharsets.UTF_8),
              new String(f.get(2).string(), StandardCharsets.UTF_8),
              f.get(3).uint(1).intValueExact());
      return f.size() > 4 ? t.withMaxWithdrawal(new UInt256(f.get(4).uint(32))) : t;
    } catch (Rlp.RlpException | RuntimeException e) {
      throw new IllegalStateException("stored token is corrupt", e);
    }
  }
}
