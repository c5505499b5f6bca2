package org.fedbridge.sidechain.ledger;

import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.types.Address;
import org.fedbridge.sidechain.tx.Rlp;

/** An event log, as an EVM would emit it: emitting address, up to four topics, data. */
public record LogEntry(Address address, List<byte[]> topics, byte[] data) {
  public LogEntry {
    topics = List.copyOf(topics);
  }

  byte[] encode() {
    List<byte[]> ts = new ArrayList<>();
    for (byte[] t : topics) {
      ts.add(Rlp.string(t));
    }
    return Rlp.list(Rlp.string(address.bytes()), Rlp.list(ts), Rlp.string(data));
  }
}
