package org.fedbridge.sidechain.genesis;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;

/**
 * The sidechain's first state, read from the genesis file (see {@link GenesisFile}).
 *
 * @param chainId the sidechain's EIP-155 chain id
 * @param timestamp block 0's timestamp (seconds)
 * @param l1ChainId the L1 chain id, part of every certificate's domain
 * @param vault the L1 BridgeVault address, part of every certificate's domain
 * @param epoch the federation of epoch 0
 * @param tokens the token registry
 * @param alloc prefunded ETH balances (wei), sorted by address
 * @param gasPrice the fixed gas price (base fee) in wei; zero is allowed
 * @param ethMaxWithdrawal the largest single ETH withdrawal the vault pays, if configured
 * @param governanceKey admin-api's governance key, if configured: it authenticates the display
 *     metadata (symbol, name, decimals) of tokens registered after genesis
 */
public record Genesis(
    long chainId,
    long timestamp,
    long l1ChainId,
    Address vault,
    Epoch epoch,
    List<Token> tokens,
    SortedMap<String, UInt256> alloc,
    UInt256 gasPrice,
    Optional<UInt256> ethMaxWithdrawal,
    Optional<IdentityPublicKey> governanceKey) {
  public Genesis {
    tokens = List.copyOf(tokens);
    alloc = new TreeMap<>(alloc);
  }

  /** A genesis without a governance key: no token can be registered after it. */
  public Genesis(
      long chainId,
      long timestamp,
      long l1ChainId,
      Address vault,
      Epoch epoch,
      List<Token> tokens,
      SortedMap<String, UInt256> alloc,
      UInt256 gasPrice,
      Optional<UInt256> ethMaxWithdrawal) {
    this(
        chainId,
        timestamp,
        l1ChainId,
        vault,
        epoch,
        tokens,
        alloc,
        gasPrice,
        ethMaxWithdrawal,
        Optional.empty());
  }
}
