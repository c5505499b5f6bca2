package org.fedbridge.validator.consensus;

import java.util.List;
import java.util.Optional;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.types.UInt256;

/** {@link CertificateBook} over the certificates table. */
final class StoredCertificateBook implements CertificateBook {
  private final ConsensusStore store;
  private final ConsensusEngine engine;

  StoredCertificateBook(ConsensusStore store, ConsensusEngine engine) {
    this.store = store;
    this.engine = engine;
  }

  @Override
  public Optional<Certificate> find(MessageType type, UInt256 batchId) {
    return store.find(type, batchId);
  }

  @Override
  public List<Certificate> list(MessageType type, Optional<UInt256> before, int limit) {
    return store.list(type, before, Math.max(1, Math.min(limit, 1000)));
  }

  @Override
  public List<Certificate> after(long seq, int limit) {
    return store.after(seq, Math.max(1, Math.min(limit, 1000)));
  }

  @Override
  public void onNewCertificates(Runnable listener) {
    engine.addListener(listener);
  }
}
