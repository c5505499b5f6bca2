package org.fedbridge.sidechain.replication;

import java.util.concurrent.CompletableFuture;

/** Appends records to the ordered log. */
public interface RecordAppender {
  /** Completes with the record's offset once the log holds it. */
  CompletableFuture<Long> append(byte[] record);
}
