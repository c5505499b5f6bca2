package org.fedbridge.validator.batch;

import org.fedbridge.core.types.Bytes32;

/** A block by number and hash: where a watcher's cursor points. */
public record BlockRef(long number, Bytes32 hash) {
  public BlockRef {
    if (number < 0 || hash == null) {
      throw new IllegalArgumentException("a block needs a number >= 0 and a hash");
    }
  }
}
