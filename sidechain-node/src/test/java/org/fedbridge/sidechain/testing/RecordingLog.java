package org.fedbridge.sidechain.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.fedbridge.sidechain.replication.RecordAppender;

/** An in-memory log: records in the order they were appended, acknowledged at once. */
public final class RecordingLog implements RecordAppender {
  private final List<byte[]> records = new ArrayList<>();

  @Override
  public synchronized CompletableFuture<Long> append(byte[] record) {
    records.add(record.clone());
    return CompletableFuture.completedFuture((long) records.size() - 1);
  }

  public synchronized List<byte[]> records() {
    return List.copyOf(records);
  }

  public synchronized int size() {
    return records.size();
  }
}
