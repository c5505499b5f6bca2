package org.fedbridge.sidechain.rpc;

import org.fedbridge.core.types.Bytes32;

/**
 * Which block a request means: a tag, a number or (EIP-1898) a hash. Stored blocks are final, so
 * {@code safe} and {@code finalized} are the latest block; {@code pending} is too, except where a
 * method gives it its own meaning (the pending nonce).
 */
public sealed interface BlockSelector {
  BlockSelector LATEST = new Latest(false);

  record Latest(boolean pending) implements BlockSelector {}

  record Earliest() implements BlockSelector {}

  record Number(long number) implements BlockSelector {}

  record Hash(Bytes32 hash) implements BlockSelector {}

  default boolean isPending() {
    return this instanceof Latest l && l.pending();
  }
}
