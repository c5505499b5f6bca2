package org.fedbridge.sidechain.tx;

/** The outcome of decoding a raw transaction: a transaction or the reason it is refused. */
public sealed interface Decoded {
  record Ok(SignedTransaction tx) implements Decoded {}

  record Refused(TxRejected rejection) implements Decoded {}
}
