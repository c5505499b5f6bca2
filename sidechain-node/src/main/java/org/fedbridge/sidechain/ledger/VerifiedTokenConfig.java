package org.fedbridge.sidechain.ledger;

import java.util.Optional;
import org.fedbridge.core.wire.GovernanceAction.TokenConfigAction;

/**
 * A {@code TokenConfig} certified by the current federation, with the governance-signed metadata of
 * a new token. Only {@link TokenConfigs} makes one, so nothing unverified changes the registry.
 */
public final class VerifiedTokenConfig {
  private final TokenConfigCertificate certificate;
  private final Optional<TokenConfigAction> metadata;

  VerifiedTokenConfig(TokenConfigCertificate certificate, Optional<TokenConfigAction> metadata) {
    this.certificate = certificate;
    this.metadata = metadata;
  }

  public TokenConfigCertificate certificate() {
    return certificate;
  }

  /** The authenticated symbol, name and decimals, when a governance record came with it. */
  Optional<TokenConfigAction> metadata() {
    return metadata;
  }
}
