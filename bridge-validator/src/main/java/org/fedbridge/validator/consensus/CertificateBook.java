package org.fedbridge.validator.consensus;

import java.util.List;
import java.util.Optional;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.types.UInt256;

/**
 * The consensus feature's public face for readers: the certificates this validator holds (combined
 * here or read from {@code bridge.certificates}), each verified against its epoch's group key.
 */
public interface CertificateBook {
  /** The certificate of that batch in the latest epoch that certified it. */
  Optional<Certificate> find(MessageType type, UInt256 batchId);

  /** Certificates of one type by descending batch id, below {@code before} when given. */
  List<Certificate> list(MessageType type, Optional<UInt256> before, int limit);

  /** Certificates learnt after {@code seq}, ascending, for features that follow the book. */
  List<Certificate> after(long seq, int limit);

  /** Registers a callback run (on the consensus thread) after new certificates are stored. */
  void onNewCertificates(Runnable listener);
}
