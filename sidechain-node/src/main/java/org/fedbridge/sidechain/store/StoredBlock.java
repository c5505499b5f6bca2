package org.fedbridge.sidechain.store;

import org.fedbridge.core.types.Bytes32;
import org.fedbridge.sidechain.ledger.BlockHeader;

/** A stored block's header and hash, and the log offset a replica resumes from after it. */
public record StoredBlock(BlockHeader header, Bytes32 hash, long nextOffset) {
  public long number() {
    return header.number();
  }
}
