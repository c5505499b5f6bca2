package org.fedbridge.validator.watch;

import org.fedbridge.core.types.Bytes32;
import org.fedbridge.validator.batch.BlockRef;

/**
 * The parts of an L1 block header the watcher uses.
 *
 * @param logsBloom the 256-byte bloom filter, or null if the node did not send one
 */
record L1Header(long number, Bytes32 hash, Bytes32 parentHash, byte[] logsBloom) {
  BlockRef ref() {
    return new BlockRef(number, hash);
  }
}
