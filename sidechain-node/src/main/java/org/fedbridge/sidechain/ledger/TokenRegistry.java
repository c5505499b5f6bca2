package org.fedbridge.sidechain.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedbridge.core.types.Address;
import org.fedbridge.sidechain.genesis.Token;

/** The bridged tokens, by sidechain address and by L1 address. */
final class TokenRegistry {
  private final Map<Address, Token> bySidechain = new LinkedHashMap<>();
  private final Map<Address, Token> byL1 = new LinkedHashMap<>();

  TokenRegistry(List<Token> tokens) {
    for (Token t : tokens) {
      bySidechain.put(t.address(), t);
      byL1.put(t.l1Token(), t);
    }
  }

  Token atSidechain(Address a) {
    return bySidechain.get(a);
  }

  Token forL1(Address l1Token) {
    return byL1.get(l1Token);
  }

  List<Token> all() {
    return List.copyOf(bySidechain.values());
  }
}
