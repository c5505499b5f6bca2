package org.fedbridge.sidechain.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.sidechain.tx.Rlp;

/** An event log, as an EVM would emit it: emitting address, up to four topics, data. */
public record LogEntry(Address address, List<Bytes32> topics, byte[] data) {
  public LogEntry {
    topics = List.copyOf(topics);
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  byte[] encode() {
    List<byte[]> ts = new ArrayList<>();
    for (Bytes32 t : topics) {
      ts.add(Rlp.string(t.bytes()));
    }
    return Rlp.list(Rlp.string(address.bytes()), Rlp.list(ts), Rlp.string(data));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogEntry l
        && address.equals(l.address)
        && topics.equals(l.topics)
        && Arrays.equals(data, l.data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * address.hashCode() + topics.hashCode()) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "LogEntry[" + address + " " + topics + " " + Hex.encode(data) + "]";
  }
}
