// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Claims} from "./vault/Claims.sol";
import {Deposits} from "./vault/Deposits.sol";
import {GovernanceQueue} from "./vault/GovernanceQueue.sol";
import {VaultConfig} from "./vault/VaultConfig.sol";

/// @title fedbridge L1 vault
/// @notice Locks ETH and registered ERC-20s for the sidechain and pays withdrawals that the
///         federation certified with one threshold-BLS signature per batch (a Merkle root).
///         There is no owner and no upgrade path. The vault is built to survive a stolen
///         federation key (docs/security.md, "If the federation's key is stolen"):
///         - every withdrawal root waits out a challenge period before it pays; inside it any
///           pauser with an active veto can revoke it, and a later epoch can revoke it at any time;
///         - every change that loosens a control (higher limits, shorter periods or delays,
///           (de)registering, removing a pauser, unpausing, rotating) waits `governanceDelay` in
///           a queue that pausers can cancel; tightening applies at once;
///         - per-token outflow is capped over any window of one period (`OutflowLimit`), and
///           never exceeds what was deposited.
/// @dev    The vault is composed of one abstract contract per responsibility (src/vault/):
///         {VaultConfig} (sidechain id and the two clocks) ← {FederationEpochs} (group keys,
///         certificates) ← {Pausers} (pause, vetoes); {TokenRegistry} (limits and books);
///         {Deposits}; {WithdrawalRoots} (post, challenge period, revocation); {Claims} (nullifier,
///         limits, payouts and owed payouts); {GovernanceQueue} (submit, queue, execute, cancel).
///         Types, errors and events are in {IVaultTypes}, {IVaultErrors} and {IVaultEvents}.
///         Storage order follows the linearization (contracts/README.md, "Storage layout").
contract BridgeVault is Deposits, Claims, GovernanceQueue {
    /// @notice Deploys the vault with epoch 0 set atomically (there is no initializer).
    /// @param sidechainId_ Sidechain id (non-zero) bound into every digest.
    /// @param groupKey Epoch-0 group public key, 256-byte EIP-2537 G2, validated here.
    /// @param threshold Signing threshold t of the epoch-0 federation (⌊2n/3⌋+1 ≤ t ≤ n).
    /// @param memberCount Number of members n of the epoch-0 federation.
    /// @param membersHash Commitment to the member list (opaque here, see docs/encoding.md).
    /// @param pausers Addresses allowed to pause; their veto is active at once.
    /// @param tokens Initial registry (use `address(0)` for ETH).
    /// @param governanceDelay_ Queue delay of loosening changes, 1 … 2^24-1 seconds.
    /// @param challengePeriod_ Wait of every posted root before it pays, 1 … 2^24-1 seconds.
    constructor(
        uint256 sidechainId_,
        bytes memory groupKey,
        uint256 threshold,
        uint256 memberCount,
        bytes32 membersHash,
        address[] memory pausers,
        TokenSettings[] memory tokens,
        uint256 governanceDelay_,
        uint256 challengePeriod_
    ) VaultConfig(sidechainId_, governanceDelay_, challengePeriod_) {
        // SECURITY: no identity key, no impossible threshold (threats row 3): epoch 0 is validated
        // like every later epoch.
        _setEpoch(0, groupKey, threshold, memberCount, membersHash);
        for (uint256 i = 0; i < pausers.length; ++i) {
            _addInitialPauser(pausers[i]);
        }
        for (uint256 i = 0; i < tokens.length; ++i) {
            _configureToken(tokens[i]);
        }
    }
}
