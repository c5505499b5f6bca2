package org.fedbridge.admin.chain;

import org.fedbridge.admin.AdminProperties;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.springframework.stereotype.Component;

/** This deployment's identity: the words every digest of an epoch starts with. */
@Component
public class Deployment {
  private final long l1ChainId;
  private final Address vault;
  private final long sidechainId;

  Deployment(AdminProperties properties) {
    this.l1ChainId = properties.l1().chainId();
    this.vault = Address.fromHex(properties.l1().vault());
    this.sidechainId = properties.sidechain().chainId();
  }

  public Domain domain(long epoch) {
    return new Domain(UInt256.of(l1ChainId), vault, UInt256.of(sidechainId), UInt256.of(epoch));
  }

  public long l1ChainId() {
    return l1ChainId;
  }

  public Address vault() {
    return vault;
  }

  public long sidechainId() {
    return sidechainId;
  }
}
