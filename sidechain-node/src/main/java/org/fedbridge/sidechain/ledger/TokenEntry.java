package org.fedbridge.sidechain.ledger;

import java.util.Optional;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.genesis.Token;

/**
 * A token of the registry as a state holds it.
 *
 * @param token its addresses, metadata and withdrawal maximum
 * @param registered whether the vault takes deposits of it (the latest certified config; what it
 *     already took is minted, and a deregistered token can still be burned)
 * @param governanceNonce the nonce of the last certified {@code TokenConfig} applied to it, if any
 */
public record TokenEntry(Token token, boolean registered, Optional<UInt256> governanceNonce) {}
