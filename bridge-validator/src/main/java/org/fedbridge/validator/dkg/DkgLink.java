package org.fedbridge.validator.dkg;

import java.time.Duration;
import java.util.List;
import org.fedbridge.core.types.Bytes32;

/** What a DKG participant needs from the ordered log ({@link DkgTransport} over Kafka). */
interface DkgLink {
  long earliest();

  void publish(Bytes32 session, List<byte[]> records);

  List<DkgTransport.Read> poll(long from, Duration wait);
}
