package org.fedbridge.validator.signing;

import java.util.Map;
import java.util.Set;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Result;

/** Where the per-token limits come from: the vault's {@code tokenSettings} on L1. */
interface TokenLimitsSource {

  /**
   * The limits of {@code tokens}; a token missing from the map has unknown limits (its withdrawals
   * wait). An error when L1 cannot be asked at all.
   */
  Result<Map<Address, TokenLimits>> limits(Set<Address> tokens);
}
